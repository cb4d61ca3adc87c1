import type { Knex } from 'knex';
import { addCheck, checkIn, standardColumns } from '../api/db/schemaHelpers';

// The values as this migration created them.
const CHANNELS = ['app', 'email', 'off'] as const;
const MAIL_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;

/**
 * Reminders (issue #16): what was told to whom (notifications, one per user, rule, record and due date — the unique
 * key makes a second run a no-op), the mails waiting for or done with SMTP (mail_outbox), each user's choice per
 * rule (reminder_settings) and the days the daily run has done (reminder_runs, for the catch-up after a downtime).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('notifications', (t) => {
    standardColumns(knex, t, false);
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.string('rule', 40).notNullable();
    t.string('resource', 40).nullable();
    // 0 for a notice about no single record (the weekly digest).
    t.integer('record_id').notNullable();
    t.date('due_on').notNullable();
    t.text('title').notNullable();
    t.text('body').notNullable();
    t.string('link', 300).nullable();
    t.timestamp('read_at', { useTz: true }).nullable();
    t.unique(['user_id', 'rule', 'record_id', 'due_on'], { indexName: 'notifications_once' });
  });
  // The bell counts a user's unread rows.
  await knex.raw('create index notifications_unread on notifications (user_id) where read_at is null');

  await knex.schema.createTable('mail_outbox', (t) => {
    standardColumns(knex, t, false);
    t.integer('notification_id').nullable().references('notifications.id').onDelete('SET NULL');
    t.integer('user_id').nullable().references('users.id').onDelete('SET NULL');
    t.string('recipient', 320).notNullable();
    t.text('subject').notNullable();
    t.text('text_body').notNullable();
    t.text('html_body').notNullable();
    t.string('status', 10).notNullable().defaultTo('pending');
    t.integer('attempts').notNullable().defaultTo(0);
    t.timestamp('next_attempt_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('sent_at', { useTz: true }).nullable();
    t.text('last_error').nullable();
    // One mail per notification, whatever runs at the same time.
    t.unique(['notification_id'], { indexName: 'mail_outbox_once' });
    t.index(['user_id']);
    t.index(['created_at']);
  });
  await addCheck(knex, 'mail_outbox', 'mail_outbox_status_check', checkIn('status', MAIL_STATUSES));
  await knex.raw(
    "create index mail_outbox_due on mail_outbox (next_attempt_at) where status in ('pending', 'sending')",
  );

  await knex.schema.createTable('reminder_settings', (t) => {
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.string('rule', 40).notNullable();
    t.string('channel', 10).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['user_id', 'rule']);
  });
  await addCheck(knex, 'reminder_settings', 'reminder_settings_channel_check', checkIn('channel', CHANNELS));

  await knex.schema.createTable('reminder_runs', (t) => {
    t.date('run_on').primary();
    t.timestamp('started_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('finished_at', { useTz: true }).nullable();
    t.integer('created').notNullable().defaultTo(0);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('reminder_runs');
  await knex.schema.dropTable('reminder_settings');
  await knex.schema.dropTable('mail_outbox');
  await knex.schema.dropTable('notifications');
}
