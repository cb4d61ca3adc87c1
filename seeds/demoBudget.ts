import type { ExpenditurePlan, GrantKey } from './demoFunding';
import { GRANTS, paymentDate } from './demoFunding';
import type { MeasureDef } from './demoMeasures';
import { Rng, yearOf } from './util';

/**
 * The financing plan of the demo (budget_lines): for both grants, per measure × cost category × fiscal year. It is
 * written as a plan would have been, before the money was spent: built from what the demo later pays, each line
 * off by a factor, so the demo expenditures partly over- and partly under-run it (some lines by more than 20 %).
 * The current year is planned in full (only part of it is spent by "today"), and the last year of grant B carries
 * the rest of every open measure's budget.
 *
 * Each year's plan × funding rate fits the grant year's approved amount, with one deliberate exception that shows
 * the grid's warning: grant A's 2021 (the strategy phase started faster than the 50.000 € approved for that year;
 * tests/demo-data.test.ts keeps it the only one, README says so).
 */

export interface BudgetLinePlan {
  grant: GrantKey;
  measure: string;
  cost_category: ExpenditurePlan['cost_category'];
  fiscal_year: number;
  planned_cents: number;
  note: string | null;
}

/** Plan factors: most lines near the actual figures, a few well above or below (over- and under-runs). */
const FACTORS: [number, number][] = [
  [0.7, 1],
  [0.8, 2],
  [0.9, 3],
  [1.0, 3],
  [1.05, 3],
  [1.1, 3],
  [1.2, 2],
  [1.35, 1],
];

const NOTES: Record<string, string> = {
  low: 'Mehrkosten durch Preissteigerungen; Ausgleich über Einsparungen in anderen Positionen.',
  high: 'Vergabe günstiger als geschätzt; Restmittel werden im Folgejahr eingesetzt.',
};

const round100 = (cents: number): number => Math.round(cents / 10_000) * 10_000;

export function buildBudgetLines(expenditures: ExpenditurePlan[], measures: MeasureDef[]): BudgetLinePlan[] {
  const rng = new Rng(1215);
  const actual = new Map<string, number>();
  for (const e of expenditures) {
    if (!e.eligible) continue;
    const year = yearOf(paymentDate(e) ?? e.booked_on);
    const key = `${e.grant}|${e.measure}|${e.cost_category}|${year}`;
    actual.set(key, (actual.get(key) ?? 0) + e.amount_cents);
  }
  const lines: BudgetLinePlan[] = [];
  const lastYear = new Map(GRANTS.map((g) => [g.key, g.years[g.years.length - 1]!.fiscal_year]));
  for (const [key, cents] of [...actual].sort(([a], [b]) => a.localeCompare(b))) {
    const [grant, measure, category, year] = key.split('|') as [
      GrantKey,
      string,
      BudgetLinePlan['cost_category'],
      string,
    ];
    const fy = Number(year);
    const factor = rng.weighted(FACTORS) * (fy === 2026 ? 1.15 : 1);
    const planned = Math.max(round100(cents * factor), 100_000);
    const off = cents / planned;
    lines.push({
      grant,
      measure,
      cost_category: category,
      fiscal_year: fy,
      planned_cents: planned,
      note: off > 1.2 ? NOTES.low! : off < 0.8 && fy < 2026 ? NOTES.high! : null,
    });
  }
  // Grant B's last year: open measures plan the rest of their budget there, in their main cost category.
  const end = lastYear.get('B')!;
  for (const m of measures) {
    if (m.end < `${end}-01-01` || ['completed', 'stopped', 'idea'].includes(m.status)) continue;
    const ownLines = lines.filter((l) => l.grant === 'B' && l.measure === m.code);
    if (!ownLines.length) continue;
    const planned = ownLines.reduce((s, l) => s + l.planned_cents, 0);
    const rest = round100(Math.max(m.budget * 100 - planned, 0) * 0.5);
    if (rest <= 0) continue;
    const main = [...ownLines].sort((a, b) => b.planned_cents - a.planned_cents)[0]!.cost_category;
    lines.push({
      grant: 'B',
      measure: m.code,
      cost_category: main,
      fiscal_year: end,
      planned_cents: rest,
      note: null,
    });
  }
  return lines;
}
