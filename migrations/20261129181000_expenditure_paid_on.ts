import type { Knex } from 'knex';

/**
 * Expenditures get their payment date (Zahlungsdatum) besides the booking date: the spend deadline and the receipt
 * list count payments, as the funding rules (ANBest-Gk/ANBest-P) do. Empty = not yet paid. Existing rows were
 * booked when paid, so the backfill takes the booking date.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('expenditures', (t) => {
    t.date('paid_on');
  });
  await knex.raw('update expenditures set paid_on = booked_on');
  await knex.raw(
    'create index expenditures_tranche_paid on expenditures (tranche_id, paid_on) where eligible',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index expenditures_tranche_paid');
  await knex.schema.alterTable('expenditures', (t) => {
    t.dropColumn('paid_on');
  });
}
