import type { Knex } from 'knex';
import { addCheck, checkIn, standardColumns } from '../api/db/schemaHelpers';

// The values as this migration created them; later changes to api/domain.ts need a migration of their own.
const PARTNER_SECTORS = ['business', 'science', 'civil_society', 'public', 'programme_support'] as const;

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('partners', (t) => {
    standardColumns(knex, t);
    t.string('name', 200).notNullable().unique();
    t.string('sector', 20).notNullable();
    t.string('contact_person', 120).nullable();
    t.string('email', 254).nullable();
    t.string('phone', 40).nullable();
    t.string('website', 300).nullable();
    t.string('city', 120).nullable();
    t.date('agreement_signed_on').nullable();
    t.text('notes').nullable();
    t.index(['sector']);
    t.index(['city']);
  });
  await addCheck(knex, 'partners', 'partners_sector_check', checkIn('sector', PARTNER_SECTORS));

  await knex.schema.createTable('measure_partners', (t) => {
    standardColumns(knex, t);
    t.integer('measure_id').notNullable().references('measures.id').onDelete('CASCADE');
    // A partner with measures cannot be deleted: unlink it first.
    t.integer('partner_id').notNullable().references('partners.id').onDelete('RESTRICT');
    t.string('role', 200).nullable();
    t.unique(['measure_id', 'partner_id']);
    t.index(['partner_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('measure_partners');
  await knex.schema.dropTable('partners');
}
