import type { Knex } from 'knex';
import { addCheck, standardColumns } from '../api/db/schemaHelpers';

/**
 * Proofs of use (#15): an interim proof per grant and fiscal year, a final one per grant, each in numbered
 * versions. A draft holds the free texts; issuing freezes the whole proof (snapshot) and nothing changes after.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('proof_reports', (t) => {
    standardColumns(knex, t);
    // An issued proof is a record sent to the funder: its grant is not deleted under it.
    t.integer('grant_id').notNullable().references('grants.id').onDelete('RESTRICT');
    t.string('kind', 10).notNullable();
    t.smallint('fiscal_year').nullable();
    t.integer('version_no').notNullable().defaultTo(1);
    t.string('status', 10).notNullable().defaultTo('draft');
    t.text('introduction').nullable();
    t.text('conclusion').nullable();
    t.date('issued_on').nullable();
    t.integer('issued_by').nullable().references('users.id').onDelete('SET NULL');
    t.jsonb('snapshot').nullable();
    t.index(['grant_id']);
    t.index(['issued_by']);
  });
  await addCheck(knex, 'proof_reports', 'proof_reports_kind_check', "kind in ('interim', 'final')");
  await addCheck(knex, 'proof_reports', 'proof_reports_status_check', "status in ('draft', 'issued')");
  await addCheck(
    knex,
    'proof_reports',
    'proof_reports_year_check',
    "(kind = 'interim' and fiscal_year between 2000 and 2100) or (kind = 'final' and fiscal_year is null)",
  );
  await addCheck(
    knex,
    'proof_reports',
    'proof_reports_issued_check',
    "(status = 'draft' and issued_on is null and snapshot is null) or (status = 'issued' and issued_on is not null and snapshot is not null)",
  );
  await knex.raw(
    'create unique index proof_reports_version_unique on proof_reports (grant_id, kind, coalesce(fiscal_year, 0), version_no)',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('proof_reports');
}
