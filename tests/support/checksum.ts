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

interface Fingerprint {
  /** The snapshot it was read in: xmin, xmax and the transactions then in progress. */
  snapshot: string;
  sums: Record<string, string>;
}
const lastTaken = new WeakMap<Knex, Fingerprint>();

/**
 * A fingerprint of every data table: row count and an order-independent sum of a hash of each row's text.
 * Equal fingerprints before and after a request mean the request changed nothing (audit rows included).
 *
 * No row changes without a transaction id, so while the database's snapshot is the one the last fingerprint was
 * read in (no id handed out since, none of the then running transactions ended), that fingerprint still holds and
 * is answered without reading every table again.
 */
export async function dbChecksum(db: Knex): Promise<Record<string, string>> {
  const known = lastTaken.get(db);
  if (known) {
    const { rows } = (await db.raw('select pg_current_snapshot()::text as snapshot')) as {
      rows: { snapshot: string }[];
    };
    if (rows[0]!.snapshot === known.snapshot) return { ...known.sums };
  }
  const tables = await dataTables(db);
  // One statement, so the snapshot is the one its sums were read in.
  const sql = [
    `select null as t, pg_current_snapshot()::text as h`,
    ...tables.map(
      (t) =>
        `select '${t}' as t, count(*)::text || ':' || coalesce(sum(hashtext(x::text)::bigint), 0)::text as h from "${t}" x`,
    ),
  ].join(' union all ');
  const { rows } = (await db.raw(sql)) as { rows: { t: string | null; h: string }[] };
  const sums = Object.fromEntries(rows.filter((r) => r.t !== null).map((r) => [r.t, r.h]));
  lastTaken.set(db, { snapshot: rows.find((r) => r.t === null)!.h, sums });
  return { ...sums };
}
