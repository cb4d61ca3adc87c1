import type { Knex } from 'knex';
import { addCheck, standardColumns } from '../api/db/schemaHelpers';

/**
 * The base rate of § 247 BGB (Deutsche Bundesbank, changes on 1 January and 1 July), for the interest on grant
 * money used late (§ 49a (4) VwVfG, #15). Reference data, not demo data: seeded with the published values from the
 * last change before the programme (1 July 2016) on; newer ones are entered in the cockpit.
 */
const PUBLISHED: [string, number][] = [
  ['2016-07-01', -88],
  ['2023-01-01', 162],
  ['2023-07-01', 312],
  ['2024-01-01', 362],
  ['2024-07-01', 337],
  ['2025-01-01', 227],
  ['2025-07-01', 127],
  ['2026-01-01', 127],
];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('base_rates', (t) => {
    standardColumns(knex, t);
    t.date('valid_from').notNullable().unique();
    t.integer('rate_bp').notNullable();
    t.text('note').nullable();
  });
  await addCheck(knex, 'base_rates', 'base_rates_rate_check', 'rate_bp between -10000 and 10000');
  await knex('base_rates').insert(
    PUBLISHED.map(([valid_from, rate_bp]) => ({
      valid_from,
      rate_bp,
      note: 'Veröffentlicht von der Deutschen Bundesbank (§ 247 Abs. 2 BGB)',
    })),
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('base_rates');
}
