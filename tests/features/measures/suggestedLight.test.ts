import {
  plannedSpendCents,
  suggestHealth,
  type LightFacts,
} from '../../../api/features/measures/suggestedLight';

const onPlan: LightFacts = {
  status: 'implementation',
  maxSlipDays: 0,
  finalOverdue: false,
  // 100 of 200 days elapsed: the plan is half the budget.
  spending: { budgetCents: 1_000_000, spentCents: 500_000, elapsedDays: 100, totalDays: 200 },
};

describe('plannedSpendCents', () => {
  it('is the budget times the elapsed share, to the cent, half up', () => {
    expect(plannedSpendCents(1_000_000, 100, 200)).toBe(500_000);
    expect(plannedSpendCents(100, 1, 3)).toBe(33); // 33.33…
    expect(plannedSpendCents(100, 2, 3)).toBe(67); // 66.67…
    expect(plannedSpendCents(1, 1, 2)).toBe(1); // 0.5 rounds up
  });

  it('clamps the elapsed share to [0, 1]', () => {
    expect(plannedSpendCents(1_000, -5, 10)).toBe(0);
    expect(plannedSpendCents(1_000, 50, 10)).toBe(1_000);
  });

  it('stays exact for budgets times days beyond 2^53', () => {
    expect(plannedSpendCents(9_000_000_000_000, 3_000, 9_000)).toBe(3_000_000_000_000);
  });
});

describe('suggestHealth', () => {
  it('is green on plan', () => {
    expect(suggestHealth(onPlan)).toEqual({ light: 'green', reasons: [] });
  });

  it('is amber when an open milestone slipped by 1 to 92 days', () => {
    expect(suggestHealth({ ...onPlan, maxSlipDays: 1 }).light).toBe('amber');
    expect(suggestHealth({ ...onPlan, maxSlipDays: 92 })).toEqual({
      light: 'amber',
      reasons: [{ rule: 'slip', light: 'amber', days: 92 }],
    });
  });

  it('is red when a milestone slipped by more than 92 days', () => {
    expect(suggestHealth({ ...onPlan, maxSlipDays: 93 }).light).toBe('red');
  });

  it('ignores milestones moved earlier than their baseline', () => {
    expect(suggestHealth({ ...onPlan, maxSlipDays: -30 }).light).toBe('green');
  });

  it('is amber when spending deviates from the plan by up to 10 % (either way)', () => {
    const spent = (spentCents: number) => ({ ...onPlan, spending: { ...onPlan.spending!, spentCents } });
    expect(suggestHealth(spent(500_001)).light).toBe('amber');
    expect(suggestHealth(spent(460_000)).light).toBe('amber');
    expect(suggestHealth(spent(550_000)).light).toBe('amber'); // exactly 10 %
    expect(suggestHealth(spent(450_000)).reasons).toEqual([
      { rule: 'spending', light: 'amber', plan_cents: 500_000, spent_cents: 450_000, deviation_percent: 10 },
    ]);
  });

  it('is red when spending deviates from the plan by more than 10 %', () => {
    const spent = (spentCents: number) => ({ ...onPlan, spending: { ...onPlan.spending!, spentCents } });
    expect(suggestHealth(spent(449_999)).light).toBe('red');
    expect(suggestHealth(spent(550_001)).light).toBe('red');
    expect(suggestHealth(spent(0)).light).toBe('red');
  });

  it('does not judge spending before the plan starts (plan 0) or without spending facts', () => {
    expect(
      suggestHealth({
        ...onPlan,
        spending: { budgetCents: 1_000_000, spentCents: 20_000, elapsedDays: 0, totalDays: 200 },
      }).light,
    ).toBe('green');
    expect(suggestHealth({ ...onPlan, spending: null }).light).toBe('green');
  });

  it('is red when an open final milestone is overdue', () => {
    expect(suggestHealth({ ...onPlan, finalOverdue: true })).toEqual({
      light: 'red',
      reasons: [{ rule: 'final_overdue', light: 'red' }],
    });
  });

  it('takes the worst rule and lists every reason', () => {
    const s = suggestHealth({ ...onPlan, maxSlipDays: 10, finalOverdue: true });
    expect(s.light).toBe('red');
    expect(s.reasons.map((r) => r.rule)).toEqual(['slip', 'final_overdue']);
  });

  it('does not judge completed or stopped measures', () => {
    expect(suggestHealth({ ...onPlan, status: 'completed', finalOverdue: true })).toEqual({
      light: null,
      reasons: [],
    });
    expect(suggestHealth({ ...onPlan, status: 'stopped', maxSlipDays: 300 }).light).toBeNull();
  });
});
