import type { Knex } from 'knex';
import { addCheck, checkIn, standardColumns } from '../api/db/schemaHelpers';

// The values as this migration created them; later changes to api/domain.ts need a migration of their own.
const AUDIT_ACTIONS = ['create', 'update', 'delete'] as const;

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('status_reports', (t) => {
    standardColumns(knex, t);
    t.date('reported_on').notNullable().unique();
    t.string('title', 200).notNullable();
    t.integer('author_id').notNullable().references('users.id').onDelete('RESTRICT');
    // Frozen per-measure snapshot taken when the report is issued; never rewritten.
    t.jsonb('snapshot').notNullable();
    t.index(['author_id']);
  });

  await knex.schema.createTable('audit_entries', (t) => {
    standardColumns(knex, t, false);
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    // The audit trail outlives the user who wrote it.
    t.integer('user_id').nullable().references('users.id').onDelete('SET NULL');
    t.string('action', 10).notNullable();
    t.string('resource', 40).notNullable();
    t.integer('record_id').notNullable();
    t.jsonb('changes').notNullable();
    t.index(['resource', 'record_id']);
    t.index(['user_id']);
    t.index(['at']);
  });
  await addCheck(knex, 'audit_entries', 'audit_entries_action_check', checkIn('action', AUDIT_ACTIONS));
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('audit_entries');
  await knex.schema.dropTable('status_reports');
}
