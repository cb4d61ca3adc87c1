import { shareOf } from '../../../api/money';
import { addDays, diffDays } from '../../../seeds/util';
import { testApp, type TestApp } from '../../support/app';

/**
 * GET /api/dashboard against an independent recount: the expected figures are computed here in plain JS from raw
 * table rows, never with the endpoint's SQL.
 */

type Row = Record<string, unknown>;
const num = (v: unknown) => Number(v);
const count = <T>(rows: T[], pred: (r: T) => boolean) => rows.filter(pred).length;
const sum = <T>(rows: T[], f: (r: T) => number) => rows.reduce((s, r) => s + f(r), 0);

// One database for the file: the crafted measures are added only after the demo recount has run.
let t: TestApp;
let today: string;
beforeAll(async () => {
  t = await testApp();
  today = ((await t.db.raw('select current_date as d')) as { rows: { d: string }[] }).rows[0]!.d;
});
afterAll(async () => t?.close());

describe('GET /api/dashboard', () => {
  let body: Row;
  beforeAll(async () => {
    body = (await (await t.as('cdo')).get('/api/dashboard').expect(200)).body as Row;
  });

  describe('figures (cdo) equal a recount of the demo data', () => {
    it('reports the database day as today', () => {
      expect(body.today).toBe(today);
    });

    it('counts measures by status, by health and by status × field of action', async () => {
      const measures = (await t.db('measures').select('status', 'health', 'field_of_action_id')) as Row[];
      const m = body.measures as Row;
      expect(m.total).toBe(measures.length);
      for (const s of ['idea', 'planning', 'implementation', 'operation', 'completed', 'paused', 'stopped'])
        expect((m.by_status as Row)[s]).toBe(count(measures, (r) => r.status === s));
      for (const h of ['green', 'amber', 'red'])
        expect((m.by_health as Row)[h]).toBe(count(measures, (r) => r.health === h));
      const expected = new Map<string, number>();
      for (const r of measures) {
        const key = `${String(r.field_of_action_id)}/${String(r.status)}`;
        expected.set(key, (expected.get(key) ?? 0) + 1);
      }
      const cells = m.status_by_field as { field_of_action_id: number; status: string; count: number }[];
      expect(new Map(cells.map((c) => [`${c.field_of_action_id}/${c.status}`, c.count]))).toEqual(expected);
      expect((m.fields_of_action as unknown[]).length).toBe(
        await t
          .db('fields_of_action')
          .count('* as n')
          .first()
          .then((r) => num(r!.n)),
      );
    });

    it('weights progress by budget', async () => {
      const measures = (await t.db('measures').select('progress', 'budget_cents')) as {
        progress: number;
        budget_cents: number;
      }[];
      const weighted =
        sum(measures, (r) => r.progress * r.budget_cents) / sum(measures, (r) => r.budget_cents);
      expect((body.measures as Row).weighted_progress).toBeCloseTo(weighted, 1);
    });

    it('lists overdue milestones and those due within 30 days', async () => {
      const open = (await t
        .db('milestones')
        .whereNull('completed_on')
        .select('id', 'due_date', 'measure_id')) as Row[];
      const overdue = open
        .filter((r) => String(r.due_date) < today)
        .sort((a, b) => String(a.due_date).localeCompare(String(b.due_date)) || num(a.id) - num(b.id));
      const soon = open.filter(
        (r) => String(r.due_date) >= today && String(r.due_date) <= addDays(today, 30),
      );
      const ms = body.milestones as Record<string, { count: number; items: Row[] }>;
      expect(overdue.length).toBeGreaterThan(0);
      expect(ms.overdue!.count).toBe(overdue.length);
      expect(ms.overdue!.items.map((i) => i.id)).toEqual(overdue.slice(0, 50).map((r) => r.id));
      expect(ms.overdue!.items[0]).toMatchObject({
        due_date: overdue[0]!.due_date,
        days_overdue: diffDays(String(overdue[0]!.due_date), today),
        measure_code: expect.stringMatching(/^M-\d+$/),
        measure_title: expect.any(String),
      });
      expect(ms.due_next_30!.count).toBe(soon.length);
      expect(ms.due_next_30!.items.map((i) => i.id).sort()).toEqual(soon.map((r) => r.id).sort());
    });

    it('sums money per fiscal year and in total (approved, requested, received, spent, own share)', async () => {
      const years = (await t.db('grant_years').select('fiscal_year', 'approved_cents')) as Row[];
      const tranches = (await t
        .db('tranches')
        .select('fiscal_year', 'requested_on', 'requested_cents', 'received_on', 'received_cents')) as Row[];
      const spending = (await t
        .db('expenditures as e')
        .join('grants as g', 'g.id', 'e.grant_id')
        .select(
          'e.booked_on',
          'e.measure_id',
          'e.grant_id',
          'e.amount_cents',
          'e.eligible',
          'g.funding_rate_bp',
        )) as Row[];
      // The federal share is rounded once per measure × year × grant (api/funding/rules.ts), then summed.
      const rows = new Map<string, { year: number; cents: number; rate: number }>();
      for (const e of spending.filter((r) => r.eligible)) {
        const year = Number(String(e.booked_on).slice(0, 4));
        const key = `${year}/${String(e.measure_id)}/${String(e.grant_id)}`;
        const row = rows.get(key) ?? { year, cents: 0, rate: num(e.funding_rate_bp) };
        row.cents += num(e.amount_cents);
        rows.set(key, row);
      }
      const money = body.money as { years: Row[]; total: Row };
      const allYears = new Set<number>([
        ...years.map((y) => num(y.fiscal_year)),
        ...tranches.filter((r) => r.requested_on).map((r) => num(r.fiscal_year)),
        ...[...rows.values()].map((r) => r.year),
      ]);
      expect(money.years.map((y) => y.fiscal_year)).toEqual([...allYears].sort());
      for (const y of money.years) {
        const fy = num(y.fiscal_year);
        const spent = [...rows.values()].filter((r) => r.year === fy);
        const federal = sum(spent, (r) => shareOf(r.cents, r.rate));
        expect(y).toEqual({
          fiscal_year: fy,
          approved_cents: sum(
            years.filter((r) => num(r.fiscal_year) === fy),
            (r) => num(r.approved_cents),
          ),
          requested_cents: sum(
            tranches.filter((r) => r.requested_on && num(r.fiscal_year) === fy),
            (r) => num(r.requested_cents),
          ),
          received_cents: sum(
            tranches.filter((r) => r.received_on && num(r.fiscal_year) === fy),
            (r) => num(r.received_cents),
          ),
          spent_cents: sum(spent, (r) => r.cents),
          federal_share_cents: federal,
          own_share_cents: sum(spent, (r) => r.cents) - federal,
        });
      }
      const eligible = sum(
        spending.filter((r) => r.eligible),
        (r) => num(r.amount_cents),
      );
      expect(money.total.spent_cents).toBe(eligible);
      expect(money.total.approved_cents).toBe(sum(years, (r) => num(r.approved_cents)));
      expect(num(money.total.federal_share_cents) + num(money.total.own_share_cents)).toBe(eligible);
    });

    it('accumulates the drawdown by month against the cumulative plan per year', async () => {
      const received = (await t
        .db('tranches')
        .whereNotNull('received_on')
        .select('received_on', 'received_cents')) as Row[];
      const byMonth = new Map<string, number>();
      for (const r of received) {
        const month = String(r.received_on).slice(0, 7);
        byMonth.set(month, (byMonth.get(month) ?? 0) + num(r.received_cents));
      }
      let cum = 0;
      const expected = [...byMonth.keys()].sort().map((month) => {
        cum += byMonth.get(month)!;
        return { month, received_cents: byMonth.get(month)!, received_cum_cents: cum };
      });
      const drawdown = (body.money as Row).drawdown as { months: Row[]; plan: Row[] };
      expect(drawdown.months).toEqual(expected);
      const years = (await t.db('grant_years').select('fiscal_year', 'approved_cents')) as Row[];
      const last = drawdown.plan[drawdown.plan.length - 1]!;
      expect(last.approved_cum_cents).toBe(sum(years, (r) => num(r.approved_cents)));
      expect(drawdown.plan.map((p) => p.fiscal_year)).toEqual(
        [...new Set(years.map((y) => num(y.fiscal_year)))].sort(),
      );
    });

    it('lists paid transfers still awaiting their proof of use', async () => {
      const transfers = (await t
        .db('transfers')
        .whereNotNull('paid_on')
        .whereNull('proof_received_on')
        .select('id', 'amount_cents', 'proof_due_on')) as Row[];
      const awaiting = (body.money as Row).transfers_awaiting_proof as Row;
      expect(awaiting.count).toBe(transfers.length);
      expect(awaiting.amount_cents).toBe(sum(transfers, (r) => num(r.amount_cents)));
      expect(awaiting.overdue_count).toBe(
        count(transfers, (r) => r.proof_due_on !== null && String(r.proof_due_on) < today),
      );
      expect((awaiting.items as Row[]).map((i) => i.id).sort()).toEqual(transfers.map((r) => r.id).sort());
    });

    it('counts contacts per municipality in the last 90 days and the days since the last contact', async () => {
      const municipalities = (await t.db('municipalities').select('id', 'name')) as Row[];
      const contacts = (await t.db('contacts').select('municipality_id', 'contact_on')) as Row[];
      const c = body.contacts as { municipalities: Row[] };
      expect(c.municipalities).toHaveLength(municipalities.length);
      for (const mu of municipalities) {
        const own = contacts.filter((r) => r.municipality_id === mu.id).map((r) => String(r.contact_on));
        const last = own.sort().at(-1) ?? null;
        expect(c.municipalities.find((x) => x.municipality_id === mu.id)).toMatchObject({
          name: mu.name,
          contacts_90d: count(own, (d) => d >= addDays(today, -90) && d <= today),
          last_contact_on: last,
          days_since_contact: last ? diffDays(last, today) : null,
        });
      }
    });

    it('counts open follow-ups', async () => {
      const open = (await t
        .db('contacts')
        .whereNotNull('follow_up_on')
        .where('follow_up_done', false)
        .select('follow_up_on')) as Row[];
      const f = (body.contacts as Row).open_follow_ups as Row;
      expect(f.count).toBe(open.length);
      expect(f.overdue_count).toBe(count(open, (r) => String(r.follow_up_on) < today));
    });

    it('returns the suggested light beside the set light for every measure, with the disagreements', () => {
      const lights = body.lights as {
        items: Row[];
        disagreements: Row[];
        disagreement_count: number;
        spending_considered: boolean;
      };
      expect(lights.spending_considered).toBe(true);
      expect(lights.items).toHaveLength((body.measures as Row).total as number);
      const differing = lights.items.filter((i) => i.suggested !== null && i.suggested !== i.health);
      expect(lights.disagreement_count).toBe(differing.length);
      expect(lights.disagreements.map((d) => d.measure_id).sort()).toEqual(
        differing.map((d) => d.measure_id).sort(),
      );
      for (const d of lights.disagreements) expect((d.reasons as unknown[]).length).toBeGreaterThan(0);
    });

    it('does not judge completed or stopped measures', async () => {
      const closed = (await t
        .db('measures')
        .whereIn('status', ['completed', 'stopped'])
        .select('id')) as Row[];
      const items = (body.lights as { items: Row[] }).items;
      for (const c of closed) expect(items.find((i) => i.measure_id === c.id)!.suggested).toBeNull();
    });
  });

  describe('role shaping', () => {
    it('gives the viewer money but no contact figures', async () => {
      const res = await (await t.as('viewer')).get('/api/dashboard').expect(200);
      expect(res.body.money).toBeDefined();
      expect(res.body.contacts).toBeUndefined();
      expect(res.body.sections).toEqual({ money: true, contacts: false });
      expect(JSON.stringify(res.body)).not.toMatch(/follow_up|contacts_90d|days_since_contact/);
    });

    it('gives funding staff money but no contact figures', async () => {
      const res = await (await t.as('funding')).get('/api/dashboard').expect(200);
      expect(res.body.money).toBeDefined();
      expect(res.body.contacts).toBeUndefined();
    });

    it('gives the guide contact figures but no money', async () => {
      const res = await (await t.as('guide')).get('/api/dashboard').expect(200);
      expect(res.body.contacts).toBeDefined();
      expect(res.body.money).toBeUndefined();
      expect(res.body.lights.spending_considered).toBe(false);
      expect(JSON.stringify(res.body)).not.toMatch(
        /spent_cents|received_cents|approved_cents|plan_cents|own_share/,
      );
    });

    it('gives steering everything', async () => {
      const res = await (await t.as('steering')).get('/api/dashboard').expect(200);
      expect(res.body.money).toBeDefined();
      expect(res.body.contacts).toBeDefined();
    });

    it('answers 401 without a session', async () => {
      const res = await t.anonymous().get('/api/dashboard');
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('unauthenticated');
    });
  });
});

