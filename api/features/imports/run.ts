import type { Knex } from 'knex';
import { AppError, badRequest, type FieldErrors } from '../../errors';
import { germanDate } from '../../labels';
import type { Changes } from '../../rest/audit';
import type { Field } from '../../rest/fields';
import { derivedColumns } from '../../rest/query';
import { SYSTEM_FIELDS, type ResourceDef, type Row, type SessionUser } from '../../rest/resource';
import { createRecords, updateRecord } from '../../rest/write';
import { formatEuro } from '../../money';
import { cleanText, isEmpty, listItems, normalise, parseCell, parseNumber, type RawCell } from './cells';
import { COMPLETERS, type Completer } from './complete';
import { fieldLabel } from './labels';
import { loadLookups, type Lookup } from './references';
import type { SheetRow } from './readFile';
import type { ImportSpec } from './specs';

export type Action = 'create' | 'update' | 'unchanged' | 'error';

export interface RowReport {
  row: number;
  action: Action;
  key: string;
  changes: Changes;
  errors: FieldErrors;
}

export interface ImportReport {
  resource: string;
  dry_run: boolean;
  file_name: string;
  summary: { rows: number; create: number; update: number; unchanged: number; error: number };
  rows: RowReport[];
  warnings: string[];
}

/** The fields a file can write: stored writable ones and links (e.g. municipality_ids). */
function writableFields(def: ResourceDef): Record<string, Field> {
  const stored = Object.entries(def.fields).filter(([, f]) => !f.readOnly && !f.writeOnly);
  const links = Object.entries(def.derived ?? {}).filter(([, f]) => f.link);
  return Object.fromEntries([...stored, ...links]);
}

/** Helper columns (ImportSpec.helpers) carry this prefix in the header index, to tell them from fields. */
const HELPER = 'helper:';

/**
 * A header → the field it names: the UI's German label, the API field name or one of the spec's aliases, case and
 * spaces aside; a helper column → `helper:<name>`.
 */
function headerIndex(def: ResourceDef, spec: ImportSpec): Map<string, string> {
  const index = new Map<string, string>();
  const all = [...SYSTEM_FIELDS, ...Object.keys(def.fields), ...Object.keys(def.derived ?? {})];
  for (const name of all) {
    index.set(normalise(name), name);
    index.set(normalise(fieldLabel(def.name, name)), name);
  }
  for (const [name, aliases] of Object.entries(spec.aliases ?? {}))
    for (const alias of aliases) index.set(normalise(alias), name);
  for (const [name, aliases] of Object.entries(spec.helpers ?? {}))
    for (const alias of [name, ...aliases]) index.set(normalise(alias), HELPER + name);
  return index;
}

interface Header {
  at: number;
  columns: (string | undefined)[];
  /** Helper column → its index in a row. */
  helpers: Map<string, number>;
  warnings: string[];
}

/**
 * The header row: among the first 30 rows, the one naming the most known columns (title lines above it, as a
 * finance system writes them, are skipped). Unknown and read-only columns are warnings.
 */
function findHeader(def: ResourceDef, spec: ImportSpec, rows: SheetRow[]): Header {
  const index = headerIndex(def, spec);
  const writable = writableFields(def);
  let best: { at: number; hits: number } = { at: -1, hits: 0 };
  rows.slice(0, 30).forEach((r, at) => {
    const hits = r.cells.filter((c) => c !== null && index.has(normalise(String(c)))).length;
    if (hits > best.hits) best = { at, hits };
  });
  const labels = (fields: readonly string[]) => fields.map((f) => `"${fieldLabel(def.name, f)}"`).join(', ');
  if (best.at < 0)
    throw badRequest(
      `Keine Kopfzeile gefunden: In den ersten 30 Zeilen nennt keine Zeile eine bekannte Spalte (z. B. ${labels(spec.key)}).`,
    );
  const header = rows[best.at]!;
  const columns: (string | undefined)[] = [];
  const helpers = new Map<string, number>();
  const unknown: string[] = [];
  const ignored: string[] = [];
  header.cells.forEach((c, i) => {
    if (isEmpty(c)) return;
    const name = index.get(normalise(String(c)));
    if (!name) unknown.push(cleanText(String(c)));
    else if (name.startsWith(HELPER)) {
      if (helpers.has(name.slice(HELPER.length))) ignored.push(`${cleanText(String(c))} (doppelt)`);
      else helpers.set(name.slice(HELPER.length), i);
    } else if (!writable[name]) ignored.push(cleanText(String(c)));
    else if (columns.includes(name)) ignored.push(`${cleanText(String(c))} (doppelt)`);
    else columns[i] = name;
  });
  const missing = spec.key.filter(
    (k) => !columns.includes(k) && !spec.keyMayBeEmpty?.includes(k) && !spec.completes?.includes(k),
  );
  if (missing.length)
    throw badRequest(
      `Die Kopfzeile (Zeile ${header.row}) enthält die Spalten ${labels(missing)} nicht; sie bestimmen, welcher Datensatz gemeint ist.`,
    );
  const warnings = [];
  if (unknown.length) warnings.push(`Unbekannte Spalten werden ignoriert: ${unknown.join(', ')}.`);
  if (ignored.length) warnings.push(`Nur lesbare Spalten werden ignoriert: ${ignored.join(', ')}.`);
  return { at: best.at, columns, helpers, warnings };
}

