import type { Knex } from 'knex';
import { addCheck, checkIn, standardColumns } from '../api/db/schemaHelpers';

// The values as this migration created them.
const PRIVACY_KINDS = ['retention', 'access', 'erasure'] as const;

/**
 * When a contact's personal fields were anonymised (retention or an erasure request), and a log of the privacy
 * runs and requests themselves: who, when, why, how many records — never the erased content or the name asked for.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('contacts', (t) => {
    t.timestamp('anonymised_at', { useTz: true }).nullable();
  });
  // The retention job looks for old contacts not yet anonymised.
  await knex.raw('create index contacts_retention on contacts (contact_on) where anonymised_at is null');
  await knex.schema.createTable('privacy_log', (t) => {
    standardColumns(knex, t, false);
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('user_id').nullable().references('users.id').onDelete('SET NULL');
    t.string('kind', 20).notNullable();
    t.text('reason').nullable();
    t.jsonb('counts').notNullable();
    t.index(['at']);
    t.index(['user_id']);
  });
  await addCheck(knex, 'privacy_log', 'privacy_log_kind_check', checkIn('kind', PRIVACY_KINDS));
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('privacy_log');
  await knex.raw('drop index contacts_retention');
  await knex.schema.alterTable('contacts', (t) => {
    t.dropColumn('anonymised_at');
  });
}