describe('GET /api/dashboard suggested light on crafted data', () => {
  let lights: Map<string, Row>;
  let explained: Map<string, Row>;
  let guideLights: Map<string, Row>;

  beforeAll(async () => {
    const field = (await t.db('fields_of_action').first('id')) as { id: number };
    const grant = (await t.db('grants').first('id')) as { id: number };
    // 100 of 200 days elapsed, budget 10,000.00 €: the plan is 5,000.00 € spent by today.
    const base = {
      title: 'Testmaßnahme',
      field_of_action_id: field.id,
      phase: 'implementation',
      status: 'implementation',
      health: 'green',
      progress: 50,
      start_date: addDays(today, -100),
      end_date: addDays(today, 100),
      budget_cents: 1_000_000,
    };
    const specs: { code: string; spent: number; health?: string; status?: string; milestones: Row[] }[] = [
      {
        code: 'T-GREEN',
        spent: 500_000,
        milestones: [{ baseline_date: addDays(today, 30), due_date: addDays(today, 30) }],
      },
      {
        code: 'T-SLIP30',
        spent: 500_000,
        milestones: [{ baseline_date: addDays(today, 10), due_date: addDays(today, 40) }],
      },
      {
        code: 'T-SLIP92',
        spent: 500_000,
        milestones: [{ baseline_date: today, due_date: addDays(today, 92) }],
      },
      {
        code: 'T-SLIP93',
        spent: 500_000,
        milestones: [{ baseline_date: today, due_date: addDays(today, 93) }],
      },
      {
        code: 'T-SLIPDONE',
        spent: 500_000,
        milestones: [
          {
            baseline_date: addDays(today, -200),
            due_date: addDays(today, -20),
            completed_on: addDays(today, -20),
          },
        ],
      },
      { code: 'T-SPEND8', spent: 460_000, milestones: [] },
      { code: 'T-SPEND10', spent: 550_000, milestones: [] },
      { code: 'T-SPEND12', spent: 440_000, milestones: [] },
      {
        code: 'T-FINAL',
        spent: 500_000,
        milestones: [{ baseline_date: addDays(today, -1), due_date: addDays(today, -1), is_final: true }],
      },
      {
        code: 'T-FINALDONE',
        spent: 500_000,
        milestones: [
          {
            baseline_date: addDays(today, -5),
            due_date: addDays(today, -5),
            is_final: true,
            completed_on: addDays(today, -4),
          },
        ],
      },
      {
        code: 'T-CLOSED',
        spent: 0,
        status: 'completed',
        milestones: [{ baseline_date: today, due_date: addDays(today, 200) }],
      },
      { code: 'T-AMBERSET', spent: 500_000, health: 'amber', milestones: [] },
    ];
    for (const s of specs) {
      const [m] = (await t
        .db('measures')
        .insert({ ...base, code: s.code, status: s.status ?? base.status, health: s.health ?? 'green' })
        .returning('id')) as { id: number }[];
      if (s.spent)
        await t.db('expenditures').insert({
          measure_id: m!.id,
          grant_id: grant.id,
          booked_on: addDays(today, -50),
          amount_cents: s.spent,
          cost_category: 'services',
          payee: 'Testfirma',
        });
      for (const ms of s.milestones)
        await t.db('milestones').insert({ measure_id: m!.id, title: `MS ${s.code}`, ...ms });
    }
    const read = async (who: 'cdo' | 'guide', list: 'items' | 'disagreements') => {
      const res = await (await t.as(who)).get('/api/dashboard').expect(200);
      return new Map((res.body.lights[list] as Row[]).map((i) => [String(i.code), i]));
    };
    lights = await read('cdo', 'items');
    explained = await read('cdo', 'disagreements');
    guideLights = await read('guide', 'items');
  });

  it.each([
    ['T-GREEN', 'green'],
    ['T-SLIP30', 'amber'],
    ['T-SLIP92', 'amber'],
    ['T-SLIP93', 'red'],
    ['T-SLIPDONE', 'green'],
    ['T-SPEND8', 'amber'],
    ['T-SPEND10', 'amber'],
    ['T-SPEND12', 'red'],
    ['T-FINAL', 'red'],
    ['T-FINALDONE', 'green'],
  ])('suggests for %s: %s', (code, light) => {
    expect(lights.get(code)!.suggested).toBe(light);
  });

  it('names the rule behind the suggestion', () => {
    expect(explained.get('T-SLIP30')!.reasons).toEqual([{ rule: 'slip', light: 'amber', days: 30 }]);
    expect(explained.get('T-SPEND12')!.reasons).toEqual([
      { rule: 'spending', light: 'red', plan_cents: 500_000, spent_cents: 440_000, deviation_percent: 12 },
    ]);
    expect(explained.get('T-FINAL')!.reasons).toEqual([{ rule: 'final_overdue', light: 'red' }]);
  });

  it('does not judge closed measures', () => {
    expect(lights.get('T-CLOSED')!.suggested).toBeNull();
  });

  it('lists the disagreements between the set and the suggested light', async () => {
    const res = await (await t.as('cdo')).get('/api/dashboard').expect(200);
    const codes = (res.body.lights.disagreements as Row[]).map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['T-SLIP30', 'T-SPEND12', 'T-FINAL', 'T-AMBERSET']));
    expect(codes).not.toContain('T-GREEN');
    expect(codes).not.toContain('T-CLOSED');
    expect(lights.get('T-AMBERSET')).toMatchObject({ health: 'amber', suggested: 'green' });
  });

  it('leaves spending out of the guide’s suggestion (she may not read funding figures)', () => {
    expect(guideLights.get('T-SPEND12')!.suggested).toBe('green');
    expect(guideLights.get('T-SLIP93')!.suggested).toBe('red');
  });
});