interface ParsedRow {
  row: number;
  /** API values of the columns present. */
  values: Row;
  errors: FieldErrors;
  keyText: string;
  key: string;
}

const keyPart = (v: unknown): string => (typeof v === 'string' ? normalise(v) : v == null ? '' : String(v));
const keyOf = (spec: ImportSpec, values: Row): string => spec.key.map((k) => keyPart(values[k])).join('|');

/** A sum line's label, alone in its cell ("Summe", "Gesamtsumme:"): a booking text that mentions a sum is none. */
const SUM_WORDS = /^(summe|gesamtsumme|gesamt|summe gesamt|total)\s*:?$/i;

/** A sum line below the rows ("Summe" in some cell, no key cell filled): its total, or undefined for another row. */
function sumLine(spec: ImportSpec, r: SheetRow, header: Header): number | undefined {
  const at = spec.sumField ? header.columns.indexOf(spec.sumField) : -1;
  if (at < 0 || !r.cells.some((c) => typeof c === 'string' && SUM_WORDS.test(cleanText(c)))) return undefined;
  if (
    spec.key.some((k) => header.columns.includes(k) && !isEmpty(r.cells[header.columns.indexOf(k)] ?? null))
  )
    return undefined;
  const euros = parseNumber(r.cells[at] ?? null);
  return euros === undefined ? undefined : Math.round(euros * 100);
}

/** The check of a sum line against the rows above it, as a warning. */
function sumWarning(row: number, total: number, parsed: ParsedRow[], field: string): string {
  const amounts = parsed.map((p) => p.values[field]).filter((v): v is number => typeof v === 'number');
  const sum = amounts.reduce((a, b) => a + b, 0);
  const rows = `${amounts.length} ${amounts.length === 1 ? 'Zeile' : 'Zeilen'}`;
  return total === sum
    ? `Die Summenzeile (Zeile ${row}) wird nicht importiert; ihre Summe ${formatEuro(total)} stimmt mit den ${rows} überein.`
    : `Die Summenzeile (Zeile ${row}) wird nicht importiert; ihre Summe ${formatEuro(total)} weicht von der Summe der ${rows} ab (${formatEuro(sum)}, Differenz ${formatEuro(total - sum)}).`;
}

