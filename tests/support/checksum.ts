import type { Knex } from 'knex';

/** Bookkeeping of the sign-in itself, not data a request may change. */
const IGNORED = new Set(['knex_migrations', 'knex_migrations_lock', 'sessions', 'login_failures']);

const tableCache = new WeakMap<Knex, string[]>();

export async function dataTables(db: Knex): Promise<string[]> {
  const cached = tableCache.get(db);
  if (cached) return cached;
  const rows = (await db('information_schema.tables')
    .select('table_name')
    .where({ table_schema: db.raw('current_schema()'), table_type: 'BASE TABLE' })
    .orderBy('table_name')) as { table_name: string }[];
  const tables = rows.map((r) => r.table_name).filter((t) => !IGNORED.has(t));
  tableCache.set(db, tables);
  return tables;
}

/**
 * A fingerprint of every data table: row count and an order-independent sum of a hash of each row's text.
 * Equal fingerprints before and after a request mean the request changed nothing (audit rows included).
 */
export async function dbChecksum(db: Knex): Promise<Record<string, string>> {
  const tables = await dataTables(db);
  const sql = tables
    .map(
      (t) =>
        `select '${t}' as t, count(*)::text || ':' || coalesce(sum(hashtext(x::text)::bigint), 0)::text as h from "${t}" x`,
    )
    .join(' union all ');
  const { rows } = (await db.raw(sql)) as { rows: { t: string; h: string }[] };
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}
