import { shareOf } from '../../api/money';
import { resources } from '../../api/features';
import { MAX_MONEY_CENTS } from '../../api/rest/fields';
import { testApp, type TestApp } from '../support/app';
import { dbChecksum } from '../support/checksum';
import { createBody } from '../support/fixtures';

/**
 * Money is bounded at 10^13 cents (100 Mrd. €) in every money field, so sums of many amounts stay exact as
 * JavaScript numbers (far below 2^53).
 */

const TOO_MUCH = MAX_MONEY_CENTS + 1;
const MESSAGE = 'Der Betrag darf höchstens 100.000.000.000,00 € betragen';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t?.close());

const moneyFields = resources.flatMap((def) =>
  Object.entries(def.fields)
    .filter(([, f]) => f.kind === 'money' && !f.readOnly)
    .map(([field]) => [def.name, field] as const),
);

it('the bound is 10^13 cents, far below 2^53', () => {
  expect(MAX_MONEY_CENTS).toBe(10 ** 13);
  expect(MAX_MONEY_CENTS * 900).toBeLessThan(Number.MAX_SAFE_INTEGER);
});

it('shareOf stays exact at sums of amounts at the bound', () => {
  const cents = MAX_MONEY_CENTS * 6 - 11;
  expect(BigInt(shareOf(cents, 6500))).toBe((BigInt(cents) * 6500n + 5000n) / 10000n);
});

it.each(moneyFields)(
  '%s.%s: 10^13 + 1 cents is a 400 at the field, and nothing changes',
  async (name, field) => {
    const cdo = await t.as('cdo');
    const body = { ...(await createBody(t.db, name)), [field]: TOO_MUCH };
    const before = await dbChecksum(t.db);

    const res = await cdo.post(`/api/${name}`).send(body);

    expect(res.status).toBe(400);
    expect(res.body.errors[field]).toBe(MESSAGE);
    expect(await dbChecksum(t.db)).toEqual(before);
  },
);

// A credit note is a negative expenditure (it lowers the spending it is booked on); every other amount is never negative.
it.each(moneyFields.filter(([name]) => name !== 'expenditures'))(
  '%s.%s: a negative amount is a 400 at the field',
  async (name, field) => {
    const cdo = await t.as('cdo');
    const res = await cdo.post(`/api/${name}`).send({ ...(await createBody(t.db, name)), [field]: -1 });

    expect(res.status).toBe(400);
    expect(res.body.errors[field]).toBe('Der Betrag darf nicht negativ sein');
  },
);

it('expenditures.amount_cents: a credit note may be negative, down to minus the bound', async () => {
  const funding = await t.as('funding');
  const body = await createBody(t.db, 'expenditures');

  const credit = await funding.post('/api/expenditures').send({ ...body, amount_cents: -31_250 });
  const tooLow = await funding.post('/api/expenditures').send({ ...body, amount_cents: -TOO_MUCH });

  expect(credit.status).toBe(201);
  expect(credit.body.amount_cents).toBe(-31_250);
  expect(tooLow.status).toBe(400);
  expect(tooLow.body.errors.amount_cents).toBe('Der Betrag darf höchstens −100.000.000.000,00 € betragen');
});

describe('sums of amounts at the bound stay exact', () => {
  let measureId: number;
  let grantId: number;
  const amounts = [
    MAX_MONEY_CENTS,
    MAX_MONEY_CENTS - 1,
    MAX_MONEY_CENTS - 3,
    MAX_MONEY_CENTS,
    MAX_MONEY_CENTS - 7,
    1,
  ];

  beforeAll(async () => {
    const cdo = await t.as('cdo');
    const measure = await cdo
      .post('/api/measures')
      .send({ ...(await createBody(t.db, 'measures')), budget_cents: MAX_MONEY_CENTS });
    expect(measure.status).toBe(201);
    measureId = measure.body.id as number;
    const grant = await cdo.post('/api/grants').send({
      ...(await createBody(t.db, 'grants')),
      eligible_cents: MAX_MONEY_CENTS,
      approved_cents: MAX_MONEY_CENTS,
    });
    expect(grant.status).toBe(201);
    grantId = grant.body.id as number;
    const funding = await t.as('funding');
    for (const amount_cents of amounts) {
      const res = await funding.post('/api/expenditures').send({
        ...(await createBody(t.db, 'expenditures')),
        measure_id: measureId,
        grant_id: grantId,
        booked_on: '2026-06-15',
        amount_cents,
        eligible: true,
      });
      expect(res.status).toBe(201);
    }
  });

  const recount = async () =>
    BigInt(
      (
        (await t.db.raw('select sum(amount_cents)::text as s from expenditures where measure_id = ?', [
          measureId,
        ])) as { rows: [{ s: string }] }
      ).rows[0].s,
    );

  it('a measure’s spent_cents', async () => {
    const expected = amounts.reduce((a, b) => a + BigInt(b), 0n);
    expect(await recount()).toBe(expected);

    const res = await (await t.as('funding')).get(`/api/measures/${measureId}`);

    expect(BigInt(res.body.spent_cents as number)).toBe(expected);
    expect(Number.isSafeInteger(res.body.spent_cents)).toBe(true);
  });

  it('the funding report’s totals (spent, federal and own share)', async () => {
    const expected = await recount();

    const res = await (await t.as('funding')).get(`/api/reports/funding?grant_id=${grantId}`);

    expect(res.status).toBe(200);
    const totals = res.body.totals as Record<string, number>;
    expect(BigInt(totals.spent_cents!)).toBe(expected);
    expect(BigInt(totals.federal_share_cents!)).toBe((expected * 6500n + 5000n) / 10000n);
    expect(BigInt(totals.federal_share_cents!) + BigInt(totals.own_share_cents!)).toBe(expected);
    const row = (res.body.measures as { measure_id: number | null; spent_cents: number }[]).find(
      (m) => m.measure_id === measureId,
    );
    expect(BigInt(row!.spent_cents)).toBe(expected);
  });
});
