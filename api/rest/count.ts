import type { Knex } from 'knex';
import { SnapshotCache } from '../db/snapshotCache';

/**
 * Up to this many hits a search collects its hits through the search index and counts them exactly; beyond it the
 * page is read along the sort index and the total is PostgreSQL's estimate: counting every hit of a word that
 * stands in nearly every row (100,000 contacts at factor 10) costs ≈ 60 ms, the page itself ≈ 1 ms.
 */
export const COUNT_CAP = 1000;

/** Totals of at least this many rows are kept per data state (smaller ones cost less than asking for the state). */
const KEEP_FROM = COUNT_CAP;
/** Count statements whose total was large, per database; at most this many, the oldest forgotten first. */
const KEPT_KEYS = 200;

const kept = new WeakMap<Knex, { large: Set<string>; cache: SnapshotCache<number> }>();

/**
 * Every row matching `where`, counted. A total of many rows (a list without a search: 50,000 expenditures, or a
 * filter that most rows pass) is read from the index or the table on every page, 5–10 ms of a 1 ms page; so once
 * a statement's total was that large it is kept per data state (SnapshotCache: the same database snapshot and day
 * see the same committed rows, any commit anywhere starts a new state) and the next pages ask only for the state.
 * Inside a transaction (which may see its own uncommitted rows) every count is counted.
 */
export async function exactCount(
  db: Knex | Knex.Transaction,
  where: (qb: Knex.QueryBuilder) => Knex.QueryBuilder,
  table: string,
): Promise<number> {
  const count = async () => {
    const [{ n }] = (await where(db(table).count({ n: '*' }))) as [{ n: number | string }];
    return Number(n);
  };
  if (db.isTransaction) return count();
  let state = kept.get(db);
  if (!state) kept.set(db, (state = { large: new Set(), cache: new SnapshotCache(db, KEPT_KEYS) }));
  const { sql, bindings } = where(db(table).count({ n: '*' })).toSQL();
  const key = `${sql}\n${JSON.stringify(bindings)}`;
  if (state.large.has(key)) return state.cache.get(key, count);
  const n = await count();
  if (n >= KEEP_FROM) {
    state.large.add(key);
    if (state.large.size > KEPT_KEYS) state.large.delete(state.large.values().next().value!);
  }
  return n;
}

/**
 * The planner's estimate of the rows matching `where` (EXPLAIN, nothing is read): for a list whose total is above
 * COUNT_CAP. Good for single words and plain filters (column statistics), a guess for word combinations.
 */
export async function estimatedCount(
  db: Knex | Knex.Transaction,
  where: (qb: Knex.QueryBuilder) => Knex.QueryBuilder,
  table: string,
): Promise<number> {
  const { sql, bindings } = where(db(table).select(db.raw('1'))).toSQL();
  const { rows } = (await db.raw(`explain (format json) ${sql}`, bindings)) as {
    rows: { 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] | string }[];
  };
  const plan = rows[0]!['QUERY PLAN'];
  // node-postgres parses the json column; PGlite may hand it over as text.
  const parsed = typeof plan === 'string' ? (JSON.parse(plan) as [{ Plan: { 'Plan Rows': number } }]) : plan;
  return Math.round(parsed[0].Plan['Plan Rows']);
}
