import type { Knex } from 'knex';

/**
 * Covering indexes for the per-row figures of the measures list and getMany (next_milestone_due,
 * overdue_milestones, spent_cents) and the dashboard's open-milestone facts per measure: index-only scans instead
 * of visiting each measure's milestone and expenditure rows in the heap. Found with `npm run bench` (factor 10:
 * the measures list statement went from 1.44 ms to 0.66 ms).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    'create index milestones_open_by_measure on milestones (measure_id, due_date) include (baseline_date, is_final) where completed_on is null',
  );
  await knex.raw(
    'create index expenditures_measure_amount on expenditures (measure_id) include (amount_cents)',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index expenditures_measure_amount');
  await knex.raw('drop index milestones_open_by_measure');
}
