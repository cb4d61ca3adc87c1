import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Knex } from 'knex';
import pino from 'pino';
import { createApp } from '../../../api/app';
import { createDb } from '../../../api/db/knex';
import { addDays, berlinDate } from '../../../api/officeDay';
import { runReminders } from '../../../api/features/reminders/run';
import { login, testApp, type TestApp } from '../../support/app';
import { onPostgres } from '../../support/db';
import { clearReminders, startSmtp, userId, type TestSmtp } from './support';

/**
 * Several API processes on one database run the rules at the same moment: each reminder is created once and each
 * mail arrives once. On PostgreSQL the second "process" is a second connection pool (and, below, real child
 * processes); the embedded database belongs to one process, where concurrent runs share its one connection.
 */

const ORIGIN = 'https://cockpit.example';
const root = path.resolve(__dirname, '../../..');
let t: TestApp;
let second: Knex;
let smtp: TestSmtp;
let measureId: number;

/** A milestone of a measure the viewer owns, due in `days` days (Berlin today): owner and two steering staff. */
async function milestoneIn(days: number, title: string): Promise<number> {
  const due = addDays(berlinDate(new Date()), days);
  const [row] = (await t
    .db('milestones')
    .insert({ measure_id: measureId, title, baseline_date: due, due_date: due })
    .returning('id')) as { id: number }[];
  return row!.id;
}

const mailsAbout = (title: string) => smtp.mails.filter((m) => m.subject?.includes(title));

beforeAll(async () => {
  smtp = await startSmtp();
  const smtpConfig = { smtpUrl: smtp.url, mailFrom: 'cockpit@myk10.example', publicOrigin: ORIGIN };
  t = await testApp({ config: smtpConfig });
  second = t.url ? createDb({ databaseUrl: t.url }) : t.db;
  await clearReminders(t.db);
  const [m] = (await t
    .db('measures')
    .insert({
      code: 'T-77',
      title: 'Testmaßnahme Parallel',
      field_of_action_id: ((await t.db('fields_of_action').first('id')) as { id: number }).id,
      phase: 'implementation',
      status: 'implementation',
      health: 'green',
      progress: 0,
      owner_id: await userId(t.db, 'lesen@myk10.example'),
    })
    .returning('id')) as { id: number }[];
  measureId = m!.id;
});
afterAll(async () => {
  if (second && second !== t.db) await second.destroy();
  await t?.close();
  await smtp?.close();
});

it('two API instances run at the same moment: three reminders, three mails, each once', async () => {
  const id = await milestoneIn(3, 'Parallele Abnahme');
  const appB = createApp({ db: second, config: t.config, logger: pino({ level: 'silent' }) });
  const [a, b] = [await t.as('cdo'), await login(appB, 'cdo@myk10.example')];

  const [ra, rb] = await Promise.all([
    a.post('/api/reminders/run').send({}),
    b.post('/api/reminders/run').send({}),
  ]);

  expect([ra.status, rb.status]).toEqual([200, 200]);
  // Together the two answers name each created reminder once.
  expect(ra.body.notifications + rb.body.notifications).toBe(
    Number(((await t.db('notifications').count('* as n')) as [{ n: number }])[0].n),
  );
  const rows = await t.db('notifications').where({ rule: 'milestone_due', record_id: id });
  expect(rows).toHaveLength(3);
  // Every mail of both runs went out once: as many mails arrived as the outbox holds, none twice.
  const outbox = await t.db('mail_outbox').select('status');
  expect(outbox.every((m: { status: string }) => m.status === 'sent')).toBe(true);
  expect(smtp.mails).toHaveLength(outbox.length);
  const recipients = mailsAbout('Parallele Abnahme').map((m) => JSON.stringify(m.to));
  expect(recipients).toHaveLength(3);
  expect(new Set(recipients).size).toBe(3);
});

it('the daily run of one day runs once, however many processes start it', async () => {
  const day = '2026-12-02';
  const run = (db: Knex) => runReminders(db, { today: day, origin: ORIGIN, runDay: day });

  const results = await Promise.all([run(t.db), run(second), run(t.db), run(second)]);

  expect(results.filter((r) => !r.skipped)).toHaveLength(1);
  expect(await t.db('reminder_runs').where('run_on', day)).toHaveLength(1);
});

(onPostgres ? it : it.skip)(
  'two separate processes (node api/features/reminders/cli.ts) on one PostgreSQL: each mail arrives once',
  async () => {
    const id = await milestoneIn(2, 'Prozessabnahme');
    await t.db('reminder_runs').delete();
    const env = {
      ...process.env,
      NODE_OPTIONS: '',
      DATABASE_URL: t.url!,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'cockpit@myk10.example',
      PUBLIC_ORIGIN: ORIGIN,
      LOG_LEVEL: 'silent',
    };
    const one = () =>
      new Promise<{ code: number; out: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'api/features/reminders/cli.ts'], {
          cwd: root,
          env,
        });
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.stderr.on('data', (d: Buffer) => (out += d.toString()));
        child.on('close', (code) => resolve({ code: code ?? 1, out }));
      });

    const [p1, p2] = await Promise.all([one(), one()]);

    expect([p1.code, p2.code]).toEqual([0, 0]);
    expect(await t.db('notifications').where({ rule: 'milestone_due', record_id: id })).toHaveLength(3);
    const recipients = mailsAbout('Prozessabnahme').map((m) => JSON.stringify(m.to));
    expect(recipients).toHaveLength(3);
    expect(new Set(recipients).size).toBe(3);
    // One of the two did the day's run, the other found it done.
    const daily = [p1.out, p2.out].map(
      (o) => (JSON.parse(o.trim().split('\n').pop()!) as { daily?: { skipped: boolean } }).daily,
    );
    expect(daily.filter((d) => d && !d.skipped)).toHaveLength(1);
    expect(await t.db('reminder_runs')).toHaveLength(1);
  },
  120_000,
);
