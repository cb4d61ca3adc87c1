import type { Knex } from 'knex';
import { addCheck, checkIn, standardColumns } from '../api/db/schemaHelpers';

// The values as this migration knows them; later changes to api/domain.ts need a migration of their own.
const COST_CATEGORIES = ['personnel', 'material', 'services', 'investment', 'other'] as const;

/**
 * The keys of the county's finance system (#14, item 7): a measure's cost object (Kostenträger), by which the
 * monthly booking export names it, and the office's mapping of general-ledger accounts (Sachkonten, or their
 * prefixes) to cost categories. A credit note (Gutschrift) is a negative expenditure, so expenditures may now
 * hold negative amounts (every other money column stays non-negative).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('measures', (t) => {
    t.string('cost_object', 40).nullable();
  });
  await knex.raw(
    'create unique index measures_cost_object_unique on measures (lower(cost_object)) where cost_object is not null',
  );

  await knex.schema.createTable('ledger_accounts', (t) => {
    standardColumns(knex, t);
    t.string('account', 20).notNullable().unique();
    t.string('cost_category', 20).notNullable();
    t.text('note').nullable();
  });
  await addCheck(
    knex,
    'ledger_accounts',
    'ledger_accounts_cost_category_check',
    checkIn('cost_category', COST_CATEGORIES),
  );
  await addCheck(knex, 'ledger_accounts', 'ledger_accounts_account_check', "account ~ '^[0-9]+$'");

  await knex.raw('alter table expenditures drop constraint expenditures_amount_check');
}

export async function down(knex: Knex): Promise<void> {
  await knex('expenditures').where('amount_cents', '<', 0).delete();
  await addCheck(knex, 'expenditures', 'expenditures_amount_check', 'amount_cents >= 0');
  await knex.schema.dropTable('ledger_accounts');
  await knex.raw('drop index measures_cost_object_unique');
  await knex.schema.alterTable('measures', (t) => {
    t.dropColumn('cost_object');
  });
}
