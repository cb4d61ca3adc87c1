import type { Knex } from 'knex';
import type { Role } from '../domain';
import { COUNT_CAP, estimatedCount, exactCount } from './count';
import type { FilterClause, ListParams } from './listParams';
import {
  SYSTEM_FIELDS,
  visibleFields,
  type DerivedField,
  type ResourceDef,
  type Row,
  type SessionUser,
} from './resource';

/** SQL for a derived or linked field; undefined for a stored column. */
function derivedSql(def: ResourceDef, name: string): string | undefined {
  const f: DerivedField | undefined = def.derived?.[name];
  if (!f) return undefined;
  if (f.link)
    return `(select coalesce(array_agg(l.${f.link.other} order by l.${f.link.other}), '{}') from ${f.link.table} l where l.${f.link.self} = ${def.name}.id)`;
  return f.sql;
}

/** Every derived and linked field as a select or RETURNING expression, whatever the role; `except` left out. */
export function derivedColumns(
  db: Knex | Knex.Transaction,
  def: ResourceDef,
  except: readonly string[] = [],
): Knex.Raw[] {
  return Object.keys(def.derived ?? {})
    .filter((name) => !except.includes(name))
    .map((name) => db.raw(`${derivedSql(def, name)!} as ??`, [name]));
}

/** A full row (stored, derived and linked values) cut down to what the role reads, in the order of a select. */
export function visibleRecord(def: ResourceDef, row: Row, role: Role): Row {
  const keys = [
    ...SYSTEM_FIELDS.filter((c) => c !== 'version' || def.versioned),
    ...Object.keys(visibleFields(def, role)),
  ];
  return Object.fromEntries(keys.filter((k) => Object.hasOwn(row, k)).map((k) => [k, row[k]]));
}

/** Columns and computed fields the role may see, for a select. */
export function selectColumns(
  db: Knex | Knex.Transaction,
  def: ResourceDef,
  role: Role,
): (string | Knex.Raw)[] {
  const cols: (string | Knex.Raw)[] = SYSTEM_FIELDS.filter((c) => c !== 'version' || def.versioned).map(
    (c) => `${def.name}.${c}`,
  );
  for (const name of Object.keys(visibleFields(def, role))) {
    const sql = derivedSql(def, name);
    cols.push(sql ? db.raw(`${sql} as ??`, [name]) : `${def.name}.${name}`);
  }
  return cols;
}

/** A German prefix query: every word must match the start of a word ("Breitband" finds "Breitbandausbau"). */
/** The most words a search reads; more are ignored. */
const MAX_SEARCH_WORDS = 10;

export function prefixQuery(q: string): string | undefined {
  const words = q.match(/[\p{L}\p{N}]+/gu);
  return words?.length
    ? words
        .slice(0, MAX_SEARCH_WORDS)
        .map((w) => `${w}:*`)
        .join(' & ')
    : undefined;
}

/**
 * The words of a substring search, each searched on its own (in any searched column), as the full-text search reads
 * several words. Searched as one phrase, two frequent words that never stand side by side ("Abschlag Rechnung")
 * gave the trigram index nothing to exclude (pg_trgm makes no trigram across a space): every row was re-read.
 */
function searchWords(q: string): string[] {
  return q.split(/\s+/).filter(Boolean).slice(0, MAX_SEARCH_WORDS);
}

const SEPARATOR = '\u0001';

/**
 * The text a substring search reads: the searched columns joined by chr(1), which no query matches across
 * because a query holding it is searched column by column. The same expression (without the table name) is
 * indexed by migration 20261204150000_search_expression_indexes.ts; the planner uses the index only while both
 * agree, which tests/api/list-plans.test.ts checks for every resource.
 */
export function searchText(table: string, columns: readonly string[]): string {
  return `(${columns.map((c) => `coalesce(${table}.${c}, '')`).join(' || chr(1) || ')})`;
}

