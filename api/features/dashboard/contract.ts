import type { HEALTHS } from '../../domain';
import type { MoneyFlow } from '../funding/contract';

/** Parts of the answer of GET /api/dashboard shared by the API and the admin (types only). */

/** Money of one fiscal year; own share = eligible spending minus the federal share. */
export interface YearMoney extends MoneyFlow {
  fiscal_year: number;
}

export type Health = (typeof HEALTHS)[number];

/**
 * Why the suggested light is worse than green, as a code with its values; the admin words it (German and
 * English catalogues, app.dashboard.reason_*).
 * - slip: the open milestone furthest behind its baseline, `days` = max(due_date, today) − baseline_date;
 * - spending: all spending against the plan to date, `deviation_percent` = |spent − plan| / plan, one decimal;
 * - final_overdue: the open final milestone is `days` past its due date.
 */
export type LightReason =
  | { rule: 'slip'; light: Health; milestone: string; days: number }
  | {
      rule: 'spending';
      light: Health;
      direction: 'over' | 'under';
      plan_cents: number;
      spent_cents: number;
      deviation_percent: number;
    }
  | { rule: 'final_overdue'; light: 'red'; milestone: string; days: number };
