import { testApp, type Agent, type TestApp } from '../../support/app';
import { createGrant, dbDate, received } from '../funding/helpers';

/**
 * Interest under § 49a (4) VwVfG on crafted tranches. Expected figures are worked out by hand (comments) and, for
 * money still unused today, recounted day by day here with the published base rates.
 */

let t: TestApp;
let funding: Agent;
let measureId: number;
beforeAll(async () => {
  t = await testApp();
  funding = await t.as('funding');
  measureId = ((await t.db('measures').first('id')) as { id: number }).id;
});
afterAll(async () => t?.close());

const RATES: [string, number][] = [
  ['2016-07-01', -88],
  ['2023-01-01', 162],
  ['2023-07-01', 312],
  ['2024-01-01', 362],
  ['2024-07-01', 337],
  ['2025-01-01', 227],
  ['2025-07-01', 127],
  ['2026-01-01', 127],
];

/** Day-by-day recount: Σ cents × (base + 500 bp) / 10,000 / 365 from the day after receipt to `to`, half up. */
function recount(cents: number, receivedOn: string, to: string): number {
  let bpDays = 0;
  const day = new Date(`${receivedOn}T00:00:00Z`);
  for (
    day.setUTCDate(day.getUTCDate() + 1);
    day.toISOString().slice(0, 10) <= to;
    day.setUTCDate(day.getUTCDate() + 1)
  ) {
    const iso = day.toISOString().slice(0, 10);
    const base = [...RATES].reverse().find(([from]) => from <= iso)![1];
    bpDays += base + 500;
  }
  return Math.floor((2 * cents * bpDays + 3_650_000) / 7_300_000);
}

async function scenario(
  spendRule: 'anbest_gk' | 'anbest_p',
  receivedOn: string,
  cents: number,
  payments: [string, number][],
) {
  const grant = await createGrant(funding, { spend_rule: spendRule });
  const tr = await funding.post('/api/tranches').send(received(grant.id, 1, receivedOn, cents));
  if (tr.status !== 201) throw new Error(JSON.stringify(tr.body));
  if (payments.length)
    await t.db('expenditures').insert(
      payments.map(([paid_on, amount_cents], i) => ({
        measure_id: measureId,
        grant_id: grant.id,
        tranche_id: tr.body.id,
        booked_on: paid_on,
        paid_on,
        amount_cents,
        cost_category: 'services',
        payee: `Zahlung ${i + 1}`,
        eligible: true,
      })),
    );
  const res = await funding.get(`/api/reports/interest-risk?grant_id=${grant.id}`);
  expect(res.status).toBe(200);
  return res.body;
}