function applyClause(
  db: Knex | Knex.Transaction,
  qb: Knex.QueryBuilder,
  def: ResourceDef,
  c: FilterClause,
): void {
  if (c.op === 'search') {
    const tsquery = prefixQuery(c.value as string);
    if (def.search?.fts) {
      if (tsquery) qb.whereRaw(`${def.name}.search @@ to_tsquery('german', ?)`, [tsquery]);
      else qb.whereRaw('false');
    } else {
      const columns = c.columns ?? def.search?.ilike ?? [];
      const declared = def.search?.ilike ?? [];
      const together =
        columns.length > 1 &&
        columns.length === declared.length &&
        columns.every((col, i) => col === declared[i]);
      for (const word of searchWords(c.value as string)) {
        const like = `%${word.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
        // All declared columns at once: one expression, one index. Exact as long as the word holds no separator.
        if (together && !like.includes(SEPARATOR))
          qb.whereRaw(`${searchText(def.name, columns)} ilike ?`, [like]);
        else qb.where((w) => columns.forEach((col) => w.orWhereILike(`${def.name}.${col}`, like)));
      }
    }
    return;
  }
  const link = def.derived?.[c.field]?.link;
  if (link) {
    if (c.op === 'null') {
      const exists = `exists (select 1 from ${link.table} l where l.${link.self} = ${def.name}.id)`;
      qb.whereRaw(c.value ? `not ${exists}` : exists);
      return;
    }
    const values = c.op === 'in' ? (c.value as number[]) : [c.value as number];
    qb.whereExists(
      db
        .select(db.raw('1'))
        .from(`${link.table} as l`)
        .whereRaw(`l.${link.self} = ${def.name}.id`)
        .whereIn(`l.${link.other}`, values),
    );
    return;
  }
  const sql = derivedSql(def, c.field);
  // Declared names only: a derived field's SQL comes from its declaration, a column is an identifier binding.
  const [expr, ident] = sql ? [sql, []] : ['??', [`${def.name}.${c.field}`]];
  switch (c.op) {
    case 'eq':
      qb.whereRaw(`${expr} = ?`, [...ident, c.value as string]);
      break;
    case 'in':
      if ((c.value as unknown[]).length === 0) qb.whereRaw('false');
      else
        qb.whereRaw(`${expr} in (${(c.value as unknown[]).map(() => '?').join(', ')})`, [
          ...ident,
          ...(c.value as string[]),
        ]);
      break;
    case 'null':
      qb.whereRaw(`${expr} is ${c.value ? '' : 'not '}null`, ident);
      break;
    case 'gte':
      qb.whereRaw(`${expr} >= ?`, [...ident, c.value as string]);
      break;
    case 'lte':
      qb.whereRaw(`${expr} <= ?`, [...ident, c.value as string]);
      break;
  }
}

export function applyFilters(
  db: Knex | Knex.Transaction,
  qb: Knex.QueryBuilder,
  def: ResourceDef,
  filters: FilterClause[],
): Knex.QueryBuilder {
  for (const c of filters) applyClause(db, qb, def, c);
  return qb;
}

export function applySort(qb: Knex.QueryBuilder, def: ResourceDef, [field, order]: ListParams['sort']): void {
  const sql = derivedSql(def, field);
  const dir = order === 'DESC' ? 'desc' : 'asc';
  if (sql) qb.orderByRaw(`${sql} ${dir} nulls last`);
  else if (def.fields[field]?.nullable) qb.orderBy(`${def.name}.${field}`, dir, 'last');
  // Without NULLS LAST a NOT NULL column's btree index serves the order in both directions.
  else qb.orderBy(`${def.name}.${field}`, dir);
  // A stable order across pages: equal values are ordered by id.
  if (field !== 'id') qb.orderBy(`${def.name}.id`, dir);
}

/**
 * One page of a list and its total. For a search (`q`) the plan is chosen, not left to the planner: PostgreSQL
 * estimates a prefix query it has no statistics for at ~0.5 % of the table, and for a rare or absent word it would
 * then walk the sort column's index testing every row (100,000 contacts, ~100 ms). So a search asks the planner's
 * estimate first; when that is at most COUNT_CAP (./count.ts) the hits are collected through the search index and
 * only they are sorted (pageOfFewHits). Many hits are read along the sort index, which finds a page's worth after a
 * few rows. A search's total is exact up to COUNT_CAP and the planner's estimate above it (never less than the rows
 * known to exist, so the next page stays reachable); other lists count exactly.
 */
export async function listRows(
  db: Knex | Knex.Transaction,
  def: ResourceDef,
  user: SessionUser,
  params: ListParams,
): Promise<{ rows: Record<string, unknown>[]; total: number }> {
  const where = (qb: Knex.QueryBuilder) => {
    def.readScope?.(qb, user);
    return applyFilters(db, qb, def, params.filters);
  };
  const columns = selectColumns(db, def, user.role);
  let estimate: number | undefined;
  if (params.filters.some((c) => c.op === 'search')) {
    estimate = await estimatedCount(db, where, def.name);
    const page = estimate <= COUNT_CAP ? await pageOfFewHits(db, def, where, columns, params) : undefined;
    if (page) return { rows: present(def, user, page.rows), total: page.total };
  }
  const rowsQuery = where(db(def.name).select(columns));
  applySort(rowsQuery, def, params.sort);
  rowsQuery.offset(params.offset).limit(params.limit);
  const rows = present(def, user, (await rowsQuery) as Record<string, unknown>[]);
  // Without a range the page is capped too; only a capped (full) page needs a count for the true total.
  if (!params.paged && rows.length < params.limit) return { rows, total: rows.length };
  // A partly filled page already tells the total; only a full or empty page needs a count.
  if (rows.length < params.limit && (rows.length > 0 || params.offset === 0))
    return { rows, total: params.offset + rows.length };
  // Lists without a search, and an empty page past the end (an estimate was too high): the exact total.
  if (estimate === undefined || !rows.length) return { rows, total: await exactCount(db, where, def.name) };
  // A search with more hits than COUNT_CAP is not counted: reading them all costs more than the page.
  return { rows, total: Math.max(estimate, params.offset + rows.length + 1, COUNT_CAP + 1) };
}

const HITS = '__hits';

/**
 * A page of a search from its hits alone: up to COUNT_CAP + 1 of them collected in a materialised CTE (planned on
 * its own, so through the search index), sorted, with their number. The CTE stands under the resource's name, so
 * the select list, derived fields and the sort read it like the table. Undefined when there are more hits than
 * COUNT_CAP after all (the estimate was low) or the page lies past the end (no row to carry the number).
 */
async function pageOfFewHits(
  db: Knex | Knex.Transaction,
  def: ResourceDef,
  where: (qb: Knex.QueryBuilder) => Knex.QueryBuilder,
  columns: (string | Knex.Raw)[],
  params: ListParams,
): Promise<{ rows: Record<string, unknown>[]; total: number } | undefined> {
  const hits = where(db(def.name).select(storedColumns(def))).limit(COUNT_CAP + 1);
  const page = db
    .withMaterialized('hits', hits)
    .select([...columns, db.raw('(select count(*) from hits) as ??', [HITS])])
    .from(`hits as ${def.name}`);
  applySort(page, def, params.sort);
  page.offset(params.offset).limit(params.limit);
  const rows = (await page) as Record<string, unknown>[];
  if (!rows.length) return params.offset === 0 ? { rows, total: 0 } : undefined;
  const total = Number(rows[0]![HITS]);
  if (total > COUNT_CAP) return undefined;
  return { rows: rows.map(({ [HITS]: _, ...row }) => row), total };
}

/** Every stored column, whatever the role: derived fields computed on a CTE of hits may read any of them. */
function storedColumns(def: ResourceDef): string[] {
  return [...SYSTEM_FIELDS.filter((c) => c !== 'version' || def.versioned), ...Object.keys(def.fields)].map(
    (c) => `${def.name}.${c}`,
  );
}

function present(def: ResourceDef, user: SessionUser, rows: Record<string, unknown>[]) {
  return def.present ? rows.map((r) => def.present!(r, user.role)) : rows;
}

export async function getRow(
  db: Knex | Knex.Transaction,
  def: ResourceDef,
  user: SessionUser,
  id: number,
): Promise<Record<string, unknown> | undefined> {
  const qb = db(def.name)
    .select(selectColumns(db, def, user.role))
    .where(`${def.name}.id`, id);
  def.readScope?.(qb, user);
  const row = (await qb.first()) as Record<string, unknown> | undefined;
  return row && present(def, user, [row])[0];
}
