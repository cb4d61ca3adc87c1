import type { Knex } from 'knex';
import { loadConfig } from '../../../api/config';
import {
  createMailer,
  deliverOutbox,
  MAX_ATTEMPTS,
  retryDelayMs,
  type Mailer,
} from '../../../api/features/reminders/mail';
import { runReminders } from '../../../api/features/reminders/run';
import { testApp, type TestApp } from '../../support/app';
import { clearReminders, insertReceivedTranche, startSmtp, userId, type TestSmtp } from './support';

/**
 * Mails through a real SMTP server (smtp-server, parsed with mailparser): recipients, subject, links and German
 * text; a second run sends nothing; SMTP down → retried with backoff and delivered once; settings and deactivated
 * users respected. The rules judge a fixed day (2026-02-23); the tranche received on 31 Dec 2025 must be spent by
 * 28 Feb 2026, five days later.
 */

const ORIGIN = 'https://cockpit.example';
const TODAY = '2026-02-23';
let t: TestApp;
let db: Knex;
let smtp: TestSmtp;
let mailer: Mailer;
let funding: number;
let funding2: number;

const run = () => runReminders(db, { today: TODAY, origin: ORIGIN });
const mailsTo = (email: string, subject: string) =>
  smtp.mails.filter((m) => m.subject === subject && m.to && JSON.stringify(m.to).includes(email));

