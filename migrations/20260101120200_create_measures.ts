import type { Knex } from 'knex';
import { addCheck, checkIn, standardColumns } from '../api/db/schemaHelpers';

// The values as this migration created them; later changes to api/domain.ts need a migration of their own.
const HEALTHS = ['green', 'amber', 'red'] as const;
const MEASURE_PHASES = ['strategy', 'implementation'] as const;
const MEASURE_STATUSES = [
  'idea',
  'planning',
  'implementation',
  'operation',
  'completed',
  'paused',
  'stopped',
] as const;

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('measures', (t) => {
    standardColumns(knex, t);
    t.string('code', 20).notNullable().unique();
    t.string('title', 200).notNullable();
    t.text('summary').nullable();
    // A field of action in use cannot be deleted: measures must stay classified.
    t.integer('field_of_action_id').notNullable().references('fields_of_action.id').onDelete('RESTRICT');
    t.smallint('target_picture').nullable();
    t.string('phase', 20).notNullable();
    t.string('status', 20).notNullable();
    t.string('health', 10).notNullable().defaultTo('green');
    t.text('health_note').nullable();
    t.smallint('progress').notNullable().defaultTo(0);
    // Deleting a user keeps the measure, without owner.
    t.integer('owner_id').nullable().references('users.id').onDelete('SET NULL');
    t.integer('lead_municipality_id').nullable().references('municipalities.id').onDelete('RESTRICT');
    t.date('start_date').nullable();
    t.date('end_date').nullable();
    t.bigInteger('budget_cents').notNullable().defaultTo(0);
    for (const c of [
      'field_of_action_id',
      'phase',
      'status',
      'health',
      'owner_id',
      'lead_municipality_id',
      'start_date',
      'end_date',
      'progress',
      'budget_cents',
      'title',
      'updated_at',
    ])
      t.index([c]);
  });
  await addCheck(knex, 'measures', 'measures_phase_check', checkIn('phase', MEASURE_PHASES));
  await addCheck(knex, 'measures', 'measures_status_check', checkIn('status', MEASURE_STATUSES));
  await addCheck(knex, 'measures', 'measures_health_check', checkIn('health', HEALTHS));
  await addCheck(knex, 'measures', 'measures_progress_check', 'progress between 0 and 100');
  await addCheck(knex, 'measures', 'measures_target_picture_check', 'target_picture between 1 and 3');
  await addCheck(knex, 'measures', 'measures_budget_check', 'budget_cents >= 0');
  await addCheck(knex, 'measures', 'measures_dates_check', 'end_date >= start_date');
  await knex.raw(
    "create index measures_fts on measures using gin (to_tsvector('german', coalesce(title, '') || ' ' || coalesce(summary, '')))",
  );

  await knex.schema.createTable('measure_municipalities', (t) => {
    standardColumns(knex, t, false);
    t.integer('measure_id').notNullable().references('measures.id').onDelete('CASCADE');
    t.integer('municipality_id').notNullable().references('municipalities.id').onDelete('CASCADE');
    t.unique(['measure_id', 'municipality_id']);
    t.index(['municipality_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('measure_municipalities');
  await knex.schema.dropTable('measures');
}
