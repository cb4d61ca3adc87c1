import type { Role } from '../domain';
import { badRequest } from '../errors';
import type { Field } from './fields';
import { isRealDate } from './fields';
import { isVisible, type DerivedField, type ResourceDef } from './resource';

export const MAX_PAGE = 1000;

export type FilterOp = 'eq' | 'in' | 'null' | 'gte' | 'lte' | 'search';
export interface FilterClause {
  field: string;
  op: FilterOp;
  value: unknown;
  /** For a search by substring: the columns the role may read (a hidden column must not answer a search). */
  columns?: string[];
}
export interface ListParams {
  filters: FilterClause[];
  sort: [string, 'ASC' | 'DESC'];
  offset: number;
  limit: number;
  paged: boolean;
}

const RANGE_KINDS = new Set(['date', 'money', 'int', 'number', 'timestamp']);
const ID_FIELD: Field = {
  kind: 'ref',
  nullable: false,
  required: false,
  filter: true,
  sort: true,
  readOnly: true,
};
const TIMESTAMP_FIELD: Field = { ...ID_FIELD, kind: 'timestamp' };

function parseJson(name: string, raw: unknown): unknown {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw badRequest(`Der Parameter "${name}" darf nur einmal angegeben werden.`);
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest(`Der Parameter "${name}" ist kein gültiges JSON.`);
  }
}

/** The field a key names, if the role may see it. */
function lookup(def: ResourceDef, role: Role, name: string): Field | DerivedField | undefined {
  if (name === 'id') return ID_FIELD;
  if (name === 'created_at' || name === 'updated_at') return TIMESTAMP_FIELD;
  const f = def.fields[name] ?? def.derived?.[name];
  return f && isVisible(f, role) ? f : undefined;
}

const TIMESTAMP =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(?:Z|[+-](\d{2})(?::?(\d{2}))?)?)?$/;

/**
 * An ISO 8601 instant PostgreSQL reads the same way, within the years real data has: anything else (a year like
 * +275760, a zone offset of 99 hours, "24:61") would fail in the database (SQLSTATE 22008, 22009 ...).
 */
export function isTimestamp(v: string): boolean {
  const m = TIMESTAMP.exec(v);
  if (!m || !isRealDate(m[1]!)) return false;
  const [h, min, sec, zh, zm] = m.slice(2).map((x) => Number(x ?? 0));
  return h! <= 23 && min! <= 59 && sec! <= 59 && zh! <= 15 && zm! <= 59;
}

function scalar(field: Field, key: string, v: unknown): unknown {
  const bad = () => badRequest(`Der Filterwert für "${key}" ist ungültig.`);
  switch (field.kind) {
    case 'int':
    case 'money':
    case 'ref':
    case 'ids': {
      const n = typeof v === 'string' && /^-?\d{1,16}$/.test(v) ? Number(v) : v;
      if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw bad();
      return n;
    }
    case 'number': {
      const n = typeof v === 'string' && /^-?\d{1,12}(\.\d+)?$/.test(v) ? Number(v) : v;
      if (typeof n !== 'number' || !Number.isFinite(n)) throw bad();
      return n;
    }
    case 'bool':
      if (v === true || v === 'true') return true;
      if (v === false || v === 'false') return false;
      throw bad();
    case 'date':
      if (typeof v !== 'string' || !isRealDate(v)) throw bad();
      return v;
    case 'timestamp':
      if (typeof v !== 'string' || !isTimestamp(v))
        throw badRequest(
          `Der Filterwert für "${key}" ist kein gültiger Zeitpunkt (JJJJ-MM-TT oder JJJJ-MM-TTThh:mm:ss mit Zeitzone, Jahr 1900–2200).`,
        );
      return v;
    case 'enum':
      if (typeof v !== 'string' || !field.enumValues?.includes(v))
        throw badRequest(`Der Filterwert "${String(v)}" ist für "${key}" nicht zulässig.`);
      return v;
    default:
      if (typeof v !== 'string' || v.length > 500) throw bad();
      return v;
  }
}