beforeAll(async () => {
  smtp = await startSmtp();
  t = await testApp({
    config: { smtpUrl: smtp.url, mailFrom: 'Cockpit <cockpit@myk10.example>', publicOrigin: ORIGIN },
  });
  db = t.db;
  mailer = (await createMailer(t.config))!;
  await clearReminders(db);
  funding = await userId(db, 'foerderung@myk10.example');
  funding2 = await userId(db, 'foerderung2@myk10.example');
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

describe('mails of a run', () => {
  let trancheId: number;
  const subject = 'Mittelverwendungsfrist in 5 Tagen: Mittelabruf 901, 120.000,00\u00a0€';

  it('reach each funding officer once, with subject, German text and a link to the tranche', async () => {
    trancheId = await insertReceivedTranche(db, 901, '2025-12-31');
    const result = await run();
    expect(result.by_rule.spend_deadline).toBeGreaterThanOrEqual(2);
    const delivered = await deliverOutbox(db, mailer, new Date(), 1000);

    expect(delivered).toEqual({ sent: result.mails, failed: 0 });
    expect(smtp.mails).toHaveLength(result.mails);
    const [mail, ...more] = mailsTo('foerderung@myk10.example', subject);
    expect(more).toEqual([]);
    expect(mail!.from!.text).toContain('cockpit@myk10.example');
    expect(mail!.text).toContain('Guten Tag Sabine Krämer,');
    expect(mail!.text).toContain('120.000,00\u00a0€ sind noch nicht verausgabt');
    expect(mail!.text).toContain('endet am 28.02.2026 (in 5 Tagen)');
    expect(mail!.text).toContain(`${ORIGIN}/#/tranches/${trancheId}/show`);
    expect(mail!.html).toContain(`href="${ORIGIN}/#/tranches/${trancheId}/show"`);
    expect(mail!.html).toContain('Im Cockpit öffnen');
    expect(mailsTo('foerderung2@myk10.example', subject)).toHaveLength(1);
  });

  it('and the notification in the app links to the same record', async () => {
    const rows = await db('notifications').where({ rule: 'spend_deadline', record_id: trancheId });
    expect(rows.map((r: { user_id: number }) => r.user_id).sort()).toEqual([funding, funding2].sort());
    expect(rows[0].link).toBe(`/tranches/${trancheId}/show`);
    expect(rows[0].due_on).toBe('2026-02-28');
  });

  it('a second run creates nothing and sends nothing', async () => {
    const before = smtp.mails.length;
    const result = await run();
    expect(result.notifications).toBe(0);
    expect(await deliverOutbox(db, mailer, new Date(), 1000)).toEqual({ sent: 0, failed: 0 });
    expect(smtp.mails).toHaveLength(before);
  });
});

describe('SMTP down', () => {
  const subject = 'Mittelverwendungsfrist in 14 Tagen: Mittelabruf 902, 120.000,00\u00a0€';

  it('keeps the mail with its error, retries after the backoff, and delivers it exactly once', async () => {
    // Received 9 Jan: spend deadline 9 Mar, 14 days after the run day.
    await insertReceivedTranche(db, 902, '2026-01-09');
    await run();
    const down = (await createMailer({
      ...loadConfig({}),
      smtpUrl: 'smtp://127.0.0.1:1',
      mailFrom: 'x@y.example',
    }))!;
    const start = new Date();

    expect(await deliverOutbox(db, down, start)).toEqual({ sent: 0, failed: 2 });
    const waiting = await db('mail_outbox').where({ subject }).orderBy('id');
    expect(waiting.map((m: { status: string }) => m.status)).toEqual(['pending', 'pending']);
    expect(waiting[0].attempts).toBe(1);
    expect(waiting[0].last_error).toMatch(/ECONNREFUSED|connect/i);
    expect(new Date(waiting[0].next_attempt_at).getTime()).toBe(start.getTime() + retryDelayMs(1));

    // The CDO sees status and error in the outbox.
    const cdo = await t.as('cdo');
    const listed = await cdo.get('/api/mail_outbox?filter={"status":"pending"}');
    expect(listed.status).toBe(200);
    expect(listed.body.find((m: { subject: string }) => m.subject === subject).last_error).toMatch(
      /ECONNREFUSED|connect/i,
    );

    // Before the backoff has passed nothing is tried again, not even with the server back.
    expect(await deliverOutbox(db, mailer, new Date(start.getTime() + retryDelayMs(1) - 1000))).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(await deliverOutbox(db, mailer, new Date(start.getTime() + retryDelayMs(1)))).toEqual({
      sent: 2,
      failed: 0,
    });
    expect(smtp.mails.filter((m) => m.subject === subject)).toHaveLength(2);
    const sent = await db('mail_outbox').where({ subject });
    expect(sent.map((m: { status: string; last_error: string | null }) => [m.status, m.last_error])).toEqual([
      ['sent', null],
      ['sent', null],
    ]);
    expect(await deliverOutbox(db, mailer, new Date(start.getTime() + 3_600_000))).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(smtp.mails.filter((m) => m.subject === subject)).toHaveLength(2);
  });

  it('backs off 1, 2, 4 ... minutes up to six hours, and gives up after the last attempt', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(30)).toBe(6 * 3_600_000);
    expect(MAX_ATTEMPTS).toBeGreaterThan(3);
  });
});

describe('settings and deactivated users', () => {
  it('"off" creates nothing, "app" a notification without a mail', async () => {
    await (
      await t.as('funding')
    )
      .put('/api/reminders/settings')
      .send({ settings: { spend_deadline: 'off' } })
      .expect(200);
    await db('reminder_settings').insert({ user_id: funding2, rule: 'spend_deadline', channel: 'app' });
    const id = await insertReceivedTranche(db, 903, '2026-01-08');

    await run();

    const rows = await db('notifications').where({ rule: 'spend_deadline', record_id: id });
    expect(rows.map((r: { user_id: number }) => r.user_id)).toEqual([funding2]);
    expect(await db('mail_outbox').where({ notification_id: rows[0].id })).toEqual([]);
  });

  it('a deactivated user gets nothing', async () => {
    await db('reminder_settings').where({ user_id: funding }).delete();
    await db('users').where({ id: funding2 }).update({ active: false });
    try {
      const id = await insertReceivedTranche(db, 904, '2026-01-07');
      await run();
      const rows = await db('notifications').where({ rule: 'spend_deadline', record_id: id });
      expect(rows.map((r: { user_id: number }) => r.user_id)).toEqual([funding]);
    } finally {
      await db('users').where({ id: funding2 }).update({ active: true });
    }
  });
});
