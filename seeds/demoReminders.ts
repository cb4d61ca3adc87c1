import type { Knex } from 'knex';
import { berlinDate } from '../api/officeDay';
import { runReminders } from '../api/features/reminders/run';
import { addDays } from './util';

/**
 * Reminders in the demo. The rest of the demo lives on its fixed "today" (./util.ts TODAY), but a reminder speaks
 * of the real day ("in 5 Tagen"), and a fresh start's catch-up run judges the real day too. So the demo's reminder
 * cases are dated relative to the real Europe/Berlin date of seeding (`today`), the rules run once on that day
 * and the run is recorded as that day's daily run: every text in the bell and the outbox is true on the day the
 * demo is started, and the start adds nothing on the same day. The cases, one or more per rule and role:
 * - funding: tranche 13 of phase B received so that its spend deadline is in 5 days (money unspent); the interim
 *   proof 2025 of phase B extended to 21 days ahead; the final proof of phase B brought forward to 28 days ahead
 *   (a demo liberty: no other grant has an open final proof); the proof of the transfer to the VG Maifeld (M-20)
 *   overdue since 3 days; tranche 15 requested 33 days ago and not received;
 * - owners and steering: milestones of M-35 (owned by the CDO), M-37 (owned by the viewer) due in 1 and 4 days, one of M-31
 *   (steering 2) overdue since 2 days;
 * - each guide: one open follow-up, the first due today, the others 2, 4 and 6 days overdue;
 * - the CDO: M-08 turned red yesterday (an audit entry, as an edit would write it) and the weekly digest.
 * Records the fixed demo dates happen to put in a rule's window on the real day are reminded of as well; their
 * texts are just as true. Then the older half of each user's notifications has been read, and the outbox shows
 * every status: sent, waiting, and one that failed with its error.
 */
export async function seedReminders(trx: Knex, today = berlinDate(new Date())): Promise<void> {
  await stageCases(trx, today);
  await runReminders(trx, { today, origin: 'http://localhost:3000', runDay: today });

  await trx.raw(`
    update notifications n set read_at = n.created_at + interval '2 minutes'
    where n.id in (select id from (select id, row_number() over (partition by user_id order by due_on, id) as nth,
      count(*) over (partition by user_id) as total from notifications) x where nth <= total / 2)`);
  await trx.raw(
    `update mail_outbox o set status = 'sent', attempts = 1, sent_at = o.created_at + interval '30 seconds'
     where notification_id in (select id from notifications where read_at is not null)`,
  );
  // The newest waiting mail failed: the outbox lists newest first, so it is on the first page.
  const failed = (await trx('mail_outbox').where('status', 'pending').orderBy('id', 'desc').first('id')) as
    { id: number } | undefined;
  if (failed)
    await trx('mail_outbox').where('id', failed.id).update({
      status: 'failed',
      attempts: 8,
      last_error: 'getaddrinfo ENOTFOUND mail.kreis-myk.example',
    });
}

/** Moves the demo's reminder cases (see above) to dates relative to `today`. */
async function stageCases(trx: Knex, today: string): Promise<void> {
  const day = (offset: number) => addDays(today, offset);
  const grantB = (await trx('grants').where('file_number', 'KfW-436-MPSC2-0417-B').first('id')) as {
    id: number;
  };
  const tranche = (number: number) => trx('tranches').where({ grant_id: grantB.id, number });

  // Spend deadline (two months after receipt under ANBest-Gk) in 5 days; the request keeps its distance.
  await tranche(13).update({
    requested_on: trx.raw(`requested_on + ((?::date - interval '2 months')::date - received_on)`, [day(5)]),
    received_on: trx.raw(`(?::date - interval '2 months')::date`, [day(5)]),
  });
  await tranche(15).update({ requested_on: day(-33) });
  await trx('grant_years')
    .where({ grant_id: grantB.id, fiscal_year: 2025 })
    .update({ interim_proof_due_on: day(21) });
  await trx('grants')
    .where('id', grantB.id)
    .update({ proof_due_on: day(28) });
  await trx('transfers')
    .whereIn('measure_id', trx('measures').where('code', 'M-20').select('id'))
    .whereNull('proof_received_on')
    .update({ proof_due_on: day(-3) });

  // Milestones: the plan moves with the forecast, so the measures' lights keep their reasons.
  for (const [code, title, offset] of [
    ['M-35', 'Konzept abgestimmt', 1],
    ['M-37', 'Prototyp vorgestellt', 4],
    ['M-31', 'Probebetrieb gestartet', -2],
  ] as const) {
    const shift = trx.raw(`(?::date - due_date)`, [day(offset)]);
    const count = await trx('milestones')
      .where('title', title)
      .whereNull('completed_on')
      .whereIn('measure_id', trx('measures').where('code', code).select('id'))
      .update({
        baseline_date: trx.raw(`baseline_date + ?`, [shift]),
        due_date: day(offset),
      });
    if (count !== 1) throw new Error(`demo reminders: milestone "${title}" of ${code} not found once`);
  }

  // Each guide's most recent open follow-up.
  const guides = (await trx('users').where('role', 'guide').orderBy('id').select('id')) as { id: number }[];
  for (const [i, guide] of guides.entries()) {
    const contact = (await trx('contacts')
      .where({ author_id: guide.id, follow_up_done: false })
      .whereNotNull('follow_up_on')
      .where('contact_on', '<=', day(-14))
      .orderBy([{ column: 'contact_on', order: 'desc' }, 'id'])
      .first('id')) as { id: number } | undefined;
    if (!contact) throw new Error(`demo reminders: guide ${guide.id} has no open follow-up`);
    await trx('contacts')
      .where('id', contact.id)
      .update({ follow_up_on: day(-2 * i) });
  }

  const cdo = (await trx('users').where('role', 'cdo').orderBy('id').first('id')) as { id: number };
  const m08 = (await trx('measures').where('code', 'M-08').first('id')) as { id: number };
  await trx('audit_entries').insert({
    at: `${day(-1)}T09:15:00Z`,
    user_id: cdo.id,
    action: 'update',
    resource: 'measures',
    record_id: m08.id,
    changes: JSON.stringify({ health: ['amber', 'red'] }),
  });
}
