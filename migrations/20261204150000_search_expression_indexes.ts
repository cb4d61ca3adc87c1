import type { Knex } from 'knex';

/**
 * The substring search (`q`) of a resource that reads several columns, through one index (issue #21):
 * - one trigram GIN index per resource over its search text, the searched columns joined by chr(1) in the order
 *   of the resource's `search.ilike` (api/rest/query.ts `searchText` writes the same expression, which is how the
 *   planner matches it). Three indexes ORed together cost the planner more than reading the expenditures, so a
 *   rare or absent word read all 50,000 rows; one index costs a fraction, and ANALYZE keeps statistics on the
 *   expression, which makes the estimate of a search's hits exact enough to choose the plan by;
 * - every search GIN index with a short pending list (`gin_pending_list_limit` 256 kB instead of 4 MB): new
 *   entries pile up there unsorted until autovacuum or the limit, and every search reads all of them. After a
 *   bulk load that was 137–468 pages per index (≈ 20 ms each), and the planner rightly preferred reading the whole
 *   table. Now at most 32 pages wait (≈ 1 ms). Without a pending list at all (`fastupdate = off`) a bulk insert of
 *   20,000 expenditures took 37 s instead of 11 s; with 256 kB 16 s.
 * The per-column trigram indexes of the expenditures go; the one of the milestones (one column) stays.
 */
const SEARCH: Record<string, string[]> = {
  expenditures: ['payee', 'receipt_no', 'description'],
  partners: ['name', 'city', 'contact_person'],
  grants: ['programme', 'file_number', 'phase'],
  users: ['name', 'email'],
  municipalities: ['name', 'seat'],
  mail_outbox: ['recipient', 'subject'],
};
const OLD_TRIGRAM = ['payee', 'receipt_no', 'description'];
const OTHER_GIN = ['milestones_title_trgm', 'contacts_fts', 'measures_fts'];

const searchText = (columns: string[]) =>
  `(${columns.map((c) => `coalesce(${c}, '')`).join(' || chr(1) || ')})`;

export async function up(knex: Knex): Promise<void> {
  for (const [table, columns] of Object.entries(SEARCH)) {
    await knex.raw(
      `create index ${table}_search_trgm on ${table} using gin (${searchText(columns)} gin_trgm_ops) with (gin_pending_list_limit = 256)`,
    );
    // Statistics on the new expression now: without them the planner guesses 5 hits for any search, which
    // sends a frequent word down the path for few hits.
    await knex.raw(`analyze ${table}`);
  }
  for (const c of OLD_TRIGRAM) await knex.raw(`drop index expenditures_${c}_trgm`);
  for (const index of OTHER_GIN) {
    await knex.raw(`alter index ${index} set (gin_pending_list_limit = 256)`);
    // Entries already pending move into the index now, not at the next vacuum.
    await knex.raw(`select gin_clean_pending_list('${index}'::regclass)`);
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const index of OTHER_GIN) await knex.raw(`alter index ${index} reset (gin_pending_list_limit)`);
  for (const c of OLD_TRIGRAM)
    await knex.raw(`create index expenditures_${c}_trgm on expenditures using gin (${c} gin_trgm_ops)`);
  for (const table of Object.keys(SEARCH)) await knex.raw(`drop index ${table}_search_trgm`);
}
