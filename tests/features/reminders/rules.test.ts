import type { Knex } from 'knex';
import { addDays } from '../../../api/officeDay';
import { ruleByKey } from '../../../api/features/reminders/rules';
import { candidates } from '../../../api/features/reminders/run';
import { testDb, type TestDb } from '../../support/db';
import { clearReminders } from './support';

/**
 * Each rule at its boundary days, with a fixed clock (the `today` of the run): the day before a window opens
 * nothing, its first and last day one reminder, the day after nothing. Records are the test's own, inserted beside
 * the demo data; only their rows are looked at.
 */

let t: TestDb;
let db: Knex;
let ids: Record<string, number>;
let users: Record<'funding' | 'funding2' | 'steering' | 'steering2' | 'cdo' | 'guide' | 'owner', number>;
/** Every funding staff member hears of the funding rules: [user, days] for each. */
const toFunding = (days: number) =>
  [
    [users.funding, days],
    [users.funding2, days],
  ].sort((a, b) => a[0]! - b[0]!);
const steeringAndOwner = () => [users.steering, users.steering2, users.owner].sort((a, b) => a - b);

const userId = async (email: string) =>
  ((await db('users').where({ email }).first('id')) as { id: number }).id;

beforeAll(async () => {
  t = await testDb();
  db = t.db;
  // The demo's reminders are of the real day; the digest (record 0) of a crafted week must not count as told.
  await clearReminders(db);
  users = {
    funding: await userId('foerderung@myk10.example'),
    funding2: await userId('foerderung2@myk10.example'),
    steering: await userId('steuerung@myk10.example'),
    steering2: await userId('steuerung2@myk10.example'),
    cdo: await userId('cdo@myk10.example'),
    guide: await userId('lotsin1@myk10.example'),
    owner: await userId('lesen@myk10.example'),
  };
  const grant = (await db('grants').where('spend_rule', 'anbest_gk').orderBy('id').first()) as {
    id: number;
  };
  const measure = (await db('measures').orderBy('id').first('id')) as { id: number };
  const muni = (await db('municipalities').orderBy('id').first('id')) as { id: number };
  // Received on 31 Dec: two months later is 28 Feb (month end clamps), the spend deadline.
  const [received] = await db('tranches')
    .insert({
      grant_id: grant.id,
      measure_id: measure.id,
      fiscal_year: 2025,
      number: 901,
      requested_on: '2025-12-01',
      requested_cents: 12_000_000,
      received_on: '2025-12-31',
      received_cents: 12_000_000,
      status: 'received',
    })
    .returning('id');
  const [requested] = await db('tranches')
    .insert({
      grant_id: grant.id,
      fiscal_year: 2026,
      number: 902,
      requested_on: '2026-01-31',
      requested_cents: 5_000_000,
      status: 'requested',
    })
    .returning('id');
  const [transfer] = await db('transfers')
    .insert({
      grant_id: grant.id,
      measure_id: measure.id,
      municipality_id: muni.id,
      amount_cents: 4_000_000,
      contract_on: '2025-01-15',
      paid_on: '2025-02-01',
      proof_due_on: '2026-03-31',
    })
    .returning('id');
  // The viewer owns this measure: as owner she hears of its milestones, like the steering staff.
  const [ownMeasure] = await db('measures')
    .insert({
      code: 'T-99',
      title: 'Testmaßnahme Erinnerungen',
      field_of_action_id: (await db('fields_of_action').first('id')).id,
      phase: 'implementation',
      status: 'implementation',
      health: 'green',
      progress: 10,
      owner_id: users.owner,
    })
    .returning('id');
  const [milestone] = await db('milestones')
    .insert({
      measure_id: ownMeasure.id,
      title: 'Abnahme',
      baseline_date: '2026-10-25',
      due_date: '2026-10-25',
    })
    .returning('id');
  const [contact] = await db('contacts')
    .insert({
      municipality_id: muni.id,
      author_id: users.guide,
      contact_on: '2026-05-20',
      channel: 'phone',
      topic: 'Fördermittel RegioHub',
      follow_up_on: '2026-05-31',
      follow_up_done: false,
    })
    .returning('id');
  ids = {
    received: received.id,
    requested: requested.id,
    transfer: transfer.id,
    measure: ownMeasure.id,
    milestone: milestone.id,
    contact: contact.id,
  };
});
afterAll(async () => t?.close());

/** The rule's reminders on a day for one record: [user_id, days] pairs. */
async function on(rule: string, today: string, recordId: number): Promise<[number, number][]> {
  const rows = await candidates(db, ruleByKey(rule)!, today);
  return rows
    .filter((r) => r.record_id === recordId)
    .map((r) => [r.user_id, r.days] as [number, number])
    .sort((a, b) => a[0] - b[0]);
}

