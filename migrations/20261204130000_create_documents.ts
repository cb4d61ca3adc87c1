import type { Knex } from 'knex';
import { addCheck, checkIn, standardColumns } from '../api/db/schemaHelpers';

/**
 * Documents attached to one record of grants, tranches, expenditures, transfers, measures, partners or contacts
 * (issue #17). One foreign key column per parent, exactly one of them set; a document goes with its record
 * (ON DELETE CASCADE: a contact's minutes leave with the contact). The same file (SHA-256) once per record.
 * The bytes live in their own table, so no list or metadata query ever reads them.
 */
const PARENTS: [column: string, table: string][] = [
  ['grant_id', 'grants'],
  ['tranche_id', 'tranches'],
  ['expenditure_id', 'expenditures'],
  ['transfer_id', 'transfers'],
  ['measure_id', 'measures'],
  ['partner_id', 'partners'],
  ['contact_id', 'contacts'],
];

// The values as this migration created them; later changes to api/domain.ts need a migration of their own.
const KINDS = [
  'notice',
  'amendment',
  'drawdown',
  'receipt',
  'contract',
  'proof',
  'profile',
  'minutes',
  'other',
];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('documents', (t) => {
    standardColumns(knex, t);
    for (const [column, table] of PARENTS)
      t.integer(column).nullable().references('id').inTable(table).onDelete('CASCADE');
    t.string('kind', 20).notNullable();
    t.string('title', 200).notNullable();
    t.string('file_name', 255).notNullable();
    t.string('media_type', 100).notNullable();
    t.integer('size_bytes').notNullable();
    t.specificType('sha256', 'char(64)').notNullable();
    t.integer('uploaded_by').nullable().references('id').inTable('users').onDelete('SET NULL');
  });
  await knex.raw(
    `alter table documents add constraint documents_one_parent check (num_nonnulls(${PARENTS.map(([c]) => c).join(', ')}) = 1)`,
  );
  await addCheck(knex, 'documents', 'documents_kind_check', checkIn('kind', KINDS));
  await knex.raw(`alter table documents add constraint documents_size check (size_bytes >= 0)`);
  await knex.raw(`alter table documents add constraint documents_sha256 check (sha256 ~ '^[0-9a-f]{64}$')`);
  // Per parent: the lookup of a record's documents, and the same file only once on it.
  for (const [column] of PARENTS)
    await knex.raw(
      `create unique index documents_${column}_sha256 on documents (${column}, sha256) where ${column} is not null`,
    );
  await knex.raw('create index documents_uploaded_by on documents (uploaded_by)');

  await knex.schema.createTable('document_files', (t) => {
    t.integer('document_id').primary().references('id').inTable('documents').onDelete('CASCADE');
    t.binary('bytes').notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('document_files');
  await knex.schema.dropTable('documents');
}
