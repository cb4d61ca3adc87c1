import type { Knex } from 'knex';
import { addCheck, checkIn, standardColumns } from '../api/db/schemaHelpers';

// The values as this migration created them; later changes to api/domain.ts need a migration of their own.
const DIRECTIONS = ['higher', 'lower'] as const;

/** Impact indicators per measure and their measured values (#20). */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('indicators', (t) => {
    standardColumns(knex, t);
    // An indicator belongs to its measure, like a milestone: it goes with it.
    t.integer('measure_id').notNullable().references('measures.id').onDelete('CASCADE');
    t.string('name', 200).notNullable();
    t.string('unit', 40).notNullable();
    t.string('direction', 10).notNullable();
    t.decimal('baseline_value', 18, 4).notNullable();
    t.date('baseline_date').notNullable();
    t.decimal('target_value', 18, 4).notNullable();
    t.date('target_date').notNullable();
    t.text('method').nullable();
    t.string('reported_by', 200).nullable();
    t.unique(['measure_id', 'name']);
    t.index(['target_date']);
  });
  await addCheck(knex, 'indicators', 'indicators_direction_check', checkIn('direction', DIRECTIONS));
  // The target lies after the baseline in time and beyond it in the better direction: the line has a slope.
  await addCheck(knex, 'indicators', 'indicators_dates_check', 'target_date > baseline_date');
  await addCheck(
    knex,
    'indicators',
    'indicators_target_check',
    "(direction = 'higher' and target_value > baseline_value) or (direction = 'lower' and target_value < baseline_value)",
  );

  await knex.schema.createTable('indicator_values', (t) => {
    standardColumns(knex, t);
    // Measured values have no meaning without their indicator.
    t.integer('indicator_id').notNullable().references('indicators.id').onDelete('CASCADE');
    t.date('measured_on').notNullable();
    t.decimal('value', 18, 4).notNullable();
    t.string('source', 200).nullable();
    t.text('note').nullable();
    // Also the index of the foreign key and of "the latest value" (indicator_id, measured_on desc).
    t.unique(['indicator_id', 'measured_on']);
    t.index(['measured_on']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('indicator_values');
  await knex.schema.dropTable('indicators');
}
