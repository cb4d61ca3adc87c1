import type { TestApp } from '../../support/app';
import { createGrant } from '../funding/helpers';

/** A grant of its own with a small financing plan and payments, so the demo data's figures never matter. */

export interface PlanFixture {
  grantId: number;
  measures: { id: number; code: string }[];
  plan: { measure: number; category: string; year: number; cents: number }[];
  paid: { measure: number; category: string; paid_on: string | null; cents: number; eligible: boolean }[];
}

export async function planFixture(t: TestApp): Promise<PlanFixture> {
  const funding = await t.as('funding');
  const grantId = (await createGrant(funding, { years: { 2024: 5_000_00, 2025: 20_000_00 } })).id;
  const measures = (await t.db('measures').select('id', 'code').orderBy('code').limit(3)) as {
    id: number;
    code: string;
  }[];
  const [a, b, c] = measures.map((m) => m.id) as [number, number, number];
  const plan = [
    { measure: a, category: 'services', year: 2025, cents: 1_000_00 }, // actual 1.200,00: exactly +20 %
    { measure: a, category: 'material', year: 2025, cents: 1_000_00 }, // actual 1.200,10: +20,01 %
    { measure: b, category: 'personnel', year: 2025, cents: 10_000_00 }, // actual 7.333,33: under-run
    { measure: b, category: 'personnel', year: 2024, cents: 3_000_00 }, // other year
    { measure: c, category: 'investment', year: 2025, cents: 2_500_00 }, // nothing spent
  ];
  const paid = [
    { measure: a, category: 'services', paid_on: '2025-03-10', cents: 700_00, eligible: true },
    { measure: a, category: 'services', paid_on: '2025-12-31', cents: 500_00, eligible: true },
    { measure: a, category: 'material', paid_on: '2025-06-01', cents: 1_200_10, eligible: true },
    { measure: b, category: 'personnel', paid_on: '2025-01-01', cents: 7_333_33, eligible: true },
    { measure: b, category: 'personnel', paid_on: '2024-12-31', cents: 2_999_99, eligible: true },
    { measure: b, category: 'other', paid_on: '2025-05-05', cents: 99_99, eligible: true }, // no plan
    { measure: c, category: 'investment', paid_on: '2025-05-05', cents: 500_00, eligible: false }, // not eligible
    { measure: c, category: 'investment', paid_on: null, cents: 800_00, eligible: true }, // not paid
  ];
  for (const p of plan) {
    const res = await funding.post('/api/budget_lines').send({
      grant_id: grantId,
      measure_id: p.measure,
      cost_category: p.category,
      fiscal_year: p.year,
      planned_cents: p.cents,
      note: p.measure === a ? 'Mehrkosten Testposition' : null,
    });
    if (res.status !== 201) throw new Error(`budget line: ${res.status} ${JSON.stringify(res.body)}`);
  }
  await t.db('expenditures').insert(
    paid.map((p, i) => ({
      measure_id: p.measure,
      grant_id: grantId,
      booked_on: p.paid_on ?? '2025-11-30',
      paid_on: p.paid_on,
      amount_cents: p.cents,
      cost_category: p.category,
      payee: `Empfänger ${i + 1}`,
      description: `Zahlung ${i + 1}`,
      receipt_no: `T-${i + 1}`,
      eligible: p.eligible,
    })),
  );
  return { grantId, measures, plan, paid };
}

/** The fixture's figures recounted in TypeScript, independent of the SQL: per measure × category of a year. */
export function recount(f: PlanFixture, year: number | null) {
  const inYear = (y: number | string | null) =>
    y !== null && (year === null || String(y).startsWith(String(year)));
  const keys = new Map<string, { planned: number; actual: number }>();
  const at = (m: number, c: string) => {
    const k = `${m}|${c}`;
    if (!keys.has(k)) keys.set(k, { planned: 0, actual: 0 });
    return keys.get(k)!;
  };
  for (const p of f.plan) if (inYear(p.year)) at(p.measure, p.category).planned += p.cents;
  for (const p of f.paid) if (p.eligible && inYear(p.paid_on)) at(p.measure, p.category).actual += p.cents;
  return keys;
}
