import type { Knex } from 'knex';

/**
 * Status reports for the management summary:
 * - a report freezes the programme's money with the measures when it is issued (approved, requested and received
 *   federal money, eligible spending with its federal and own share); reports issued before have none (null);
 * - several reports may share a date (e.g. a corrected report issued the same afternoon): each stays its own frozen
 *   state, ordered by date and then by issue (id); the date is indexed, no longer unique.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('status_reports', (t) => {
    t.jsonb('money').nullable();
    t.dropUnique(['reported_on']);
    t.index(['reported_on', 'id'], 'status_reports_reported_on_id');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('status_reports', (t) => {
    t.dropIndex(['reported_on', 'id'], 'status_reports_reported_on_id');
    t.unique(['reported_on']);
    t.dropColumn('money');
  });
}
