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
      // The measure page reads the suggestion of one measure from items: the reasons come with every item.
      for (const i of lights.items) expect(Array.isArray(i.reasons)).toBe(true);
    });

    it('suggests a light other than the set one for a handful of demo measures only, each with a reason', () => {
      const lights = body.lights as { items: Row[]; disagreements: Row[]; disagreement_count: number };
      const differing = lights.items.filter((i) => i.suggested !== null && i.suggested !== i.health);
      expect(differing.length).toBeGreaterThanOrEqual(1);
      expect(differing.length).toBeLessThanOrEqual(6);
      expect(lights.disagreement_count).toBe(differing.length);
      for (const d of differing)
        expect([d.code, (d.reasons as unknown[]).length > 0]).toEqual([d.code, true]);
    });

    it('compares spending with the time-proportional plan to date and all spending of the measure', async () => {
      const measures = (await t
        .db('measures')
        .select('id', 'code', 'start_date', 'end_date', 'budget_cents')) as Row[];
      const spending = (await t.db('expenditures').select('measure_id', 'amount_cents')) as Row[];
      const items = (body.lights as { items: { measure_id: number; reasons: Row[] }[] }).items;
      const judged = items.flatMap((i) =>
        i.reasons.filter((r) => r.rule === 'spending').map((r) => [i, r] as const),
      );
      expect(judged.length).toBeGreaterThan(0);
      for (const [item, reason] of judged) {
        const m = measures.find((x) => x.id === item.measure_id)!;
        const total = diffDays(String(m.start_date), String(m.end_date));
        const elapsed = Math.min(Math.max(diffDays(String(m.start_date), today), 0), total);
        expect([m.code, reason.plan_cents]).toEqual([
          m.code,
          Math.round((num(m.budget_cents) * elapsed) / total),
        ]);
        expect([m.code, reason.spent_cents]).toEqual([
          m.code,
          sum(
            spending.filter((e) => e.measure_id === m.id),
            (e) => num(e.amount_cents),
          ),
        ]);
      }
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
    // 100 of 200 days elapsed, budget 1,000,000.00 €: the plan to date is 500,000.00 € (15 % = 75,000 €).
    const base = {
      title: 'Testmaßnahme',
      field_of_action_id: field.id,
      phase: 'implementation',
      status: 'implementation',
      health: 'green',
      progress: 50,
      start_date: addDays(today, -100),
      end_date: addDays(today, 100),
      budget_cents: 100_000_000,
    };
    const onPlan = 50_000_000;
    const specs: {
      code: string;
      spent: number;
      health?: string;
      status?: string;
      measure?: Row;
      milestones: Row[];
    }[] = [
      {
        code: 'T-GREEN',
        spent: onPlan,
        milestones: [{ baseline_date: addDays(today, 30), due_date: addDays(today, 30) }],
      },
      {
        code: 'T-SLIP30',
        spent: onPlan,
        milestones: [{ baseline_date: addDays(today, 10), due_date: addDays(today, 40) }],
      },
      {
        code: 'T-SLIP31',
        spent: onPlan,
        milestones: [{ baseline_date: addDays(today, 10), due_date: addDays(today, 41) }],
      },
      {
        code: 'T-SLIP90',
        spent: onPlan,
        milestones: [{ baseline_date: today, due_date: addDays(today, 90) }],
      },
      {
        code: 'T-SLIP91',
        spent: onPlan,
        milestones: [{ baseline_date: today, due_date: addDays(today, 91) }],
      },
      {
        // Open and overdue: as far behind its baseline as today is (45 days), not just its stale due date (5).
        code: 'T-OVERDUE',
        spent: onPlan,
        milestones: [{ baseline_date: addDays(today, -45), due_date: addDays(today, -40) }],
      },
      {
        code: 'T-SLIPDONE',
        spent: onPlan,
        milestones: [
          {
            baseline_date: addDays(today, -200),
            due_date: addDays(today, -20),
            completed_on: addDays(today, -20),
          },
        ],
      },
      { code: 'T-SPEND15', spent: 57_500_000, milestones: [] },
      { code: 'T-SPEND18', spent: 59_000_000, milestones: [] },
      { code: 'T-SPEND22U', spent: 39_000_000, milestones: [] },
      { code: 'T-SPEND31U', spent: 34_500_000, milestones: [] },
      // Plan 10,000.00 €: 9,999.99 € over is ignored, 10,000.00 € under (nothing spent) is not.
      { code: 'T-SMALL', spent: 1_999_999, measure: { budget_cents: 2_000_000 }, milestones: [] },
      { code: 'T-SMALL0', spent: 0, measure: { budget_cents: 2_000_000 }, milestones: [] },
      // Not started yet: the plan to date is zero, spending is not judged.
      {
        code: 'T-NOTYET',
        spent: 5_000_000,
        measure: { start_date: addDays(today, 10), end_date: addDays(today, 300) },
        milestones: [],
      },
      // Ended: the plan to date is the whole budget.
      {
        code: 'T-ENDED',
        spent: onPlan,
        measure: { start_date: addDays(today, -300), end_date: addDays(today, -10) },
        milestones: [],
      },
      // The plan to date to the cent, half up: 100,000,001 × 100 / 200 = 50,000,000.5.
      { code: 'T-HALF', spent: 0, measure: { budget_cents: 100_000_001 }, milestones: [] },
      {
        code: 'T-FINAL',
        spent: onPlan,
        milestones: [{ baseline_date: addDays(today, -1), due_date: addDays(today, -1), is_final: true }],
      },
      {
        code: 'T-FINALDONE',
        spent: onPlan,
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
        code: 'T-WORSE',
        spent: 59_000_000,
        milestones: [{ baseline_date: today, due_date: addDays(today, 120) }],
      },
      {
        code: 'T-CLOSED',
        spent: 0,
        status: 'completed',
        milestones: [{ baseline_date: today, due_date: addDays(today, 200) }],
      },
      { code: 'T-AMBERSET', spent: onPlan, health: 'amber', milestones: [] },
    ];
    for (const s of specs) {
      const [m] = (await t
        .db('measures')
        .insert({
          ...base,
          ...s.measure,
          code: s.code,
          status: s.status ?? base.status,
          health: s.health ?? 'green',
        })
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
    ['T-SLIP30', 'green'],
    ['T-SLIP31', 'amber'],
    ['T-SLIP90', 'amber'],
    ['T-SLIP91', 'red'],
    ['T-OVERDUE', 'amber'],
    ['T-SLIPDONE', 'green'],
    ['T-SPEND15', 'green'],
    ['T-SPEND18', 'amber'],
    ['T-SPEND22U', 'amber'],
    ['T-SPEND31U', 'red'],
    ['T-SMALL', 'green'],
    ['T-SMALL0', 'red'],
    ['T-NOTYET', 'green'],
    ['T-ENDED', 'red'],
    ['T-HALF', 'red'],
    ['T-FINAL', 'red'],
    ['T-FINALDONE', 'green'],
    ['T-WORSE', 'red'],
  ])('suggests for %s: %s', (code, light) => {
    expect(lights.get(code)!.suggested).toBe(light);
  });

  it('names the rule behind the suggestion, with the milestone, the days and the direction', () => {
    expect(explained.get('T-SLIP31')!.reasons).toEqual([
      { rule: 'slip', light: 'amber', milestone: 'MS T-SLIP31', days: 31 },
    ]);
    expect(explained.get('T-OVERDUE')!.reasons).toEqual([
      { rule: 'slip', light: 'amber', milestone: 'MS T-OVERDUE', days: 45 },
    ]);
    const spending = (code: string) => (explained.get(code)!.reasons as Row[])[0];
    expect(spending('T-SPEND18')).toEqual({
      rule: 'spending',
      light: 'amber',
      direction: 'over',
      plan_cents: 50_000_000,
      spent_cents: 59_000_000,
      deviation_percent: 18,
    });
    expect(spending('T-SPEND22U')).toMatchObject({ direction: 'under', deviation_percent: 22 });
    expect(spending('T-SMALL0')).toMatchObject({ plan_cents: 1_000_000, spent_cents: 0 });
    expect(spending('T-ENDED')).toMatchObject({ plan_cents: 100_000_000, direction: 'under' });
    expect(spending('T-HALF')).toMatchObject({ plan_cents: 50_000_001 });
    expect(explained.get('T-FINAL')!.reasons).toEqual([
      { rule: 'final_overdue', light: 'red', milestone: 'MS T-FINAL', days: 1 },
    ]);
    expect((explained.get('T-WORSE')!.reasons as Row[]).map((r) => [r.rule, r.light])).toEqual([
      ['slip', 'red'],
      ['spending', 'amber'],
    ]);
  });

  it('does not judge closed measures', () => {
    expect(lights.get('T-CLOSED')!.suggested).toBeNull();
  });

  it('lists the disagreements between the set and the suggested light', () => {
    const codes = [...explained.keys()];
    expect(codes).toEqual(expect.arrayContaining(['T-SLIP31', 'T-SPEND18', 'T-FINAL', 'T-AMBERSET']));
    for (const code of ['T-GREEN', 'T-SLIP30', 'T-SPEND15', 'T-SMALL', 'T-CLOSED'])
      expect(codes).not.toContain(code);
    expect(lights.get('T-AMBERSET')).toMatchObject({ health: 'amber', suggested: 'green', reasons: [] });
  });

  it('leaves spending out of the guide’s suggestion (she may not read funding figures)', () => {
    expect(guideLights.get('T-SPEND31U')!.suggested).toBe('green');
    expect(guideLights.get('T-SLIP91')!.suggested).toBe('red');
    expect(guideLights.get('T-WORSE')!.reasons).toEqual([
      { rule: 'slip', light: 'red', milestone: 'MS T-WORSE', days: 120 },
    ]);
  });
});