describe('spend deadline (received tranche, 14 days ahead, money unspent)', () => {
  it('the deadline two months after 31 Dec is 28 Feb: first told 14 days ahead, last on the day', async () => {
    expect(await on('spend_deadline', '2026-02-13', ids.received!)).toEqual([]);
    expect(await on('spend_deadline', '2026-02-14', ids.received!)).toEqual(toFunding(14));
    expect(await on('spend_deadline', '2026-02-28', ids.received!)).toEqual(toFunding(0));
    expect(await on('spend_deadline', '2026-03-01', ids.received!)).toEqual([]);
  });

  it('the text says what and when: "Mittelverwendungsfrist in 5 Tagen: Mittelabruf 901, 120.000,00 €"', async () => {
    const [row] = (await candidates(db, ruleByKey('spend_deadline')!, '2026-02-23')).filter(
      (r) => r.record_id === ids.received,
    );
    const text = ruleByKey('spend_deadline')!.text(row!, undefined);
    expect(text.title).toBe('Mittelverwendungsfrist in 5 Tagen: Mittelabruf 901, 120.000,00\u00a0€');
    expect(text.body).toContain('28.02.2026');
    expect(text.link).toBe(`/tranches/${ids.received}/show`);
  });

  it('money paid out before the day leaves only the rest unspent; all paid, no reminder', async () => {
    const tranche = (await db('tranches').where('id', ids.received).first()) as {
      grant_id: number;
      measure_id: number;
    };
    const [exp] = await db('expenditures')
      .insert({
        measure_id: tranche.measure_id,
        grant_id: tranche.grant_id,
        tranche_id: ids.received,
        booked_on: '2026-02-01',
        paid_on: '2026-02-20',
        amount_cents: 12_000_000,
        cost_category: 'services',
        payee: 'Testfirma',
        description: 'Test',
        eligible: true,
      })
      .returning('id');
    try {
      // Paid on the 20th: on the 19th the money is still unspent, from the 20th on nothing is left.
      expect(await on('spend_deadline', '2026-02-19', ids.received!)).toEqual(toFunding(9));
      expect(await on('spend_deadline', '2026-02-20', ids.received!)).toEqual([]);
    } finally {
      await db('expenditures').where('id', exp.id).delete();
    }
  });
});

describe('tranche requested and not received', () => {
  it('counts from the 31st day after the request (31 Jan + 30 days = 2 Mar)', async () => {
    expect(await on('tranche_not_received', '2026-03-02', ids.requested!)).toEqual([]);
    expect(await on('tranche_not_received', '2026-03-03', ids.requested!)).toEqual(toFunding(-1));
  });
});

describe("transfer's proof of use overdue", () => {
  it('is told from the day after its due date (31 Mar) for 30 days', async () => {
    expect(await on('transfer_proof_overdue', '2026-03-31', ids.transfer!)).toEqual([]);
    expect(await on('transfer_proof_overdue', '2026-04-01', ids.transfer!)).toEqual(toFunding(-1));
    expect(await on('transfer_proof_overdue', '2026-04-30', ids.transfer!)).toEqual(toFunding(-30));
    expect(await on('transfer_proof_overdue', '2026-05-01', ids.transfer!)).toEqual([]);
  });

  it('stops once the proof is received', async () => {
    await db('transfers').where('id', ids.transfer).update({ proof_received_on: '2026-04-02' });
    try {
      expect(await on('transfer_proof_overdue', '2026-04-03', ids.transfer!)).toEqual([]);
    } finally {
      await db('transfers').where('id', ids.transfer).update({ proof_received_on: null });
    }
  });
});

describe('interim and final proof (30 days ahead)', () => {
  it('an interim proof due on 30 April is told from 31 March on', async () => {
    const year = (await db('grant_years').orderBy('id').first()) as {
      id: number;
      interim_proof_due_on: string;
    };
    await db('grant_years').where('id', year.id).update({ interim_proof_due_on: '2027-04-30' });
    expect(await on('interim_proof', '2027-03-30', year.id)).toEqual([]);
    expect(await on('interim_proof', '2027-03-31', year.id)).toEqual(toFunding(30));
    expect(await on('interim_proof', '2027-04-30', year.id)).toEqual(toFunding(0));
  });

  it('a final proof is told 30 days ahead while the final tranche is not requested', async () => {
    const grant = (await db('grants')
      .whereNotExists(
        db('tranches').whereRaw('tranches.grant_id = grants.id and is_final and status <> ?', ['planned']),
      )
      .first()) as { id: number };
    await db('grants').where('id', grant.id).update({ proof_due_on: '2028-06-30' });
    expect(await on('final_proof', '2028-05-30', grant.id)).toEqual([]);
    expect(await on('final_proof', '2028-05-31', grant.id)).toEqual(toFunding(30));
  });
});

