import type { Knex } from 'knex';

/** Knex's own bookkeeping: the schema version travels in the backup header instead. */
export const SKIPPED_TABLES = new Set(['knex_migrations', 'knex_migrations_lock']);

export interface TableInfo {
  name: string;
  /** Columns a backup carries: every column except generated ones (those the target computes itself). */
  columns: string[];
  generated: string[];
  primaryKey: string[];
}

export interface SequenceInfo {
  name: string;
  table: string;
  column: string;
}

export type DbKind = 'pglite' | 'postgresql';

export const dbKind = (db: Knex): DbKind => (db.client.config.client === 'pg' ? 'postgresql' : 'pglite');

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

async function rows<T>(db: Knex, sql: string, bindings: readonly Knex.RawBinding[] = []): Promise<T[]> {
  return ((await db.raw(sql, bindings)) as { rows: T[] }).rows;
}

/** The data tables of the current schema, parents before children (foreign keys), then by name. */
export async function dataTables(db: Knex): Promise<TableInfo[]> {
  const tables = (
    await rows<{ table_name: string }>(
      db,
      `select table_name from information_schema.tables
       where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
    )
  )
    .map((r) => r.table_name)
    .filter((t) => !SKIPPED_TABLES.has(t));
  const columns = await rows<{ table_name: string; column_name: string; is_generated: string }>(
    db,
    `select table_name, column_name, is_generated from information_schema.columns
     where table_schema = current_schema() order by table_name, ordinal_position`,
  );
  const keys = await rows<{ table_name: string; column_name: string }>(
    db,
    `select c.relname as table_name, a.attname as column_name
     from pg_index i
     join pg_class c on c.oid = i.indrelid
     join pg_namespace n on n.oid = c.relnamespace
     join pg_attribute a on a.attrelid = c.oid and a.attnum = any(i.indkey)
     where i.indisprimary and n.nspname = current_schema()
     order by c.relname, array_position(i.indkey::int2[], a.attnum)`,
  );
  const edges = await rows<{ child: string; parent: string }>(
    db,
    `select ch.relname as child, pa.relname as parent
     from pg_constraint k
     join pg_class ch on ch.oid = k.conrelid
     join pg_class pa on pa.oid = k.confrelid
     join pg_namespace n on n.oid = k.connamespace
     where k.contype = 'f' and n.nspname = current_schema() and ch.oid <> pa.oid`,
  );

  const infos = new Map<string, TableInfo>(
    tables.map((name) => [name, { name, columns: [], generated: [], primaryKey: [] }]),
  );
  for (const c of columns) {
    const info = infos.get(c.table_name);
    if (info) (c.is_generated === 'ALWAYS' ? info.generated : info.columns).push(c.column_name);
  }
  for (const k of keys) infos.get(k.table_name)?.primaryKey.push(k.column_name);

  // Topological order: a table comes after every table its foreign keys point to.
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set()]));
  for (const e of edges) if (infos.has(e.child) && infos.has(e.parent)) parents.get(e.child)!.add(e.parent);
  const ordered: TableInfo[] = [];
  const done = new Set<string>();
  while (done.size < tables.length) {
    const ready = tables.filter((t) => !done.has(t) && [...parents.get(t)!].every((p) => done.has(p)));
    if (ready.length === 0) throw new Error('Zyklische Fremdschlüssel: keine Ladereihenfolge möglich.');
    for (const t of ready) {
      done.add(t);
      ordered.push(infos.get(t)!);
    }
  }
  return ordered;
}

/** Sequences owned by a column of a data table (serial / identity ids). */
export async function ownedSequences(db: Knex): Promise<SequenceInfo[]> {
  const found = await rows<SequenceInfo>(
    db,
    `select s.relname as name, t.relname as "table", a.attname as "column"
     from pg_class s
     join pg_namespace n on n.oid = s.relnamespace
     join pg_depend d on d.objid = s.oid and d.deptype in ('a', 'i') and d.refobjsubid > 0
     join pg_class t on t.oid = d.refobjid
     join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
     where s.relkind = 'S' and n.nspname = current_schema()
     order by s.relname`,
  );
  return found.filter((s) => !SKIPPED_TABLES.has(s.table));
}

/** The query that reads a table as one JSON text per row, in a stable order: the form a backup stores. */
export function rowTextQuery(table: TableInfo): string {
  const json = table.generated.length
    ? `(to_jsonb(t) - array[${table.generated.map((g) => `'${g}'`).join(', ')}]::text[])::text`
    : 'to_jsonb(t)::text';
  const order = table.primaryKey.length ? table.primaryKey.map((c) => `t.${quoteIdent(c)}`).join(', ') : '1';
  return `select ${json} as j from ${quoteIdent(table.name)} t order by ${order}`;
}

/**
 * Streams a table's rows as JSON texts through a cursor (constant memory on 100,000 rows); must run inside a
 * transaction. Both databases produce the same text for the same content, so it also serves as the checksum.
 */
export async function* tableRows(
  trx: Knex.Transaction,
  table: TableInfo,
  batch = 2000,
): AsyncGenerator<string> {
  await trx.raw(`declare myk10_rows no scroll cursor for ${rowTextQuery(table)}`);
  try {
    for (;;) {
      const got = await rows<{ j: string }>(trx, `fetch forward ${batch} from myk10_rows`);
      for (const r of got) yield r.j;
      if (got.length < batch) break;
    }
  } finally {
    await trx.raw('close myk10_rows');
  }
}
