import type { Knex } from 'knex';

/**
 * What the list of one's own sessions on the "Sicherheit" page needs (issue #18) without the secret: a public
 * handle to name a session by (the primary key is the hash of the cookie's token and never leaves the server),
 * and the browser's user agent, so a person can tell her devices apart. Created and last seen exist already.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('sessions', (t) => {
    t.uuid('handle').notNullable().defaultTo(knex.raw('gen_random_uuid()')).unique();
    // As the browser sent it, cut to a length that names the browser and the system.
    t.string('user_agent', 255).nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('sessions', (t) => {
    t.dropColumns('handle', 'user_agent');
  });
}