describe('milestones: the owner and the steering staff', () => {
  it('due within 7 days: 25 Oct is told from 18 Oct on, to the owner (any role) and steering', async () => {
    expect(await on('milestone_due', '2026-10-17', ids.milestone!)).toEqual([]);
    expect(await on('milestone_due', '2026-10-18', ids.milestone!)).toEqual(
      steeringAndOwner().map((u) => [u, 7]),
    );
  });

  it('overdue from the day after its due date, until it is completed', async () => {
    expect(await on('milestone_overdue', '2026-10-25', ids.milestone!)).toEqual([]);
    expect(await on('milestone_overdue', '2026-10-26', ids.milestone!)).toEqual(
      steeringAndOwner().map((u) => [u, -1]),
    );
    await db('milestones').where('id', ids.milestone).update({ completed_on: '2026-10-26' });
    try {
      expect(await on('milestone_overdue', '2026-10-27', ids.milestone!)).toEqual([]);
    } finally {
      await db('milestones').where('id', ids.milestone).update({ completed_on: null });
    }
  });
});

describe("a guide's follow-ups", () => {
  it('due today or overdue, to the author only; done ones not', async () => {
    expect(await on('follow_up', '2026-05-30', ids.contact!)).toEqual([]);
    expect(await on('follow_up', '2026-05-31', ids.contact!)).toEqual([[users.guide, 0]]);
    expect(await on('follow_up', '2026-06-01', ids.contact!)).toEqual([[users.guide, -1]]);
    await db('contacts').where('id', ids.contact).update({ follow_up_done: true });
    try {
      expect(await on('follow_up', '2026-06-01', ids.contact!)).toEqual([]);
    } finally {
      await db('contacts').where('id', ids.contact).update({ follow_up_done: false });
    }
  });
});

describe('a measure turns red (CDO)', () => {
  it('is dated by the Berlin day of the change: 23:30 UTC on 28 March is 29 March in Berlin', async () => {
    await db('measures').where('id', ids.measure).update({ health: 'red' });
    await db('audit_entries').insert({
      at: '2026-03-28T23:30:00Z',
      user_id: users.steering,
      action: 'update',
      resource: 'measures',
      record_id: ids.measure,
      changes: JSON.stringify({ health: ['amber', 'red'] }),
    });
    const rows = (await candidates(db, ruleByKey('measure_red')!, '2026-03-29')).filter(
      (r) => r.record_id === ids.measure,
    );
    expect(rows.map((r) => [r.user_id, r.due_on])).toEqual([[users.cdo, '2026-03-29']]);
    expect(ruleByKey('measure_red')!.text(rows[0]!, undefined).title).toBe(
      'Ampel auf Rot: T-99 Testmaßnahme Erinnerungen',
    );
    expect(await on('measure_red', '2026-03-28', ids.measure!)).toEqual([]);
    await db('measures').where('id', ids.measure).update({ health: 'amber' });
    expect(await on('measure_red', '2026-03-29', ids.measure!)).toEqual([]);
  });
});

describe('weekly digest (CDO)', () => {
  it('belongs to the Monday of the week: Sunday 6 Dec still to 30 Nov, Monday 7 Dec to itself', async () => {
    const dueOn = async (today: string) =>
      (await candidates(db, ruleByKey('weekly_digest')!, today)).map((r) => r.due_on);
    expect(await dueOn('2026-11-30')).toEqual(['2026-11-30']);
    expect(await dueOn('2026-12-06')).toEqual(['2026-11-30']);
    expect(await dueOn('2026-12-07')).toEqual(['2026-12-07']);
    // Across the year end: Friday 1 Jan 2027 belongs to Monday 28 Dec 2026.
    expect(await dueOn('2027-01-01')).toEqual(['2026-12-28']);
  });

  it('lists the week: lights changed, money drawn, municipalities without contact', async () => {
    const rule = ruleByKey('weekly_digest')!;
    const today = '2026-03-30';
    await db('audit_entries').insert({
      at: '2026-03-27T10:00:00Z',
      user_id: users.steering,
      action: 'update',
      resource: 'measures',
      record_id: ids.measure,
      changes: JSON.stringify({ health: ['green', 'amber'] }),
    });
    const context = await rule.context!(db, today);
    const [row] = await candidates(db, rule, today);
    const text = rule.text(row!, context);
    expect(text.body).toContain('T-99 Testmaßnahme Erinnerungen: Grün → Rot');
    expect(text.body).toContain('Wochenüberblick 24.03.2026 bis 30.03.2026');
    expect(text.body).toMatch(/Kommunen ohne Kontakt seit über 30 Tagen \(\d+\)/);
    expect(addDays(today, -6)).toBe('2026-03-24');
  });
});