function parseRows(
  def: ResourceDef,
  spec: ImportSpec,
  rows: SheetRow[],
  header: Header,
  lookups: Map<string, Lookup>,
  complete: Completer | undefined,
): { parsed: ParsedRow[]; warnings: string[] } {
  const writable = writableFields(def);
  const present = header.columns.map((c, i) => [c, i] as const).filter(([c]) => c) as [string, number][];
  // Tranches resolve within the row's grant: plain fields and other references first.
  present.sort(([a], [b]) => Number(a === 'tranche_id') - Number(b === 'tranche_id'));
  const parsed: ParsedRow[] = [];
  const sums: [row: number, total: number][] = [];
  for (const r of rows) {
    if (r.cells.every(isEmpty)) continue;
    const total = sumLine(spec, r, header);
    if (total !== undefined) {
      sums.push([r.row, total]);
      continue;
    }
    const values: Row = {};
    const errors: FieldErrors = {};
    for (const [name, i] of present) {
      const raw: RawCell = r.cells[i] ?? null;
      const field = writable[name]!;
      if (field.kind === 'ref' || field.kind === 'ids') {
        const lookup = lookups.get(field.references!)!;
        const items = field.kind === 'ids' ? listItems(raw) : isEmpty(raw) ? [] : [String(raw)];
        const ids = items.map((text) => [text, lookup.find(text, values)] as const);
        const missing = ids.filter(([, id]) => id === undefined).map(([t]) => `"${cleanText(t)}"`);
        if (missing.length) errors[name] = `Nicht gefunden: ${missing.join(', ')} (${lookup.hint})`;
        else if (field.kind === 'ids')
          values[name] = [...new Set(ids.map(([, id]) => id!))].sort((a, b) => a - b);
        else values[name] = ids[0]?.[1] ?? null;
        continue;
      }
      const result = parseCell(name, field, raw, spec.percent?.includes(name));
      if ('error' in result) errors[name] = result.error;
      else values[name] = result.value;
    }
    if (complete)
      complete(
        values,
        Object.fromEntries([...header.helpers].map(([name, i]) => [name, r.cells[i] ?? null])),
        errors,
      );
    // A key the server fills is missing because of the row's other errors: those say what to fix.
    const filledLater = (k: string) => spec.completes?.includes(k) && Object.keys(errors).length > 0;
    for (const k of spec.key)
      if (
        !errors[k] &&
        (values[k] === null || values[k] === undefined) &&
        !spec.keyMayBeEmpty?.includes(k) &&
        !filledLater(k)
      )
        errors[k] =
          `${fieldLabel(def.name, k)} fehlt: Ohne sie lässt sich die Zeile keinem Datensatz zuordnen.`;
    const keyText = spec.key
      .map((k) => {
        const v = values[k];
        if (v === null || v === undefined) return '';
        const f = writable[k]!;
        if (f.kind === 'ref') return lookups.get(f.references!)!.label(v as number);
        return f.kind === 'date' ? germanDate(v as string) : String(v);
      })
      .filter(Boolean)
      .join(' / ');
    parsed.push({ row: r.row, values, errors, keyText, key: keyOf(spec, values) });
  }
  const warnings = sums.map(([row, total]) => sumWarning(row, total, parsed, spec.sumField!));
  return { parsed, warnings };
}

/** The existing records the file's keys name, with their links: one query per 1,000 keys. */
async function existingByKey(
  trx: Knex.Transaction,
  def: ResourceDef,
  spec: ImportSpec,
  rows: ParsedRow[],
): Promise<Map<string, Row>> {
  const first = spec.key[0]!;
  const firstValues = [
    ...new Set(rows.map((r) => r.values[first]).filter((v) => v !== null && v !== undefined)),
  ];
  const nonLinks = Object.entries(def.derived ?? {})
    .filter(([, f]) => !f.link)
    .map(([k]) => k);
  const isText = def.fields[first]!.kind === 'text';
  const found = new Map<string, Row>();
  for (let i = 0; i < firstValues.length; i += 1000) {
    const chunk = firstValues.slice(i, i + 1000);
    const q = trx(def.name).select([`${def.name}.*`, ...derivedColumns(trx, def, nonLinks)]);
    if (isText)
      q.whereRaw(`lower(??) in (${chunk.map(() => '?').join(', ')})`, [
        `${def.name}.${first}`,
        ...chunk.map((v) => normalise(String(v))),
      ]);
    else q.whereIn(`${def.name}.${first}`, chunk as number[]);
    for (const row of (await q) as Row[]) found.set(keyOf(spec, row), row);
  }
  return found;
}

const blank = (v: unknown): unknown => (v === '' || v === undefined ? null : v);
const same = (a: unknown, b: unknown) => JSON.stringify(blank(a)) === JSON.stringify(blank(b));

/** How a value reads in the report: references by their key (e.g. "Andernach"), everything else as the API has it. */
function shown(field: Field, value: unknown, lookups: Map<string, Lookup>): unknown {
  if (value === null || value === undefined) return null;
  const lookup = field.references ? lookups.get(field.references) : undefined;
  if (!lookup) return value;
  return Array.isArray(value)
    ? value.map((id) => lookup.label(id as number)).join(', ')
    : lookup.label(value as number);
}

