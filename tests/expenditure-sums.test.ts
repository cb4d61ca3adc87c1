import type { Knex } from 'knex';
import { testApp, type TestApp } from './support/app';

/** The trigger-kept totals, next to a fresh recount from the expenditures themselves. */
async function totals(db: Knex) {
  const kept = await db('expenditure_sums')
    .where('amount_cents', '<>', 0)
    .orderBy(['measure_id', 'grant_id', 'fiscal_year', 'eligible'])
    .select('measure_id', 'grant_id', 'fiscal_year', 'eligible', 'amount_cents');
  const { rows: recount } = (await db.raw(`
    select measure_id, grant_id, extract(year from booked_on)::int as fiscal_year, eligible, sum(amount_cents) as amount_cents
    from expenditures group by 1, 2, 3, 4 having sum(amount_cents) <> 0 order by 1, 2, 3, 4`)) as {
    rows: unknown[];
  };
  return { kept, recount };
}

describe('expenditure totals (expenditure_sums)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => t?.close());

  it('match the demo expenditures after migration', async () => {
    const { kept, recount } = await totals(t.db);
    expect(kept).toEqual(recount);
  });

  it('follow a create, a move to another year and measure, and a delete', async () => {
    const agent = await t.as('funding');
    const base = await t.db('expenditures').whereNull('tranche_id').first();
    const other = await t.db('measures').whereNot('id', base.measure_id).first('id');
    const created = await agent.post('/api/expenditures').send({
      measure_id: base.measure_id,
      grant_id: base.grant_id,
      booked_on: '2025-12-31',
      amount_cents: 123457,
      cost_category: 'services',
      payee: 'Testfirma GmbH',
      eligible: true,
    });
    expect(created.status).toBe(201);
    const afterCreate = await totals(t.db);
    expect(afterCreate.kept).toEqual(afterCreate.recount);

    const moved = await agent
      .put(`/api/expenditures/${created.body.id}`)
      .send({ ...created.body, booked_on: '2026-01-01', measure_id: other.id, eligible: false });
    expect(moved.status).toBe(200);
    const afterMove = await totals(t.db);
    expect(afterMove.kept).toEqual(afterMove.recount);

    expect((await agent.delete(`/api/expenditures/${created.body.id}`)).status).toBe(200);
    const afterDelete = await totals(t.db);
    expect(afterDelete.kept).toEqual(afterDelete.recount);
  });
});
