import { testApp, type Agent, type TestApp } from '../../support/app';
import { createGrant, dbDate, received } from './helpers';

interface Item {
  kind: string;
  due_on: string;
  days_left: number;
  overdue: boolean;
  amount_cents: number;
  label: string;
  resource: string;
  record_id: number;
  grant_id: number;
}

let t: TestApp;
let funding: Agent;
beforeAll(async () => {
  t = await testApp();
  funding = await t.as('funding');
});
afterAll(async () => t?.close());

describe('GET /api/deadlines', () => {
  let grant: number;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    const day = (n: number) => dbDate(t.db, n);
    grant = (await createGrant(funding, { spend_rule: 'anbest_gk' })).id;
    const measure = (await t.db('measures').first('id')) as { id: number };
    const post = async (key: string, body: Record<string, unknown>) => {
      const res = await funding.post('/api/tranches').send(body);
      if (res.status !== 201) throw new Error(`${key}: ${res.status} ${JSON.stringify(res.body)}`);
      ids[key] = res.body.id as number;
    };
    await post('unspent50', received(grant, 1, await day(-50), 10_000_00));
    await post('spent50', received(grant, 2, await day(-50), 5_000_00));
    await post('settled50', received(grant, 3, await day(-50), 5_000_00));
    await post('recent', received(grant, 4, await day(-10), 5_000_00));
    await post('passed', received(grant, 5, await day(-100), 2_000_00));
    // Spending: 2,500 € of the first tranche, all of the second.
    const exp = (tranche_id: number, amount_cents: number, eligible = true) => ({
      measure_id: measure.id,
      grant_id: grant,
      tranche_id,
      booked_on: '2024-01-02',
      paid_on: '2024-01-02',
      amount_cents,
      cost_category: 'services',
      payee: 'Test',
      eligible,
    });
    await t
      .db('expenditures')
      .insert([
        exp(ids.unspent50!, 2_500_00),
        exp(ids.unspent50!, 1_000_00, false),
        exp(ids.spent50!, 5_000_00),
      ]);
    await t.db('tranches').where('id', ids.settled50).update({ status: 'settled' });
  });

  const monitor = async (q = `?grant_id=${grant}`): Promise<{ as_of: string; items: Item[] }> => {
    const res = await funding.get(`/api/deadlines${q}`);
    expect(res.status).toBe(200);
    return res.body as { as_of: string; items: Item[] };
  };
  const find = (items: Item[], resource: string, id: number) =>
    items.find((i) => i.resource === resource && i.record_id === id);

  describe('spend deadlines of tranches', () => {
    it('lists a tranche received 50 days ago under ANBest-Gk with money unspent, due in about 10 days', async () => {
      const { as_of, items } = await monitor();
      const item = find(items, 'tranches', ids.unspent50!)!;
      expect(item).toBeDefined();
      const tranche = (await funding.get(`/api/tranches/${ids.unspent50}`)).body;
      expect(item).toMatchObject({
        kind: 'spend_deadline',
        due_on: tranche.spend_deadline,
        amount_cents: 7_500_00,
        overdue: false,
        grant_id: grant,
      });
      expect(tranche.unspent_cents).toBe(7_500_00);
      expect(item.days_left).toBeGreaterThanOrEqual(8);
      expect(item.days_left).toBeLessThanOrEqual(12);
      expect(item.days_left).toBe((Date.parse(item.due_on) - Date.parse(as_of)) / 86_400_000);
      expect(item.label).toMatch(/^Mittelabruf Nr\. 1 \(Test \d+\): Mittelverwendungsfrist$/);
    });

    it('does not list a fully spent tranche, a settled one, or one whose deadline is further off', async () => {
      const { items } = await monitor();
      for (const key of ['spent50', 'settled50', 'recent'])
        expect(find(items, 'tranches', ids[key]!)).toBeUndefined();
    });

    it('lists a passed deadline as overdue with negative days left', async () => {
      const item = find((await monitor()).items, 'tranches', ids.passed!)!;
      expect(item.overdue).toBe(true);
      expect(item.days_left).toBeLessThan(0);
      expect(item.amount_cents).toBe(2_000_00);
    });
  });

  describe('proofs', () => {
    let years: Record<string, number>;
    beforeAll(async () => {
      const day = (n: number) => dbDate(t.db, n);
      const y = async (fiscal_year: number, due: number) =>
        (
          await funding
            .post('/api/grant_years')
            .send({ grant_id: grant, fiscal_year, approved_cents: 0, interim_proof_due_on: await day(due) })
        ).body.id as number;
      years = {
        soon: await y(2021, 30),
        later: await y(2022, 90),
        openPassed: await y(2023, -20),
        donePassed: await y(2020, -20),
      };
      const tr = (number: number, fiscal_year: number) => ({
        ...received(grant, number, `${fiscal_year}-03-02`, 1_000_00),
        fiscal_year,
      });
      for (const [n, fy] of [
        [10, 2023],
        [11, 2020],
      ] as const)
        expect((await funding.post('/api/tranches').send(tr(n, fy))).status).toBe(201);
      await t.db('tranches').where({ grant_id: grant, number: 11 }).update({ status: 'settled' });
    });

    it('lists interim proofs due within 60 days, and passed ones while the year has unsettled money', async () => {
      const { items } = await monitor();
      expect(find(items, 'grant_years', years.soon!)).toMatchObject({
        kind: 'interim_proof',
        overdue: false,
        label: expect.stringMatching(/^Zwischennachweis 2021 /),
      });
      expect(find(items, 'grant_years', years.later!)).toBeUndefined();
      expect(find(items, 'grant_years', years.openPassed!)).toMatchObject({
        overdue: true,
        days_left: -20,
        amount_cents: 1_000_00,
      });
      expect(find(items, 'grant_years', years.donePassed!)).toBeUndefined();
    });

    it('lists the final proof until the final tranche is requested', async () => {
      const g = await createGrant(funding);
      const due = await dbDate(t.db, 100);
      const current = (await funding.get(`/api/grants/${g.id}`)).body;
      await funding.put(`/api/grants/${g.id}`).send({ ...current, proof_due_on: due });
      const before = (await monitor(`?grant_id=${g.id}`)).items;
      expect(before).toEqual([
        expect.objectContaining({
          kind: 'final_proof',
          resource: 'grants',
          record_id: g.id,
          due_on: due,
          days_left: 100,
        }),
      ]);
      const final = await funding.post('/api/tranches').send({
        grant_id: g.id,
        fiscal_year: 2025,
        number: 1,
        is_final: true,
        status: 'requested',
        requested_on: '2025-05-05',
        requested_cents: 100,
        justification: 'Schlussrate',
      });
      expect(final.status).toBe(201);
      expect((await monitor(`?grant_id=${g.id}`)).items).toEqual([]);
    });

    it('lists transfer proofs not received: overdue ones (proof_overdue) and those due within 30 days', async () => {
      const measure = (await t.db('measures').first('id')) as { id: number };
      const mun = (await t.db('municipalities').where('name', 'Mendig').first('id')) as { id: number };
      const transfer = async (due: number, receivedDays?: number) =>
        (
          await funding.post('/api/transfers').send({
            grant_id: grant,
            measure_id: measure.id,
            municipality_id: mun.id,
            amount_cents: 40_000_00,
            contract_on: '2024-01-10',
            proof_due_on: await dbDate(t.db, due),
            proof_received_on: receivedDays === undefined ? null : await dbDate(t.db, receivedDays),
          })
        ).body as { id: number; proof_overdue: boolean };
      const overdue = await transfer(-5);
      const soon = await transfer(20);
      const far = await transfer(60);
      const done = await transfer(-5, -7);
      expect(overdue.proof_overdue).toBe(true);
      const { items } = await monitor();
      expect(find(items, 'transfers', overdue.id)).toMatchObject({
        kind: 'transfer_proof',
        overdue: true,
        days_left: -5,
        amount_cents: 40_000_00,
        label: expect.stringMatching(/^Verwendungsnachweis der Weiterleitung an VG Mendig \(/),
      });
      expect(find(items, 'transfers', soon.id)).toMatchObject({ overdue: false, days_left: 20 });
      expect(find(items, 'transfers', far.id)).toBeUndefined();
      expect(find(items, 'transfers', done.id)).toBeUndefined();
    });
  });

  it('sorts by due date and gives every item kind, due date, days left, amount, German label and link', async () => {
    const { items } = await monitor();
    expect(items.length).toBeGreaterThan(4);
    expect(items.map((i) => i.due_on)).toEqual([...items.map((i) => i.due_on)].sort());
    for (const i of items) {
      expect(Object.keys(i).sort()).toEqual(
        [
          'amount_cents',
          'days_left',
          'due_on',
          'grant_id',
          'kind',
          'label',
          'overdue',
          'proof_state',
          'record_id',
          'resource',
        ].sort(),
      );
      expect(i.overdue).toBe(i.days_left < 0);
      expect((i as unknown as { proof_state: unknown }).proof_state === null).toBe(
        !['interim_proof', 'final_proof'].includes(i.kind),
      );
    }
  });

  it('lists the demo data: the overdue proof of the transfer to VG Maifeld', async () => {
    const { items } = await monitor('');
    expect(items.some((i) => i.kind === 'transfer_proof' && i.overdue && /VG Maifeld/.test(i.label))).toBe(
      true,
    );
  });

  it('answers 400 for a bad grant_id', async () => {
    expect((await funding.get('/api/deadlines?grant_id=-1')).status).toBe(400);
  });
});