/** The errors of a refused write, at the field they concern. */
function rowErrors(err: AppError, spec: ImportSpec): FieldErrors {
  if (err.fieldErrors && Object.keys(err.fieldErrors).length) return { ...err.fieldErrors };
  return { [spec.scopeField ?? '_row']: err.message };
}

export interface RunOptions {
  db: Knex;
  user: SessionUser;
  def: ResourceDef;
  spec: ImportSpec;
  rows: SheetRow[];
  dryRun: boolean;
  fileName: string;
}

/**
 * Dry run and apply are one code path: every row goes through the generic write engine (the same validation,
 * row rules, hooks and audit as a form) inside one transaction, so that one refused row does not hide the others:
 * an update in its own savepoint, new records together through createRecords (bulk inserts). The transaction
 * commits only when applying a file without errors.
 */
export async function runImport({
  db,
  user,
  def,
  spec,
  rows,
  dryRun,
  fileName,
}: RunOptions): Promise<ImportReport> {
  const header = findHeader(def, spec, rows);
  const writable = writableFields(def);
  // References of the columns and of the fields the server fills (they label the report's keys and changes).
  const refs = [...header.columns, ...(spec.completes ?? [])].flatMap((c) =>
    c && writable[c]!.references ? [writable[c]!.references] : [],
  );
  const report: ImportReport = {
    resource: def.name,
    dry_run: dryRun,
    file_name: fileName,
    summary: { rows: 0, create: 0, update: 0, unchanged: 0, error: 0 },
    rows: [],
    warnings: header.warnings,
  };
  const trx = await db.transaction();
  try {
    const lookups = await loadLookups(trx, refs);
    const complete = await COMPLETERS[spec.resource]?.(trx);
    const { parsed, warnings } = parseRows(def, spec, rows.slice(header.at + 1), header, lookups, complete);
    report.warnings.push(...warnings);
    const existing = await existingByKey(
      trx,
      def,
      spec,
      parsed.filter((p) => !Object.keys(p.errors).length),
    );
    const ctx = { db: trx, user, source: `Import: ${fileName}` };
    const seen = new Map<string, number>();
    const creates: [RowReport, Row][] = [];
    for (const p of parsed) {
      const entry: RowReport = { row: p.row, action: 'error', key: p.keyText, changes: {}, errors: p.errors };
      report.rows.push(entry);
      const earlier = seen.get(p.key);
      if (!Object.keys(entry.errors).length && earlier !== undefined)
        entry.errors = { [spec.key[0]!]: `Derselbe Datensatz steht schon in Zeile ${earlier}.` };
      seen.set(p.key, p.row);
      if (Object.keys(entry.errors).length) continue;
      const before = existing.get(p.key);
      // A key cell that differs only in case or spaces names the same record and changes nothing.
      const changed = Object.keys(p.values).filter(
        (k) =>
          !before ||
          (spec.key.includes(k)
            ? keyPart(before[k]) !== keyPart(p.values[k])
            : !same(before[k], p.values[k])),
      );
      for (const k of changed)
        if (before || (p.values[k] !== null && !(Array.isArray(p.values[k]) && !(p.values[k] as []).length)))
          entry.changes[k] = [
            shown(writable[k]!, before?.[k], lookups),
            shown(writable[k]!, p.values[k], lookups),
          ];
      if (!before) {
        creates.push([entry, p.values]);
        continue;
      }
      try {
        if (changed.length) {
          const body = Object.fromEntries(changed.map((k) => [k, p.values[k]]));
          await updateRecord(ctx, def, before.id as number, { ...body, version: before.version });
          entry.action = 'update';
        } else entry.action = 'unchanged';
      } catch (err) {
        if (!(err instanceof AppError) || err.status >= 500) throw err;
        entry.errors = rowErrors(err, spec);
      }
    }
    const created = await createRecords(
      ctx,
      def,
      creates.map(([, values]) => values),
    );
    creates.forEach(([entry], i) => {
      const result = created[i]!;
      if (result instanceof AppError) entry.errors = rowErrors(result, spec);
      else entry.action = 'create';
    });
    for (const r of report.rows) report.summary[r.action]++;
    report.summary.rows = report.rows.length;
    if (dryRun || report.summary.error) await trx.rollback();
    else await trx.commit();
    return report;
  } catch (err) {
    if (!trx.isCompleted()) await trx.rollback();
    throw err;
  }
}
