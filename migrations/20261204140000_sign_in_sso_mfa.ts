import type { Knex } from 'knex';

/**
 * Single sign-on and the second factor (issue #18): the TOTP secret and its last used time step per user, the
 * hashed recovery codes, the break-glass flag for local passwords, how a session was signed in (and whether it
 * still waits for the second factor), and the pending OpenID Connect logins (state, nonce, PKCE verifier).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    // Base32 (RFC 4648) secret; the pending one waits for the first code before it counts.
    t.string('totp_secret', 64).nullable();
    t.string('totp_pending_secret', 64).nullable();
    t.timestamp('totp_enabled_at', { useTz: true }).nullable();
    // The last accepted 30-second step: a code of this step or an earlier one is never accepted again.
    t.bigInteger('totp_last_step').nullable();
    // With PASSWORD_LOGIN=false only accounts with this flag may still sign in with their local password.
    t.boolean('break_glass').notNullable().defaultTo(false);
  });
  await knex.schema.createTable('user_recovery_codes', (t) => {
    t.increments('id').primary();
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.string('code_hash', 255).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('used_at', { useTz: true }).nullable();
    t.index(['user_id']);
  });
  await knex.schema.alterTable('sessions', (t) => {
    t.string('method', 10).notNullable().defaultTo('password');
    // 'mfa': the password was right, the second factor is still missing; such a session opens nothing.
    t.string('stage', 10).notNullable().defaultTo('full');
    // Sent back to the provider's end-session endpoint as id_token_hint at logout.
    t.text('id_token').nullable();
  });
  await knex.raw(
    "alter table sessions add constraint sessions_method_check check (method in ('password', 'oidc'))",
  );
  await knex.raw("alter table sessions add constraint sessions_stage_check check (stage in ('mfa', 'full'))");
  await knex.schema.createTable('oidc_logins', (t) => {
    t.string('state_hash', 64).primary();
    t.string('nonce', 128).notNullable();
    t.string('code_verifier', 128).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['created_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('oidc_logins');
  await knex.raw(
    'alter table sessions drop constraint sessions_method_check, drop constraint sessions_stage_check',
  );
  await knex.schema.alterTable('sessions', (t) => {
    t.dropColumns('method', 'stage', 'id_token');
  });
  await knex.schema.dropTable('user_recovery_codes');
  await knex.schema.alterTable('users', (t) => {
    t.dropColumns('totp_secret', 'totp_pending_secret', 'totp_enabled_at', 'totp_last_step', 'break_glass');
  });
}
