import type { Knex } from 'knex';
import { COST_CATEGORIES } from '../../domain';
import { grantInfo } from '../funding/reportQuery';
import { COST_CATEGORY_LABELS } from '../../labels';
import type { CostCategory } from '../funding/contract';
import type { PlanFigures, PlanLine, PlanVsActual } from './contract';

/**
 * Plan against actuals (Soll-Ist). Planned: the financing plan's lines (budget_lines) of the selected fiscal year,
 * or of all years. Actual: the grant's eligible payments — paid up to today, in the selected year by payment date —
 * exactly the payments of the receipt list (api/features/funding/receipts.ts), since the funding rules count
 * payments, not bookings. One row per measure × cost category that has a plan or a payment.
 */
const LINES_SQL = `
with plan as (
  select measure_id, cost_category, sum(planned_cents)::bigint as planned,
    string_agg(note, ' ' order by fiscal_year) filter (where note is not null and note <> '') as note
  from budget_lines
  where grant_id = :grant and (:year::int is null or fiscal_year = :year::int)
  group by 1, 2
),
act as (
  select e.measure_id, e.cost_category, sum(e.amount_cents)::bigint as actual
  from expenditures e
  where e.grant_id = :grant and e.eligible and e.paid_on <= current_date
    and (:year::int is null or e.paid_on between make_date(:year::int, 1, 1) and make_date(:year::int, 12, 31))
  group by 1, 2
),
keys as (select measure_id, cost_category from plan union select measure_id, cost_category from act)
select m.id as measure_id, m.code, m.title, k.cost_category,
  coalesce(p.planned, 0)::bigint as planned_cents, coalesce(a.actual, 0)::bigint as actual_cents, p.note
from keys k
join measures m on m.id = k.measure_id
left join plan p on p.measure_id = k.measure_id and p.cost_category = k.cost_category
left join act a on a.measure_id = k.measure_id and a.cost_category = k.cost_category
order by m.code, array_position(array[${COST_CATEGORIES.map((c) => `'${c}'`).join(', ')}]::text[], k.cost_category::text)`;

/** Deviation in basis points of the plan, rounded half away from zero in integer arithmetic; none without a plan. */
export function deviationBp(planned: number, actual: number): number | null {
  if (planned <= 0) return null;
  const dev = actual - planned;
  const q = Math.floor((Math.abs(dev) * 10_000 * 2 + planned) / (2 * planned));
  return dev < 0 ? -q : q;
}

/** More than 20 % over plan: actual > 1.2 × planned, compared exactly in cents (20.00 % is allowed, 20.01 % not). */
export const over20 = (planned: number, actual: number): boolean => actual * 5 > planned * 6;

export function figures(planned: number, actual: number): PlanFigures {
  return {
    planned_cents: planned,
    actual_cents: actual,
    deviation_cents: actual - planned,
    deviation_bp: deviationBp(planned, actual),
  };
}

/** The database's today ('YYYY-MM-DD'): every "up to today" of the reports is the database's. */
export async function dbToday(db: Knex): Promise<string> {
  const { rows } = (await db.raw(`select to_char(current_date, 'YYYY-MM-DD') as today`)) as {
    rows: [{ today: string }];
  };
  return rows[0].today;
}

export async function planVsActual(db: Knex, grantId: number, fiscalYear?: number): Promise<PlanVsActual> {
  const grant = await grantInfo(db, grantId);
  const { rows } = (await db.raw(LINES_SQL, { grant: grantId, year: fiscalYear ?? null })) as {
    rows: (Omit<PlanLine, keyof PlanFigures | 'over_20'> & {
      planned_cents: number;
      actual_cents: number;
    })[];
  };
  const lines: PlanLine[] = rows.map(({ planned_cents, actual_cents, ...r }) => ({
    ...r,
    ...figures(planned_cents, actual_cents),
    over_20: over20(planned_cents, actual_cents),
  }));
  const sum = (of: PlanLine[], key: 'planned_cents' | 'actual_cents') => of.reduce((s, l) => s + l[key], 0);
  const categories = COST_CATEGORIES.map((c: CostCategory) => {
    const own = lines.filter((l) => l.cost_category === c);
    return {
      cost_category: c,
      label: COST_CATEGORY_LABELS[c],
      ...figures(sum(own, 'planned_cents'), sum(own, 'actual_cents')),
    };
  });
  const total = figures(sum(lines, 'planned_cents'), sum(lines, 'actual_cents'));
  const asOf = await dbToday(db);
  return {
    grant,
    fiscal_year: fiscalYear ?? null,
    as_of: asOf,
    lines,
    categories,
    total: { ...total, over_total: total.actual_cents > total.planned_cents },
    flagged: lines.filter((l) => l.over_20).length,
  };
}
