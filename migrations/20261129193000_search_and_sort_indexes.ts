import type { Knex } from 'knex';

/**
 * Indexes for every list a user can ask for at factor 10 (issue #21; measured with `npm run bench`):
 * - trigram GIN indexes (pg_trgm) on the columns the substring search (`q`, ILIKE '%…%') reads on the large
 *   tables, so a rare or absent word is found through the index instead of testing every row (expenditures,
 *   50,000 rows: ~370 ms for a word that is not there);
 * - the contact log's date index carries the municipality as well: a guide's list (her municipalities, newest
 *   first) walks it backwards and skips other municipalities' entries in the index, without visiting their rows;
 * - sort indexes for the text columns the lists offer to sort by on the large tables (a page sorted by topic read
 *   100,000 contacts and sorted them all).
 */
const TRIGRAM: Record<string, string[]> = {
  expenditures: ['payee', 'receipt_no', 'description'],
  milestones: ['title'],
};
const SORT: Record<string, string[]> = {
  contacts: ['topic', 'person_name'],
  milestones: ['title'],
};

export async function up(knex: Knex): Promise<void> {
  await knex.raw('create extension if not exists pg_trgm');
  for (const [table, columns] of Object.entries(TRIGRAM))
    for (const c of columns)
      await knex.raw(`create index ${table}_${c}_trgm on ${table} using gin (${c} gin_trgm_ops)`);
  await knex.raw('drop index contacts_contact_on_index');
  await knex.raw('create index contacts_contact_on_municipality on contacts (contact_on, municipality_id)');
  for (const [table, columns] of Object.entries(SORT))
    for (const c of columns) await knex.raw(`create index ${table}_${c}_sort on ${table} (${c})`);
}

export async function down(knex: Knex): Promise<void> {
  for (const [table, columns] of Object.entries(SORT))
    for (const c of columns) await knex.raw(`drop index ${table}_${c}_sort`);
  await knex.raw('drop index contacts_contact_on_municipality');
  await knex.raw('create index contacts_contact_on_index on contacts (contact_on)');
  for (const [table, columns] of Object.entries(TRIGRAM))
    for (const c of columns) await knex.raw(`drop index ${table}_${c}_trgm`);
}
