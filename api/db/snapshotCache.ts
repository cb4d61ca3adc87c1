import type { Knex } from 'knex';

const STAMP_SQL = `select pg_current_snapshot()::text || ' ' || current_date::text as stamp`;

/**
 * Keeps one computed answer per key until the data changes. Freshness is judged by the database snapshot
 * (pg_current_snapshot: xmin, xmax and the transactions in progress): two requests that get the same snapshot see
 * exactly the same committed data, and every commit anywhere (this process, another API process, psql) changes it.
 * The answer is computed after its snapshot was taken, so it is never older than the snapshot it is filed under.
 * current_date is part of the stamp for figures relative to "today". Requests that arrive while an answer for the
 * same stamp is being computed wait for it instead of computing it again. At most `maxEntries` keys are kept (the
 * least recently computed goes first), so keys taken from a request cannot grow the cache without bound.
 */
export class SnapshotCache<T> {
  private readonly entries = new Map<string, { stamp: string; value: Promise<T> }>();

  constructor(
    private readonly db: Knex,
    private readonly maxEntries = 20,
  ) {}

  async get(key: string, compute: () => Promise<T>): Promise<T> {
    const { rows } = (await this.db.raw(STAMP_SQL)) as { rows: { stamp: string }[] };
    const stamp = rows[0]!.stamp;
    const hit = this.entries.get(key);
    if (hit?.stamp === stamp) return hit.value;
    const value = compute();
    this.entries.delete(key);
    this.entries.set(key, { stamp, value });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    // A failed computation is not kept; the caller gets the error.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }
}
