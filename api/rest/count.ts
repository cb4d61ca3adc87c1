import type { Knex } from 'knex';

/**
 * Up to this many hits a search collects its hits through the search index and counts them exactly; beyond it the
 * page is read along the sort index and the total is PostgreSQL's estimate: counting every hit of a word that
 * stands in nearly every row (100,000 contacts at factor 10) costs ≈ 60 ms, the page itself ≈ 1 ms.
 */
export const COUNT_CAP = 1000;

/** Every row matching `where`, counted. */
export async function exactCount(
  db: Knex | Knex.Transaction,
  where: (qb: Knex.QueryBuilder) => Knex.QueryBuilder,
  table: string,
): Promise<number> {
  const [{ n }] = (await where(db(table).count({ n: '*' }))) as [{ n: number | string }];
  return Number(n);
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
