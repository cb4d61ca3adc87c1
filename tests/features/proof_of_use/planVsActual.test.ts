import ExcelJS from 'exceljs';
import { testApp, type TestApp } from '../../support/app';
import { binaryParser, cents } from '../funding/helpers';
import { planFixture, recount, type PlanFixture } from './fixture';

let t: TestApp;
let f: PlanFixture;
beforeAll(async () => {
  t = await testApp();
  f = await planFixture(t);
});
afterAll(async () => t?.close());

interface Line {
  measure_id: number;
  cost_category: string;
  planned_cents: number;
  actual_cents: number;
  deviation_cents: number;
  deviation_bp: number | null;
  over_20: boolean;
  note: string | null;
}

describe('GET /api/reports/plan-vs-actual', () => {
  it('sets every measure × cost category line against its plan, recounted independently', async () => {
    for (const year of [2025, 2024, null]) {
      const res = await (
        await t.as('viewer')
      ).get(`/api/reports/plan-vs-actual?grant_id=${f.grantId}${year ? `&fiscal_year=${year}` : ''}`);
      expect(res.status).toBe(200);
      const expected = recount(f, year);
      const lines = res.body.lines as Line[];
      expect(lines.map((l) => `${l.measure_id}|${l.cost_category}`).sort()).toEqual(
        [...expected.keys()].sort(),
      );
      for (const l of lines) {
        const e = expected.get(`${l.measure_id}|${l.cost_category}`)!;
        expect([l.planned_cents, l.actual_cents, l.deviation_cents]).toEqual([
          e.planned,
          e.actual,
          e.actual - e.planned,
        ]);
      }
      const all = [...expected.values()];
      const planned = all.reduce((s, e) => s + e.planned, 0);
      const actual = all.reduce((s, e) => s + e.actual, 0);
      expect(res.body.total).toMatchObject({
        planned_cents: planned,
        actual_cents: actual,
        over_total: actual > planned,
      });
      for (const c of res.body.categories as Line[]) {
        const own = [...expected].filter(([k]) => k.endsWith(`|${c.cost_category}`)).map(([, v]) => v);
        expect(c.planned_cents).toBe(own.reduce((s, e) => s + e.planned, 0));
        expect(c.actual_cents).toBe(own.reduce((s, e) => s + e.actual, 0));
      }
    }
  });

  it('flags a line more than 20 % over its plan: 20.00 % is allowed, 20.01 % is flagged', async () => {
    const res = await (
      await t.as('funding')
    ).get(`/api/reports/plan-vs-actual?grant_id=${f.grantId}&fiscal_year=2025`);
    const [a, b] = f.measures;
    const line = (m: number, c: string) =>
      (res.body.lines as Line[]).find((l) => l.measure_id === m && l.cost_category === c)!;
    expect(line(a!.id, 'services')).toMatchObject({
      deviation_bp: 2000,
      over_20: false,
      note: 'Mehrkosten Testposition',
    });
    expect(line(a!.id, 'material')).toMatchObject({ deviation_bp: 2001, over_20: true });
    expect(line(b!.id, 'personnel')).toMatchObject({ deviation_bp: -2667, over_20: false });
    // Spending without a plan line is flagged too; its percentage has no base.
    expect(line(b!.id, 'other')).toMatchObject({ planned_cents: 0, deviation_bp: null, over_20: true });
    expect(res.body.flagged).toBe(2);
    // 2025: planned 14.500,00, paid 9.833,42 — below the total
    expect(res.body.total.over_total).toBe(false);
  });

  it('flags an overrun of the total', async () => {
    const res = await (
      await t.as('funding')
    ).get(`/api/reports/plan-vs-actual?grant_id=${f.grantId}&fiscal_year=2024`);
    expect(res.body.total).toMatchObject({
      planned_cents: 3_000_00,
      actual_cents: 2_999_99,
      over_total: false,
    });
    await t.db('expenditures').insert({
      measure_id: f.measures[1]!.id,
      grant_id: f.grantId,
      booked_on: '2024-06-01',
      paid_on: '2024-06-01',
      amount_cents: 2,
      cost_category: 'personnel',
      payee: 'Nachzahlung',
      eligible: true,
    });
    const after = await (
      await t.as('funding')
    ).get(`/api/reports/plan-vs-actual?grant_id=${f.grantId}&fiscal_year=2024`);
    expect(after.body.total).toMatchObject({ actual_cents: 3_000_01, deviation_cents: 1, over_total: true });
  });

  it('is closed to guides and answers 404 for an unknown grant, 400 for a bad year', async () => {
    expect(
      (await (await t.as('guide')).get(`/api/reports/plan-vs-actual?grant_id=${f.grantId}`)).status,
    ).toBe(403);
    expect((await (await t.as('viewer')).get('/api/reports/plan-vs-actual?grant_id=999999')).status).toBe(
      404,
    );
    expect(
      (await (await t.as('viewer')).get(`/api/reports/plan-vs-actual?grant_id=${f.grantId}&fiscal_year=20x5`))
        .status,
    ).toBe(400);
  });
});

describe('GET /api/reports/plan-vs-actual.xlsx', () => {
  it('reads back to the cent, with the flag in its column', async () => {
    const res = await (
      await t.as('viewer')
    )
      .get(`/api/reports/plan-vs-actual.xlsx?grant_id=${f.grantId}&fiscal_year=2025`)
      .buffer(true)
      .parse(binaryParser);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/Soll-Ist_.*_2025\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as ArrayBuffer);
    const ws = wb.getWorksheet('Soll-Ist')!;
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const head = rows.findIndex((r) => r[0] === 'Nr.');
    const expected = recount(f, 2025);
    const body = rows.slice(head + 1).filter((r) => f.measures.some((m) => m.code === r[0]));
    expect(body).toHaveLength(expected.size);
    for (const r of body) {
      const m = f.measures.find((x) => x.code === r[0])!;
      const match = [...expected].filter(([k]) => k.startsWith(`${m.id}|`)).map(([, v]) => v);
      expect(match.some((e) => e.planned === cents(r[3]) && e.actual === cents(r[4]))).toBe(true);
    }
    expect(body.filter((r) => r[7] === '> 20 %')).toHaveLength(2);
    const total = rows.find((r) => r[0] === 'Gesamt')!;
    expect([cents(total[3]), cents(total[4])]).toEqual([14_500_00, 9_833_42]);
  });
});
