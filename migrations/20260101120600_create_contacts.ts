import type { Knex } from 'knex';
import { addCheck, checkIn, standardColumns } from '../api/db/schemaHelpers';

// The values as this migration created them; later changes to api/domain.ts need a migration of their own.
const CONTACT_CHANNELS = ['phone', 'email', 'on_site', 'video', 'event'] as const;

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('contacts', (t) => {
    standardColumns(knex, t);
    t.integer('municipality_id').notNullable().references('municipalities.id').onDelete('RESTRICT');
    t.integer('author_id').notNullable().references('users.id').onDelete('RESTRICT');
    t.date('contact_on').notNullable();
    t.string('channel', 20).notNullable();
    t.string('person_name', 120).nullable();
    t.string('person_role', 120).nullable();
    t.string('topic', 200).notNullable();
    t.text('notes').nullable();
    t.date('follow_up_on').nullable();
    t.boolean('follow_up_done').notNullable().defaultTo(false);
    t.index(['municipality_id', 'contact_on']);
    for (const c of ['author_id', 'contact_on', 'channel', 'follow_up_on']) t.index([c]);
  });
  await knex.raw(
    'create index contacts_open_follow_ups on contacts (follow_up_on) where follow_up_on is not null and not follow_up_done',
  );
  await addCheck(knex, 'contacts', 'contacts_channel_check', checkIn('channel', CONTACT_CHANNELS));
  await knex.raw(
    "create index contacts_fts on contacts using gin (to_tsvector('german', coalesce(topic, '') || ' ' || coalesce(notes, '') || ' ' || coalesce(person_name, '')))",
  );

  await knex.schema.createTable('contact_measures', (t) => {
    standardColumns(knex, t, false);
    t.integer('contact_id').notNullable().references('contacts.id').onDelete('CASCADE');
    t.integer('measure_id').notNullable().references('measures.id').onDelete('CASCADE');
    t.unique(['contact_id', 'measure_id']);
    t.index(['measure_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('contact_measures');
  await knex.schema.dropTable('contacts');
}
