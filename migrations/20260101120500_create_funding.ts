import type { Knex } from 'knex';
import { addCheck, checkIn, standardColumns } from '../api/db/schemaHelpers';

// The values as this migration created them; later changes to api/domain.ts need a migration of their own.
const COST_CATEGORIES = ['personnel', 'material', 'services', 'investment', 'other'] as const;
const SPEND_RULES = ['anbest_gk', 'anbest_p'] as const;
const TRANCHE_STATUSES = ['planned', 'requested', 'received', 'settled'] as const;

// Money is integer cents (bigint); money rows are never deleted through a parent (RESTRICT).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('grants', (t) => {
    standardColumns(knex, t);
    t.string('programme', 200).notNullable();
    t.string('funder', 200).notNullable();
    t.string('file_number', 60).notNullable().unique();
    t.string('phase', 60).notNullable();
    t.date('committed_on').notNullable();
    t.date('period_start').notNullable();
    t.date('period_end').notNullable();
    t.bigInteger('eligible_cents').notNullable();
    t.integer('funding_rate_bp').notNullable();
    t.bigInteger('approved_cents').notNullable();
    t.string('spend_rule', 20).notNullable().defaultTo('anbest_gk');
    t.date('proof_due_on').nullable();
    t.text('notes').nullable();
    t.index(['period_start']);
  });
  await addCheck(knex, 'grants', 'grants_spend_rule_check', checkIn('spend_rule', SPEND_RULES));
  await addCheck(knex, 'grants', 'grants_rate_check', 'funding_rate_bp between 0 and 10000');
  await addCheck(knex, 'grants', 'grants_amounts_check', 'eligible_cents >= 0 and approved_cents >= 0');
  await addCheck(knex, 'grants', 'grants_period_check', 'period_end >= period_start');

  await knex.schema.createTable('grant_years', (t) => {
    standardColumns(knex, t);
    t.integer('grant_id').notNullable().references('grants.id').onDelete('CASCADE');
    t.smallint('fiscal_year').notNullable();
    t.bigInteger('approved_cents').notNullable();
    t.date('interim_proof_due_on').nullable();
    t.unique(['grant_id', 'fiscal_year']);
    t.index(['fiscal_year']);
  });
  await addCheck(knex, 'grant_years', 'grant_years_amount_check', 'approved_cents >= 0');
  await addCheck(knex, 'grant_years', 'grant_years_year_check', 'fiscal_year between 2000 and 2100');

  await knex.schema.createTable('tranches', (t) => {
    standardColumns(knex, t);
    t.integer('grant_id').notNullable().references('grants.id').onDelete('RESTRICT');
    t.integer('measure_id').nullable().references('measures.id').onDelete('RESTRICT');
    t.smallint('fiscal_year').notNullable();
    t.integer('number').notNullable();
    t.boolean('is_final').notNullable().defaultTo(false);
    t.date('requested_on').nullable();
    t.bigInteger('requested_cents').notNullable();
    t.date('received_on').nullable();
    t.bigInteger('received_cents').nullable();
    t.string('status', 20).notNullable().defaultTo('planned');
    t.text('justification').nullable();
    t.text('notes').nullable();
    t.unique(['grant_id', 'number']);
    for (const c of ['measure_id', 'fiscal_year', 'status', 'requested_on', 'received_on', 'requested_cents'])
      t.index([c]);
  });
  await addCheck(knex, 'tranches', 'tranches_status_check', checkIn('status', TRANCHE_STATUSES));
  await addCheck(knex, 'tranches', 'tranches_number_check', 'number >= 1');
  await addCheck(knex, 'tranches', 'tranches_year_check', 'fiscal_year between 2000 and 2100');
  await addCheck(knex, 'tranches', 'tranches_requested_check', 'requested_cents >= 0');
  await addCheck(
    knex,
    'tranches',
    'tranches_received_check',
    'received_cents >= 0 and received_cents <= requested_cents',
  );
  await addCheck(knex, 'tranches', 'tranches_dates_check', 'received_on >= requested_on');
  await addCheck(
    knex,
    'tranches',
    'tranches_lifecycle_check',
    "(status = 'planned') or (status = 'requested' and requested_on is not null) or (status in ('received', 'settled') and requested_on is not null and received_on is not null and received_cents is not null)",
  );

  await knex.schema.createTable('expenditures', (t) => {
    standardColumns(knex, t);
    t.integer('measure_id').notNullable().references('measures.id').onDelete('RESTRICT');
    t.integer('grant_id').notNullable().references('grants.id').onDelete('RESTRICT');
    t.integer('tranche_id').nullable().references('tranches.id').onDelete('SET NULL');
    t.date('booked_on').notNullable();
    t.bigInteger('amount_cents').notNullable();
    t.string('cost_category', 20).notNullable();
    t.string('payee', 200).notNullable();
    t.string('receipt_no', 60).nullable();
    t.text('description').nullable();
    t.boolean('eligible').notNullable().defaultTo(true);
    for (const c of [
      'measure_id',
      'grant_id',
      'tranche_id',
      'booked_on',
      'cost_category',
      'amount_cents',
      'payee',
    ])
      t.index([c]);
  });
  await addCheck(knex, 'expenditures', 'expenditures_amount_check', 'amount_cents >= 0');
  await addCheck(
    knex,
    'expenditures',
    'expenditures_category_check',
    checkIn('cost_category', COST_CATEGORIES),
  );

  await knex.schema.createTable('transfers', (t) => {
    standardColumns(knex, t);
    t.integer('grant_id').notNullable().references('grants.id').onDelete('RESTRICT');
    t.integer('measure_id').notNullable().references('measures.id').onDelete('RESTRICT');
    t.integer('municipality_id').nullable().references('municipalities.id').onDelete('RESTRICT');
    t.integer('partner_id').nullable().references('partners.id').onDelete('RESTRICT');
    t.bigInteger('amount_cents').notNullable();
    t.date('contract_on').notNullable();
    t.date('paid_on').nullable();
    t.date('proof_due_on').nullable();
    t.date('proof_received_on').nullable();
    t.date('proof_checked_on').nullable();
    t.text('notes').nullable();
    for (const c of [
      'grant_id',
      'measure_id',
      'municipality_id',
      'partner_id',
      'proof_due_on',
      'contract_on',
    ])
      t.index([c]);
  });
  await addCheck(knex, 'transfers', 'transfers_amount_check', 'amount_cents >= 0');
  await addCheck(
    knex,
    'transfers',
    'transfers_recipient_check',
    'num_nonnulls(municipality_id, partner_id) = 1',
  );
  await addCheck(knex, 'transfers', 'transfers_paid_check', 'paid_on >= contract_on');
  await addCheck(knex, 'transfers', 'transfers_proof_check', 'proof_checked_on >= proof_received_on');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('transfers');
  await knex.schema.dropTable('expenditures');
  await knex.schema.dropTable('tranches');
  await knex.schema.dropTable('grant_years');
  await knex.schema.dropTable('grants');
}