describe('GET /api/tranches/usage', () => {
  let grant: number;
  const ids: number[] = [];
  beforeAll(async () => {
    grant = (await createGrant(funding, { spend_rule: 'anbest_p' })).id;
    const measure = (await t.db('measures').first('id')) as { id: number };
    for (const body of [
      received(grant, 1, '2024-02-20', 100_00),
      received(grant, 2, '2024-05-02', 300_00),
      {
        grant_id: grant,
        fiscal_year: 2024,
        number: 3,
        requested_cents: 500_00,
        status: 'requested',
        requested_on: '2024-08-01',
        justification: 'x',
      },
    ]) {
      const res = await funding.post('/api/tranches').send(body);
      expect(res.status).toBe(201);
      ids.push(res.body.id as number);
    }
    const exp = (tranche_id: number, amount_cents: number, eligible = true) => ({
      measure_id: measure.id,
      grant_id: grant,
      tranche_id,
      booked_on: '2024-03-01',
      paid_on: '2024-03-01',
      amount_cents,
      cost_category: 'material',
      payee: 'Test',
      eligible,
    });
    await t.db('expenditures').insert([exp(ids[0]!, 40_00), exp(ids[0]!, 1_00, false), exp(ids[1]!, 300_00)]);
  });

  it('shows every earlier received tranche with received, spent, unspent, share used and spend deadline', async () => {
    const res = await funding.get(`/api/tranches/usage?grant_id=${grant}`);
    expect(res.status).toBe(200);
    expect(res.body.spend_rule).toBe('anbest_p');
    expect(res.body.tranches).toEqual([
      expect.objectContaining({
        number: 1,
        received_cents: 100_00,
        spent_cents: 40_00,
        unspent_cents: 60_00,
        used_bp: 4000,
        spend_deadline: '2024-04-02',
      }),
      expect.objectContaining({
        number: 2,
        received_cents: 300_00,
        spent_cents: 300_00,
        unspent_cents: 0,
        used_bp: 10000,
        spend_deadline: '2024-06-13',
      }),
    ]);
    expect(res.body.totals).toEqual({
      received_cents: 400_00,
      spent_cents: 340_00,
      unspent_cents: 60_00,
      used_bp: 8500,
    });
  });

  it('limits to tranches numbered before the one being edited', async () => {
    const res = await funding.get(`/api/tranches/usage?grant_id=${grant}&tranche_id=${ids[1]}`);
    expect(res.body.tranches.map((x: { number: number }) => x.number)).toEqual([1]);
  });

  it('with a fiscal year tells what the budget of the year still leaves, not counting the tranche being edited', async () => {
    await funding
      .post('/api/grant_years')
      .send({ grant_id: grant, fiscal_year: 2024, approved_cents: 1_000_00 });
    const all = await funding.get(`/api/tranches/usage?grant_id=${grant}&fiscal_year=2024`);
    // Claims: 100 € + 300 € received, 500 € requested.
    expect(all.body.budget).toEqual({
      fiscal_year: 2024,
      approved_cents: 1_000_00,
      claimed_cents: 900_00,
      remaining_cents: 100_00,
    });
    const editing = await funding.get(
      `/api/tranches/usage?grant_id=${grant}&fiscal_year=2024&tranche_id=${ids[2]}`,
    );
    expect(editing.body.budget.remaining_cents).toBe(600_00);
  });

  it('answers 400 without grant_id and 404 for a tranche of another grant', async () => {
    expect((await funding.get('/api/tranches/usage')).status).toBe(400);
    const other = (await t.db('tranches').whereNot('grant_id', grant).first('id')) as { id: number };
    expect((await funding.get(`/api/tranches/usage?grant_id=${grant}&tranche_id=${other.id}`)).status).toBe(
      404,
    );
  });
});
