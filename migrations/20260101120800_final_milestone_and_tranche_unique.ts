import type { Knex } from 'knex';

// One final milestone per measure and one final tranche (Schlussrate) per grant.
export async function up(knex: Knex): Promise<void> {
  await knex.raw('create unique index milestones_one_final on milestones (measure_id) where is_final');
  await knex.raw('create unique index tranches_one_final on tranches (grant_id) where is_final');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index milestones_one_final');
  await knex.raw('drop index tranches_one_final');
}
