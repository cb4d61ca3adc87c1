import type { Knex } from 'knex';
import { addCheck, checkIn, standardColumns } from '../api/db/schemaHelpers';

// The values as this migration created them; later changes to api/domain.ts need a migration of their own.
const COST_CATEGORIES = ['personnel', 'material', 'services', 'investment', 'other'] as const;

/** The financing plan (#15): planned cost per grant × measure × cost category × fiscal year. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('budget_lines', (t) => {
    standardColumns(knex, t);
    // A plan line has no meaning without its grant; a measure with planned money is not deleted silently.
    t.integer('grant_id').notNullable().references('grants.id').onDelete('CASCADE');
    t.integer('measure_id').notNullable().references('measures.id').onDelete('RESTRICT');
    t.string('cost_category', 20).notNullable();
    t.smallint('fiscal_year').notNullable();
    t.bigInteger('planned_cents').notNullable();
    t.text('note').nullable();
    // Also the index of the grant's plan (grant_id first); named without a column so a clash reads as a conflict.
    t.unique(['grant_id', 'measure_id', 'cost_category', 'fiscal_year'], {
      indexName: 'budget_lines_line_unique',
    });
    t.index(['measure_id']);
  });
  await addCheck(
    knex,
    'budget_lines',
    'budget_lines_category_check',
    checkIn('cost_category', COST_CATEGORIES),
  );
  await addCheck(knex, 'budget_lines', 'budget_lines_amount_check', 'planned_cents >= 0');
  await addCheck(knex, 'budget_lines', 'budget_lines_year_check', 'fiscal_year between 2000 and 2100');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('budget_lines');
}