function parseFilter(def: ResourceDef, role: Role, raw: unknown): FilterClause[] {
  if (raw === undefined) return [];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw badRequest('Der Parameter "filter" muss ein JSON-Objekt sein.');
  const clauses: FilterClause[] = [];
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key === 'q') {
      if (typeof value !== 'string' || value.length > 200)
        throw badRequest('Der Suchbegriff "q" muss ein Text mit höchstens 200 Zeichen sein.');
      if (!def.search) throw badRequest(`"${def.name}" kann nicht durchsucht werden (Filter "q").`);
      const columns = def.search.ilike?.filter((c) => !def.fields[c] || isVisible(def.fields[c], role));
      if (value.trim()) clauses.push({ field: 'q', op: 'search', value: value.trim(), columns });
      continue;
    }
    const m = /^(.+?)_(gte|lte|null)$/.exec(key);
    const direct = lookup(def, role, key);
    const base = !direct && m ? lookup(def, role, m[1]!) : undefined;
    const field = direct ?? base;
    if (!field || !field.filter)
      throw badRequest(`Nach dem Feld "${key}" kann bei "${def.name}" nicht gefiltert werden.`);
    if (direct) {
      if (Array.isArray(value)) {
        if (value.length > MAX_PAGE) throw badRequest(`Zu viele Werte im Filter "${key}".`);
        clauses.push({ field: key, op: 'in', value: value.map((v) => scalar(field, key, v)) });
      } else if (value === null) {
        clauses.push({ field: key, op: 'null', value: true });
      } else clauses.push({ field: key, op: 'eq', value: scalar(field, key, value) });
      continue;
    }
    const op = m![2] as 'gte' | 'lte' | 'null';
    if (op === 'null') {
      clauses.push({ field: m![1]!, op, value: scalar({ ...field, kind: 'bool' }, key, value) });
    } else {
      if (!RANGE_KINDS.has(field.kind))
        throw badRequest(`"${key}": Von-bis-Filter gibt es nur für Datums- und Zahlenfelder.`);
      clauses.push({ field: m![1]!, op, value: scalar(field, key, value) });
    }
  }
  return clauses;
}

function parseSort(def: ResourceDef, role: Role, raw: unknown): [string, 'ASC' | 'DESC'] {
  if (raw === undefined) return def.defaultSort;
  if (!Array.isArray(raw) || raw.length !== 2 || typeof raw[0] !== 'string' || typeof raw[1] !== 'string')
    throw badRequest('Der Parameter "sort" muss die Form ["feld","ASC"] haben.');
  const [field, order] = raw as [string, string];
  const f = lookup(def, role, field);
  if (!f || !f.sort)
    throw badRequest(`Nach dem Feld "${field}" kann bei "${def.name}" nicht sortiert werden.`);
  const upper = order.toUpperCase();
  if (upper !== 'ASC' && upper !== 'DESC') throw badRequest('Die Sortierrichtung muss ASC oder DESC sein.');
  return [field, upper];
}

function parseRange(raw: unknown): { offset: number; limit: number; paged: boolean } {
  if (raw === undefined) return { offset: 0, limit: MAX_PAGE, paged: false };
  if (
    !Array.isArray(raw) ||
    raw.length !== 2 ||
    !raw.every((n) => Number.isSafeInteger(n) && (n as number) >= 0) ||
    (raw[1] as number) < (raw[0] as number)
  )
    throw badRequest('Der Parameter "range" muss die Form [start, ende] mit 0 ≤ start ≤ ende haben.');
  const [start, end] = raw as [number, number];
  return { offset: start, limit: Math.min(end - start + 1, MAX_PAGE), paged: true };
}

export function parseListParams(def: ResourceDef, role: Role, query: Record<string, unknown>): ListParams {
  return {
    filters: parseFilter(def, role, parseJson('filter', query.filter)),
    sort: parseSort(def, role, parseJson('sort', query.sort)),
    ...parseRange(parseJson('range', query.range)),
  };
}
