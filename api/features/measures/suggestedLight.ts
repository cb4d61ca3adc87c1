import type { HEALTHS } from '../../domain';

export type Health = (typeof HEALTHS)[number];

/** A milestone may slip this many days (about three months) before the suggestion turns red. */
export const SLIP_AMBER_MAX_DAYS = 92;
/** Spending may deviate this many percent from the time-proportional plan before the suggestion turns red. */
export const SPEND_AMBER_MAX_PERCENT = 10;
/** Completed and stopped measures are not judged: their light is history. */
export const CLOSED_STATUSES: readonly string[] = ['completed', 'stopped'];

/** What the database knows about one measure, all day counts already relative to "today" (current_date). */
export interface LightFacts {
  status: string;
  /** Largest due_date − baseline_date in days over the measure's open milestones; null without open ones. */
  maxSlipDays: number | null;
  /** An open final milestone is past its due date. */
  finalOverdue: boolean;
  /**
   * Spending against the plan budget × elapsed share of [start_date, end_date]; null when it cannot be judged:
   * no dates or budget, not started yet, or the reader may not see funding figures.
   */
  spending: { budgetCents: number; spentCents: number; elapsedDays: number; totalDays: number } | null;
}

export type LightReason =
  | { rule: 'slip'; light: Health; days: number }
  | { rule: 'spending'; light: Health; plan_cents: number; spent_cents: number; deviation_percent: number }
  | { rule: 'final_overdue'; light: 'red' };

export interface Suggestion {
  /** null for closed measures (not judged). */
  light: Health | null;
  /** Every rule that made the light worse than green. */
  reasons: LightReason[];
}

const RANK: Record<Health, number> = { green: 0, amber: 1, red: 2 };

/** budget × elapsed / total, to the cent, half up, in integer arithmetic (BigInt: budget × days may pass 2^53). */
export function plannedSpendCents(budgetCents: number, elapsedDays: number, totalDays: number): number {
  if (totalDays <= 0) return budgetCents;
  const elapsed = BigInt(Math.min(Math.max(elapsedDays, 0), totalDays));
  const total = BigInt(totalDays);
  return Number((BigInt(budgetCents) * elapsed * 2n + total) / (total * 2n));
}

/**
 * The suggested traffic light of a measure:
 * - green: on plan (no open milestone later than its baseline, spending equal to the plan to the cent);
 * - amber: an open milestone slipped by 1 to 92 days, or spending deviates from the plan by at most 10 %;
 * - red: a slip of more than 92 days, a spending deviation above 10 %, or an overdue open final milestone.
 * The worst rule wins. Spending is judged only when the plan is above zero (started, with budget and dates).
 */
export function suggestHealth(facts: LightFacts): Suggestion {
  if (CLOSED_STATUSES.includes(facts.status)) return { light: null, reasons: [] };
  const reasons: LightReason[] = [];

  const slip = facts.maxSlipDays;
  if (slip !== null && slip > 0)
    reasons.push({ rule: 'slip', light: slip > SLIP_AMBER_MAX_DAYS ? 'red' : 'amber', days: slip });

  const s = facts.spending;
  if (s) {
    const plan = plannedSpendCents(s.budgetCents, s.elapsedDays, s.totalDays);
    if (plan > 0 && s.spentCents !== plan) {
      const diff = Math.abs(s.spentCents - plan);
      // diff / plan > 10 % ⇔ 100 × diff > 10 × plan, compared exactly in integers.
      const red = BigInt(diff) * 100n > BigInt(plan) * BigInt(SPEND_AMBER_MAX_PERCENT);
      reasons.push({
        rule: 'spending',
        light: red ? 'red' : 'amber',
        plan_cents: plan,
        spent_cents: s.spentCents,
        deviation_percent: Math.round((diff / plan) * 1000) / 10,
      });
    }
  }

  if (facts.finalOverdue) reasons.push({ rule: 'final_overdue', light: 'red' });

  const light = reasons.reduce<Health>(
    (worst, r) => (RANK[r.light] > RANK[worst] ? r.light : worst),
    'green',
  );
  return { light, reasons };
}
