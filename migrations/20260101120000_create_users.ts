import type { Knex } from 'knex';
import { addCheck, checkIn, standardColumns } from '../api/db/schemaHelpers';

// The values as this migration created them; later changes to api/domain.ts need a migration of their own.
const ROLES = ['cdo', 'steering', 'funding', 'guide', 'viewer'] as const;

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('users', (t) => {
    standardColumns(knex, t);
    t.string('email', 254).notNullable();
    t.string('name', 120).notNullable();
    t.string('role', 20).notNullable();
    t.string('password_hash', 255).notNullable();
    t.boolean('active').notNullable().defaultTo(true);
    t.string('calendar_token_hash', 64).nullable().unique();
    t.index(['role']);
    t.index(['name']);
  });
  await knex.raw('create unique index users_email_lower_unique on users (lower(email))');
  await addCheck(knex, 'users', 'users_role_check', checkIn('role', ROLES));
  await addCheck(knex, 'users', 'users_email_check', "email like '%_@_%'");

  await knex.schema.createTable('sessions', (t) => {
    t.string('id_hash', 64).primary();
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('last_seen_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['user_id']);
  });

  await knex.schema.createTable('login_failures', (t) => {
    t.increments('id').primary();
    t.string('email', 254).notNullable();
    t.string('ip', 64).notNullable();
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['email', 'at']);
    t.index(['ip', 'at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('login_failures');
  await knex.schema.dropTable('sessions');
  await knex.schema.dropTable('users');
}
