import type { Knex } from 'knex';
import { addDays, berlinDate } from '../../../api/officeDay';
import { RULES } from '../../../api/features/reminders/rules';
import { runReminders } from '../../../api/features/reminders/run';
import { testDb, type TestDb } from '../../support/db';

/**
 * The demo's reminders (seeds/demoReminders.ts) are of the real day it was seeded: every rule and every role has
 * some, the CDO's digest is in the outbox, each text is what the rule says on that day about the record it links
 * to, and a second run on that day (a fresh start's catch-up) adds nothing.
 */

interface Note {
  id: number;
  user_id: number;
  role: string;
  email: string;
  rule: string;
  resource: string | null;
  record_id: number;
  due_on: string;
  title: string;
  body: string;
  link: string | null;
}

let t: TestDb;
let db: Knex;
let day: string;
let notes: Note[];

beforeAll(async () => {
  t = await testDb();
  db = t.db;
  const runs = (await db('reminder_runs').select(db.raw(`to_char(run_on, 'YYYY-MM-DD') as run_on`))) as {
    run_on: string;
  }[];
  expect(runs).toHaveLength(1);
  day = runs[0]!.run_on;
  notes = (
    (await db.raw(`
      select n.id, n.user_id, u.role, u.email, n.rule, n.resource, n.record_id, to_char(n.due_on, 'YYYY-MM-DD') as due_on,
        n.title, n.body, n.link
      from notifications n join users u on u.id = n.user_id order by n.id`)) as { rows: Note[] }
  ).rows;
});
afterAll(async () => t?.close());

it('was seeded on the real Berlin day (this one, or yesterday when the run crossed midnight)', () => {
  const today = berlinDate(new Date());
  expect([today, addDays(today, -1)]).toContain(day);
});

it.each(RULES.map((r) => r.key))('has notifications of rule %s', (rule) => {
  expect(notes.filter((n) => n.rule === rule).length).toBeGreaterThan(0);
});

it('has notifications for every role (the viewer as a measure’s owner), and for each guide', async () => {
  const byRole = (role: string) => notes.filter((n) => n.role === role);
  expect(byRole('cdo').map((n) => n.rule)).toEqual(
    expect.arrayContaining(['measure_red', 'weekly_digest', 'milestone_due']),
  );
  expect(byRole('steering').map((n) => n.rule)).toEqual(
    expect.arrayContaining(['milestone_due', 'milestone_overdue']),
  );
  // The viewer owns M-37 in the demo, and hears of its milestones.
  expect(byRole('viewer').map((n) => n.rule)).toContain('milestone_due');
  const funding = new Set(byRole('funding').map((n) => n.rule));
  for (const rule of [
    'spend_deadline',
    'interim_proof',
    'final_proof',
    'transfer_proof_overdue',
    'tranche_not_received',
  ])
    expect(funding).toContain(rule);
  const guides = (await db('users').where({ role: 'guide', active: true }).pluck('id')) as number[];
  expect(guides.length).toBeGreaterThan(0);
  for (const guide of guides)
    expect(notes.some((n) => n.user_id === guide && n.rule === 'follow_up')).toBe(true);
  // A follow-up due on the day itself, not only overdue ones.
  expect(notes.some((n) => n.rule === 'follow_up' && n.due_on === day)).toBe(true);
});

it('has the CDO’s weekly digest in the outbox, for the Monday of the seeded week', async () => {
  const digest = (await db('mail_outbox as o')
    .join('notifications as n', 'n.id', 'o.notification_id')
    .join('users as u', 'u.id', 'n.user_id')
    .where({ 'n.rule': 'weekly_digest', 'u.role': 'cdo' })
    .first('o.recipient', 'o.subject', db.raw(`to_char(n.due_on, 'YYYY-MM-DD') as due_on`))) as
    { recipient: string; subject: string; due_on: string } | undefined;
  expect(digest?.recipient).toBe('cdo@myk10.example');
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  expect(digest?.due_on).toBe(addDays(day, -((dow + 6) % 7)));
});

it('says in every text what the rule says on the seeded day about the linked record', async () => {
  for (const rule of RULES) {
    const mine = notes.filter((n) => n.rule === rule.key);
    const { rows } = (await db.raw(
      `with c as (${rule.sql}) select c.*, to_char(c.due_on, 'YYYY-MM-DD') as due_on, (c.due_on - :today::date)::int as days from c`,
      { today: day },
    )) as { rows: Parameters<typeof rule.text>[0][] };
    const context = rule.context ? await rule.context(db, day) : undefined;
    for (const n of mine) {
      const row = rows.find(
        (r) => r.user_id === n.user_id && r.record_id === n.record_id && r.due_on === n.due_on,
      );
      expect({ rule: n.rule, id: n.id, found: Boolean(row) }).toEqual({
        rule: n.rule,
        id: n.id,
        found: true,
      });
      expect(rule.text(row!, context)).toEqual({ title: n.title, body: n.body, link: n.link });
      if (n.resource) expect(n.link).toBe(`/${n.resource}/${n.record_id}/show`);
    }
  }
});

it('dates each matter by its record', async () => {
  const dateOf = async (table: string, expr: string, id: number) =>
    (
      (await db.raw(`select to_char(${expr}, 'YYYY-MM-DD') as d from ${table} where id = ?`, [id])) as {
        rows: { d: string }[];
      }
    ).rows[0]?.d;
  const expected: Record<string, (id: number) => Promise<string | undefined>> = {
    spend_deadline: (id) => dateOf('tranches', `received_on + interval '2 months'`, id),
    interim_proof: (id) => dateOf('grant_years', 'interim_proof_due_on', id),
    final_proof: (id) => dateOf('grants', 'proof_due_on', id),
    transfer_proof_overdue: (id) => dateOf('transfers', 'proof_due_on', id),
    tranche_not_received: (id) => dateOf('tranches', 'requested_on + 30', id),
    milestone_due: (id) => dateOf('milestones', 'due_date', id),
    milestone_overdue: (id) => dateOf('milestones', 'due_date', id),
    follow_up: (id) => dateOf('contacts', 'follow_up_on', id),
  };
  for (const n of notes.filter((x) => expected[x.rule]))
    expect({ id: n.id, due_on: await expected[n.rule]!(n.record_id) }).toEqual({
      id: n.id,
      due_on: n.due_on,
    });
  // The demo's own cases sit where the seed puts them, relative to the seeded day.
  const spend = notes.find((n) => n.rule === 'spend_deadline' && n.title.includes('Mittelabruf 13'));
  expect(spend?.due_on).toBe(addDays(day, 5));
  expect(spend?.title).toContain('in 5 Tagen');
});

it('adds nothing when the rules run again on the seeded day (a fresh start’s catch-up)', async () => {
  const again = await runReminders(db, { today: day, origin: 'http://localhost:3000' });
  expect(again.notifications).toBe(0);
});
