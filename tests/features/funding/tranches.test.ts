import { testApp, type Agent, type TestApp } from '../../support/app';
import { createGrant, received } from './helpers';

describe('tranche rules (POST/PUT /api/tranches)', () => {
  let t: TestApp;
  let funding: Agent;
  beforeAll(async () => {
    t = await testApp();
    funding = await t.as('funding');
  });
  afterAll(async () => t?.close());

  describe('spend deadline (derived field spend_deadline)', () => {
    let gk: number;
    let p: number;
    let n = 0;
    beforeAll(async () => {
      gk = (await createGrant(funding, { spend_rule: 'anbest_gk' })).id;
      p = (await createGrant(funding, { spend_rule: 'anbest_p' })).id;
    });

    const deadline = async (grant: number, receivedOn: string): Promise<string> => {
      const res = await funding.post('/api/tranches').send(received(grant, ++n, receivedOn));
      expect(res.status).toBe(201);
      return res.body.spend_deadline as string;
    };

    it.each([
      ['2024-01-31', '2024-03-31'],
      ['2024-12-31', '2025-02-28'],
      ['2023-12-31', '2024-02-29'],
      ['2025-01-15', '2025-03-15'],
      ['2024-06-30', '2024-08-30'],
    ])('ANBest-Gk: received %s → two months later, month end clamped: %s', async (on, due) => {
      expect(await deadline(gk, on)).toBe(due);
    });

    it.each([
      ['2024-02-20', '2024-04-02'],
      ['2023-02-20', '2023-04-03'],
      ['2024-12-31', '2025-02-11'],
    ])('ANBest-P: received %s → 42 days later: %s', async (on, due) => {
      expect(await deadline(p, on)).toBe(due);
    });

    it('is empty while nothing was received', async () => {
      const res = await funding
        .post('/api/tranches')
        .send({ grant_id: gk, fiscal_year: 2024, number: ++n, requested_cents: 100, status: 'planned' });
      expect(res.status).toBe(201);
      expect(res.body.spend_deadline).toBeNull();
    });
  });

  describe('budget of the fiscal year', () => {
    let grant: number;
    beforeAll(async () => {
      grant = (await createGrant(funding, { years: { 2025: 100_000_00 } })).id;
      // 60,000 € already requested in 2025.
      const first = await funding.post('/api/tranches').send({
        grant_id: grant,
        fiscal_year: 2025,
        number: 1,
        requested_cents: 60_000_00,
        requested_on: '2025-03-01',
        status: 'requested',
      });
      expect(first.status).toBe(201);
    });

    const request = (number: number, cents: number, extra: Record<string, unknown> = {}) =>
      funding.post('/api/tranches').send({
        grant_id: grant,
        fiscal_year: 2025,
        number,
        requested_cents: cents,
        requested_on: '2025-04-01',
        status: 'requested',
        ...extra,
      });

    it('refuses a request over what the year still leaves without a justification (400 on justification)', async () => {
      const res = await request(2, 40_000_01);
      expect(res.status).toBe(400);
      expect(res.body.errors.justification).toMatch(/verbleibende Jahresbudget \(40\.000,00\s€\)/);
      expect(await t.db('tranches').where({ grant_id: grant, number: 2 }).first()).toBeUndefined();
    });

    it('accepts a request up to exactly what the year leaves', async () => {
      const res = await request(3, 40_000_00);
      expect(res.status).toBe(201);
      await t.db('tranches').where('id', res.body.id).delete();
    });

    it('accepts the request over the budget with a justification', async () => {
      const res = await request(4, 50_000_00, { justification: 'Vorgezogene Schlusszahlung Bauabschnitt 2' });
      expect(res.status).toBe(201);
      expect(res.body.justification).toBe('Vorgezogene Schlusszahlung Bauabschnitt 2');
    });

    it('does not count planned tranches as requests, but checks them when they become one', async () => {
      const g = (await createGrant(funding, { years: { 2026: 10_000_00 } })).id;
      const planned = await funding
        .post('/api/tranches')
        .send({ grant_id: g, fiscal_year: 2026, number: 1, requested_cents: 20_000_00, status: 'planned' });
      expect(planned.status).toBe(201);
      const asRequest = await funding
        .put(`/api/tranches/${planned.body.id}`)
        .send({ ...planned.body, status: 'requested', requested_on: '2026-02-01' });
      expect(asRequest.status).toBe(400);
      expect(Object.keys(asRequest.body.errors)).toEqual(['justification']);
    });

    it('treats a year without approved budget as nothing left', async () => {
      const res = await funding.post('/api/tranches').send({
        grant_id: grant,
        fiscal_year: 2027,
        number: 9,
        requested_cents: 1,
        requested_on: '2027-01-05',
        status: 'requested',
      });
      expect(res.status).toBe(400);
      expect(res.body.errors.justification).toBeDefined();
    });
  });

  describe('amounts, dates and lifecycle', () => {
    let grant: number;
    beforeAll(async () => {
      grant = (await createGrant(funding)).id;
    });

    it('refuses more received than requested (400 on received_cents)', async () => {
      const res = await funding
        .post('/api/tranches')
        .send(received(grant, 1, '2024-05-02', 1_000_00, { received_cents: 1_000_01 }));
      expect(res.status).toBe(400);
      expect(res.body.errors.received_cents).toBeDefined();
    });

    it('refuses a receipt before the request', async () => {
      const res = await funding
        .post('/api/tranches')
        .send(received(grant, 2, '2024-05-02', 1_000_00, { requested_on: '2024-05-03' }));
      expect(res.status).toBe(400);
      expect(res.body.errors.received_on).toBeDefined();
    });

    it('refuses receipt data on a tranche that is only requested', async () => {
      const res = await funding
        .post('/api/tranches')
        .send(received(grant, 3, '2024-05-02', 1_000_00, { status: 'requested' }));
      expect(res.status).toBe(400);
      expect(res.body.errors.received_on).toBeDefined();
    });

    it('refuses a request date on a tranche that is only planned', async () => {
      const res = await funding.post('/api/tranches').send({
        grant_id: grant,
        fiscal_year: 2024,
        number: 8,
        requested_cents: 100,
        status: 'planned',
        requested_on: '2024-05-02',
      });
      expect(res.status).toBe(400);
      expect(res.body.errors.requested_on).toBeDefined();
    });

    it('refuses a fiscal year outside the grant period', async () => {
      const res = await funding.post('/api/tranches').send(received(grant, 4, '2031-02-01'));
      expect(res.status).toBe(400);
      expect(res.body.errors.fiscal_year).toMatch(/2020–2030/);
    });

    it('moves forward, refuses a step back without a new justification, accepts it with one', async () => {
      const created = await funding.post('/api/tranches').send(received(grant, 5, '2024-06-03'));
      expect(created.status).toBe(201);
      const settled = await funding
        .put(`/api/tranches/${created.body.id}`)
        .send({ ...created.body, status: 'settled' });
      expect(settled.status).toBe(200);
      const back = await funding
        .put(`/api/tranches/${created.body.id}`)
        .send({ ...settled.body, status: 'received' });
      expect(back.status).toBe(400);
      expect(back.body.errors.status).toBeDefined();
      const corrected = await funding.put(`/api/tranches/${created.body.id}`).send({
        ...settled.body,
        status: 'received',
        justification: 'Korrektur: Abrechnung irrtümlich gebucht',
      });
      expect(corrected.status).toBe(200);
      expect(corrected.body.status).toBe('received');
    });

    it('allows one final tranche per grant', async () => {
      const first = await funding
        .post('/api/tranches')
        .send(received(grant, 6, '2024-07-01', 100, { is_final: true }));
      expect(first.status).toBe(201);
      const second = await funding
        .post('/api/tranches')
        .send(received(grant, 7, '2024-07-02', 100, { is_final: true }));
      expect(second.status).toBe(400);
      expect(second.body.errors.is_final).toMatch(/Nr\. 6/);
    });
  });

  describe('who may write', () => {
    it.each(['cdo', 'funding'] as const)('%s may create a tranche', async (role) => {
      const agent = await t.as(role);
      const grant = (await createGrant(funding)).id;
      const res = await agent
        .post('/api/tranches')
        .send({ grant_id: grant, fiscal_year: 2024, number: 1, requested_cents: 100, status: 'planned' });
      expect(res.status).toBe(201);
    });

    it.each(['steering', 'viewer', 'guide'] as const)('%s may not create a tranche (403)', async (role) => {
      const agent = await t.as(role);
      const grant = (await t.db('grants').first('id')) as { id: number };
      const before = await t.db('tranches').count({ n: '*' }).first();
      const res = await agent.post('/api/tranches').send({
        grant_id: grant.id,
        fiscal_year: 2024,
        number: 999,
        requested_cents: 100,
        status: 'planned',
      });
      expect(res.status).toBe(403);
      expect(await t.db('tranches').count({ n: '*' }).first()).toEqual(before);
    });
  });
});
