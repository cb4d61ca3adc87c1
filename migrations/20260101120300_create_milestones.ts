import type { Knex } from 'knex';
import { standardColumns } from '../api/db/schemaHelpers';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('milestones', (t) => {
    standardColumns(knex, t);
    t.integer('measure_id').notNullable().references('measures.id').onDelete('CASCADE');
    t.string('title', 200).notNullable();
    t.date('baseline_date').notNullable();
    t.date('due_date').notNullable();
    t.date('completed_on').nullable();
    t.boolean('is_final').notNullable().defaultTo(false);
    t.text('notes').nullable();
    t.index(['measure_id', 'due_date']);
    t.index(['due_date']);
    t.index(['completed_on']);
    t.index(['baseline_date']);
  });
  // Open milestones by due date: the dashboard's overdue and next-30-days queries.
  await knex.raw('create index milestones_open_due on milestones (due_date) where completed_on is null');

  await knex.schema.createTable('milestone_forecasts', (t) => {
    standardColumns(knex, t, false);
    t.integer('milestone_id').notNullable().references('milestones.id').onDelete('CASCADE');
    t.date('reported_on').notNullable();
    t.date('due_date').notNullable();
    t.unique(['milestone_id', 'reported_on']);
    t.index(['reported_on']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('milestone_forecasts');
  await knex.schema.dropTable('milestones');
}
