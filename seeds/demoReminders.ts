import type { Knex } from 'knex';
import { runReminders } from '../api/features/reminders/run';
import { addDays, TODAY } from './util';

/**
 * Reminders in the demo: the rules run once a week in the four weeks up to the demo's "today", so every role finds notifications the rules
 * really produce (and a fresh start's catch-up run adds those of the real day). Before that, M-08 turns red the
 * day before (an audit entry, as an edit would write it), so the CDO's immediate notice has a case. Then some
 * are read, and the outbox shows every status: sent, waiting, and one that failed with its error.
 */
export async function seedReminders(trx: Knex): Promise<void> {
  const cdo = (await trx('users').where('role', 'cdo').orderBy('id').first('id')) as { id: number };
  const m08 = (await trx('measures').where('code', 'M-08').first('id')) as { id: number };
  await trx('audit_entries').insert({
    at: `${addDays(TODAY, -1)}T09:15:00Z`,
    user_id: cdo.id,
    action: 'update',
    resource: 'measures',
    record_id: m08.id,
    changes: JSON.stringify({ health: ['amber', 'red'] }),
  });
  // As if the daily run had run in the last weeks (every two weeks catches every rule's window).
  for (const day of [-28, -14, 0])
    await runReminders(trx, { today: addDays(TODAY, day), origin: 'http://localhost:3000' });

  // The older half of each user's notifications has been read.
  await trx.raw(`
    update notifications n set read_at = n.created_at
    where n.id in (select id from (select id, row_number() over (partition by user_id order by due_on, id) as nth,
      count(*) over (partition by user_id) as total from notifications) x where nth <= total / 2)`);
  const sentAt = `${addDays(TODAY, -1)}T05:00:30Z`;
  await trx.raw(
    `update mail_outbox set status = 'sent', attempts = 1, sent_at = ?
     where notification_id in (select id from notifications where read_at is not null)`,
    [sentAt],
  );
  const failed = (await trx('mail_outbox').where('status', 'pending').orderBy('id').first('id')) as
    { id: number } | undefined;
  if (failed)
    await trx('mail_outbox').where('id', failed.id).update({
      status: 'failed',
      attempts: 8,
      last_error: 'getaddrinfo ENOTFOUND mail.kreis-myk.example',
    });
}