describe('GET /api/reports/interest-risk', () => {
  it('charges late payments across a base-rate change, nothing for money used in the window', async () => {
    // 10.000 € received 01.06.2023, window (ANBest-Gk) to 01.08.2023; 4.000 € paid 15.07.2023 (in time),
    // 6.000 € paid 10.08.2023 (late): 02.06.–30.06. 29 days at 1,62 + 5 = 6,62 %, 01.07.–10.08. 41 days at 8,12 %:
    // 600.000 ct × (662 × 29 + 812 × 41) / 3.650.000 = 8.628,49 ct → 86,28 €
    const body = await scenario('anbest_gk', '2023-06-01', 10_000_00, [
      ['2023-07-15', 4_000_00],
      ['2023-08-10', 6_000_00],
    ]);
    expect(body.rows).toEqual([
      expect.objectContaining({
        received_on: '2023-06-01',
        received_cents: 10_000_00,
        window_end: '2023-08-01',
        late_or_unused_cents: 6_000_00,
        interest_cents: 86_28,
        per_day_cents: 0,
      }),
    ]);
    expect(body.total).toEqual({ interest_cents: 86_28, per_day_cents: 0 });
  });

  it('counts the negative base rate (−0,88 % + 5 = 4,12 %) and a payment on the window end as in time', async () => {
    // 1.000 € received 01.12.2022, window to 01.02.2023; 200 € paid 01.02.2023 (in time), 800 € paid 01.03.2023:
    // 02.12.–31.12.2022 30 days at 4,12 %, 01.01.–01.03.2023 60 days at 6,62 %:
    // 80.000 ct × (412 × 30 + 662 × 60) / 3.650.000 = 1.141,48 ct → 11,41 €
    const body = await scenario('anbest_gk', '2022-12-01', 1_000_00, [
      ['2023-02-01', 200_00],
      ['2023-03-01', 800_00],
    ]);
    expect(body.rows[0]).toMatchObject({ late_or_unused_cents: 800_00, interest_cents: 11_41 });
  });

  it('counts actual days / 365 in a leap year (ANBest-P: six weeks)', async () => {
    // 2.000 € received 01.02.2024, window to 14.03.2024; paid 31.03.2024: 02.02.–31.03. = 28 + 31 = 59 days at
    // 3,62 + 5 = 8,62 %: 200.000 ct × 862 × 59 / 3.650.000 = 2.786,74 ct → 27,87 €
    const body = await scenario('anbest_p', '2024-02-01', 2_000_00, [['2024-03-31', 2_000_00]]);
    expect(body.rows[0]).toMatchObject({ window_end: '2024-03-14', interest_cents: 27_87 });
  });

  it('counts money given back by a credit note as unused again, and its later payment as late', async () => {
    // 1.000 € received 01.06.2023, window to 01.08.2023; 1.000 € paid 15.06.2023, 200 € credited 20.06.2023,
    // 200 € paid again 10.08.2023 (late): 20.000 ct × (662 × 29 + 812 × 41) / 3.650.000 = 287,61 ct → 2,88 €
    const body = await scenario('anbest_gk', '2023-06-01', 1_000_00, [
      ['2023-06-15', 1_000_00],
      ['2023-06-20', -200_00],
      ['2023-08-10', 200_00],
    ]);
    expect(body.rows[0]).toMatchObject({
      late_or_unused_cents: 200_00,
      interest_cents: 2_88,
      per_day_cents: 0,
    });
  });

  it('charges nothing when everything was used within the window', async () => {
    const body = await scenario('anbest_gk', '2024-05-02', 5_000_00, [
      ['2024-05-10', 2_500_00],
      ['2024-07-02', 2_500_00],
    ]);
    expect(body.rows[0]).toMatchObject({ late_or_unused_cents: 0, interest_cents: 0, per_day_cents: 0 });
  });

  it('lets unused money accrue up to today, with the amount per day at today’s rate', async () => {
    const today = await dbDate(t.db, 0);
    // 3.000 € received 10.12.2024, 1.000 € paid in time, 2.000 € unused until today
    const body = await scenario('anbest_gk', '2024-12-10', 3_000_00, [['2025-01-20', 1_000_00]]);
    expect(body.rows[0]).toMatchObject({
      late_or_unused_cents: 2_000_00,
      interest_cents: recount(2_000_00, '2024-12-10', today),
      // 200.000 ct × (1,27 + 5 = 6,27 %) / 365 = 34,36 ct (the latest rate continues)
      per_day_cents: 34,
    });
  });

  it('warns when the current half-year has no base rate, and stops warning once it is entered', async () => {
    const today = await dbDate(t.db, 0);
    const half = `${today.slice(0, 4)}-${today.slice(5, 7) < '07' ? '01' : '07'}-01`;
    const cdo = await t.as('cdo');
    const has = await t.db('base_rates').where('valid_from', half).first('id');
    if (!has) {
      expect((await funding.get('/api/reports/interest-risk')).body.base_rate_missing).toBe(true);
      expect((await cdo.post('/api/base_rates').send({ valid_from: half, rate_bp: 127 })).status).toBe(201);
    }
    expect((await funding.get('/api/reports/interest-risk')).body.base_rate_missing).toBe(false);
  });

  it('is read by viewer and steering, closed to guides; base rates are written by funding, not by steering', async () => {
    expect((await (await t.as('viewer')).get('/api/reports/interest-risk')).status).toBe(200);
    expect((await (await t.as('guide')).get('/api/reports/interest-risk')).status).toBe(403);
    expect(
      (await funding.post('/api/base_rates').send({ valid_from: '2031-01-01', rate_bp: -50 })).status,
    ).toBe(201);
    expect(
      (await (await t.as('steering')).post('/api/base_rates').send({ valid_from: '2031-07-01', rate_bp: 1 }))
        .status,
    ).toBe(403);
  });
});
