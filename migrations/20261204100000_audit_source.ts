import type { Knex } from 'knex';

/**
 * Where a change came from when it was not typed into a form: "Import: massnahmen.xlsx" for a spreadsheet import.
 * Empty for edits through the UI or the API.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('audit_entries', (t) => {
    t.text('source');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('audit_entries', (t) => {
    t.dropColumn('source');
  });
}
