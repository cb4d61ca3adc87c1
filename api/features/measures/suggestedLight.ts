import type { Health, LightReason } from '../dashboard/contract';

export type { Health, LightReason };

/** An open milestone may be this many days behind its baseline and the suggestion stays green. */
export const SLIP_GREEN_MAX_DAYS = 30;
/** Up to this many days behind its baseline the suggestion is amber; beyond it red. */
export const SLIP_AMBER_MAX_DAYS = 90;
/** Spending may deviate this many percent from the plan to date (either way) and the suggestion stays green. */
export const SPEND_GREEN_MAX_PERCENT = 15;
/** Up to this many percent the suggestion is amber; beyond it red. */
export const SPEND_AMBER_MAX_PERCENT = 30;
/** Deviations from the plan below this amount (10,000 €) are ignored, however large in percent. */
export const SPEND_MIN_DEVIATION_CENTS = 1_000_000;
/** Completed and stopped measures are not judged: their light is history. */
export const CLOSED_STATUSES: readonly string[] = ['completed', 'stopped'];

/** What the database knows about one measure, all day counts already relative to "today" (current_date). */
export interface LightFacts {
  status: string;
  /**
   * The open milestone furthest behind its baseline: days = max(due_date, today) − baseline_date (an open
   * milestone cannot be reached before today); null without open milestones.
   */
  slip: { milestone: string; days: number } | null;
  /** The open final milestone if it is past its due date, with the days since; null otherwise. */
  finalOverdue: { milestone: string; days: number } | null;
  /**
   * Spending against the plan to date (planToDate.ts); null when it cannot be judged: no dates, or
   * the reader may not see funding figures.
   */
  spending: { planCents: number; spentCents: number } | null;
}

export interface Suggestion {
  /** null for closed measures (not judged). */
  light: Health | null;
  /** Every rule that made the light worse than green, the worst first. */
  reasons: LightReason[];
}

export const RANK: Record<Health, number> = { green: 0, amber: 1, red: 2 };

/** The light of a milestone that is `days` behind its baseline. */
export function slipLight(days: number): Health {
  if (days <= SLIP_GREEN_MAX_DAYS) return 'green';
  return days <= SLIP_AMBER_MAX_DAYS ? 'amber' : 'red';
}

/**
 * The light of spending against the plan to date, compared exactly in integers: green within ±15 % or when the
 * deviation is below 10,000 €, amber up to ±30 %, red beyond. A plan of zero (not started yet) is not judged.
 */
export function spendingLight(planCents: number, spentCents: number): Health {
  const diff = Math.abs(spentCents - planCents);
  if (planCents <= 0 || diff < SPEND_MIN_DEVIATION_CENTS) return 'green';
  // diff / plan ≤ p % ⇔ 100 × diff ≤ p × plan (BigInt: cents × 100 may pass 2^53).
  const within = (percent: number) => BigInt(diff) * 100n <= BigInt(planCents) * BigInt(percent);
  if (within(SPEND_GREEN_MAX_PERCENT)) return 'green';
  return within(SPEND_AMBER_MAX_PERCENT) ? 'amber' : 'red';
}

/**
 * The suggested traffic light of a measure, the worse of two rules:
 * - milestones: green while no open milestone is more than 30 days behind its baseline, amber up to 90 days,
 *   red beyond 90 days or when the open final milestone is overdue;
 * - spending against the plan to date: green within ±15 % (or a deviation below 10,000 €), amber up to ±30 %,
 *   red beyond.
 * Completed and stopped measures are not judged (light null).
 */
export function suggestHealth(facts: LightFacts): Suggestion {
  if (CLOSED_STATUSES.includes(facts.status)) return { light: null, reasons: [] };
  const reasons: LightReason[] = [];

  if (facts.finalOverdue)
    reasons.push({
      rule: 'final_overdue',
      light: 'red',
      milestone: facts.finalOverdue.milestone,
      days: facts.finalOverdue.days,
    });

  if (facts.slip) {
    const light = slipLight(facts.slip.days);
    if (light !== 'green')
      reasons.push({ rule: 'slip', light, milestone: facts.slip.milestone, days: facts.slip.days });
  }

  const s = facts.spending;
  if (s) {
    const light = spendingLight(s.planCents, s.spentCents);
    if (light !== 'green')
      reasons.push({
        rule: 'spending',
        light,
        direction: s.spentCents > s.planCents ? 'over' : 'under',
        plan_cents: s.planCents,
        spent_cents: s.spentCents,
        deviation_percent: Math.round((Math.abs(s.spentCents - s.planCents) / s.planCents) * 1000) / 10,
      });
  }

  // Worst first; equally bad reasons keep the order above (final milestone, milestones, spending).
  reasons.sort((a, b) => RANK[b.light] - RANK[a.light]);
  const light = reasons[0]?.light ?? 'green';
  return { light, reasons };
}
