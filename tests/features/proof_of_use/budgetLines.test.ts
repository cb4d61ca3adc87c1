import { testApp, type TestApp } from '../../support/app';
import { createGrant } from '../funding/helpers';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t?.close());

describe('budget_lines (Finanzierungsplan)', () => {
  it('holds a plan for both demo grants that the demo payments partly over- and partly under-run', async () => {
    const { rows } = (await t.db.raw(
      `with actual as (
         select e.grant_id, e.measure_id, e.cost_category, extract(year from e.paid_on)::int as fy, sum(e.amount_cents)::bigint as cents
         from expenditures e where e.eligible and e.paid_on <= current_date group by 1, 2, 3, 4)
       select g.phase, count(*)::int as lines,
         count(*) filter (where a.cents * 5 > b.planned_cents * 6)::int as over20,
         count(*) filter (where coalesce(a.cents, 0) < b.planned_cents)::int as under
       from budget_lines b join grants g on g.id = b.grant_id
       left join actual a on a.grant_id = b.grant_id and a.measure_id = b.measure_id and a.cost_category = b.cost_category and a.fy = b.fiscal_year
       group by g.phase order by g.phase`,
    )) as { rows: { phase: string; lines: number; over20: number; under: number }[] };
    expect(rows.map((r) => r.phase)).toEqual(['A – Strategie', 'B – Umsetzung']);
    for (const r of rows) {
      expect(r.lines).toBeGreaterThan(10);
      expect(r.over20).toBeGreaterThan(0);
      expect(r.under).toBeGreaterThan(0);
    }
  });

  it('refuses a second line for the same grant, measure, cost category and year at the field', async () => {
    const funding = await t.as('funding');
    const grant = await createGrant(funding);
    const measure = (await t.db('measures').first('id')) as { id: number };
    const body = {
      grant_id: grant.id,
      measure_id: measure.id,
      cost_category: 'services',
      fiscal_year: 2025,
      planned_cents: 1_000_00,
    };
    expect((await funding.post('/api/budget_lines').send(body)).status).toBe(201);
    const twin = await funding.post('/api/budget_lines').send({ ...body, planned_cents: 5_00 });
    expect(twin.status).toBe(400);
    expect(twin.body.errors.fiscal_year).toMatch(/schon eine Planzeile/);
  });

  it('refuses a fiscal year outside the grant period', async () => {
    const funding = await t.as('funding');
    const grant = await createGrant(funding);
    const measure = (await t.db('measures').first('id')) as { id: number };
    const res = await funding.post('/api/budget_lines').send({
      grant_id: grant.id,
      measure_id: measure.id,
      cost_category: 'services',
      fiscal_year: 2031,
      planned_cents: 1_00,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.fiscal_year).toMatch(/außerhalb des Bewilligungszeitraums \(2020–2030\)/);
  });

  it('is written by funding and cdo, read by steering and viewer, hidden from guides', async () => {
    const line = (await t.db('budget_lines').first('id')) as { id: number };
    for (const role of ['steering', 'viewer'] as const) {
      const agent = await t.as(role);
      expect((await agent.get(`/api/budget_lines/${line.id}`)).status).toBe(200);
      expect((await agent.put(`/api/budget_lines/${line.id}`).send({ note: 'x', version: 1 })).status).toBe(
        403,
      );
    }
    expect((await (await t.as('guide')).get('/api/budget_lines')).status).toBe(403);
  });
});
