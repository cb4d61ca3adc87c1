import type { Knex } from 'knex';

const snapshot = async (db: Knex): Promise<string> =>
  ((await db.raw('select pg_current_snapshot()::text as s')) as { rows: { s: string }[] }).rows[0]!.s;

/**
 * Runs `attempt` until no commit anywhere changed the database snapshot while it ran, then checks its result. On
 * PostgreSQL the snapshot is cluster-wide, so another test file's commit in between (parallel workers) is a
 * data change too and rightly makes a SnapshotCache compute again.
 */
export async function whileStill(db: Knex, attempt: () => Promise<() => void>): Promise<void> {
  for (let tries = 1; ; tries++) {
    const before = await snapshot(db);
    const check = await attempt();
    if ((await snapshot(db)) === before || tries === 20) return check();
  }
}
