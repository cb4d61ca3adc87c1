import type { Knex } from 'knex';
import { addCheck, checkIn, standardColumns } from '../api/db/schemaHelpers';

// The values as this migration created them; later changes to api/domain.ts need a migration of their own.
const MUNICIPALITY_KINDS = ['city', 'association'] as const;

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('municipalities', (t) => {
    standardColumns(knex, t);
    t.string('name', 120).notNullable().unique();
    t.string('kind', 20).notNullable();
    t.string('official_key', 12).notNullable().unique();
    t.string('seat', 120).notNullable();
    t.integer('population').nullable();
    t.decimal('area_km2', 8, 2).nullable();
    t.index(['kind']);
  });
  await addCheck(knex, 'municipalities', 'municipalities_kind_check', checkIn('kind', MUNICIPALITY_KINDS));
  await addCheck(knex, 'municipalities', 'municipalities_population_check', 'population >= 0');
  await addCheck(knex, 'municipalities', 'municipalities_area_check', 'area_km2 > 0');

  await knex.schema.createTable('fields_of_action', (t) => {
    standardColumns(knex, t);
    t.string('name', 60).notNullable().unique();
    t.string('colour', 7).notNullable();
  });
  await addCheck(knex, 'fields_of_action', 'fields_of_action_colour_check', "colour ~ '^#[0-9a-fA-F]{6}$'");

  // A guide is linked to the municipalities she looks after; removing either side removes the link.
  await knex.schema.createTable('guide_municipalities', (t) => {
    standardColumns(knex, t, false);
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.integer('municipality_id').notNullable().references('municipalities.id').onDelete('CASCADE');
    t.unique(['user_id', 'municipality_id']);
    t.index(['municipality_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('guide_municipalities');
  await knex.schema.dropTable('fields_of_action');
  await knex.schema.dropTable('municipalities');
}
