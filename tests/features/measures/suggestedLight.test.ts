import {
  slipLight,
  spendingLight,
  suggestHealth,
  type LightFacts,
} from '../../../api/features/measures/suggestedLight';

// Plan to date 1,000,000.00 € (100,000,000 cents): 15 % = 150,000 €, 30 % = 300,000 €.
const PLAN = 100_000_000;
const onPlan: LightFacts = {
  status: 'implementation',
  slip: { milestone: 'Ausschreibung', days: 0 },
  finalOverdue: null,
  spending: { planCents: PLAN, spentCents: PLAN },
};
const slip = (days: number): LightFacts => ({ ...onPlan, slip: { milestone: 'Ausschreibung', days } });
const spent = (spentCents: number, planCents = PLAN): LightFacts => ({
  ...onPlan,
  spending: { planCents, spentCents },
});

describe('slipLight (days an open milestone is behind its baseline)', () => {
  it.each([
    [-30, 'green'],
    [0, 'green'],
    [30, 'green'],
    [31, 'amber'],
    [90, 'amber'],
    [91, 'red'],
  ])('%i days: %s', (days, light) => {
    expect(slipLight(days)).toBe(light);
  });
});

describe('spendingLight (spending against the plan to date)', () => {
  it.each([
    ['on plan', PLAN, 'green'],
    ['15 % over', 115_000_000, 'green'],
    ['15 % under', 85_000_000, 'green'],
    ['a cent beyond 15 % over', 115_000_001, 'amber'],
    ['a cent beyond 15 % under', 84_999_999, 'amber'],
    ['30 % over', 130_000_000, 'amber'],
    ['30 % under', 70_000_000, 'amber'],
    ['a cent beyond 30 % over', 130_000_001, 'red'],
    ['a cent beyond 30 % under', 69_999_999, 'red'],
    ['nothing spent', 0, 'red'],
  ])('%s: %s', (_label, spentCents, light) => {
    expect(spendingLight(PLAN, spentCents)).toBe(light);
  });

  it('ignores deviations under 10,000 € however large in percent, and judges 10,000 € and more', () => {
    // Plan 20,000 €: a deviation of 10,000 € is 50 %.
    expect(spendingLight(2_000_000, 2_999_999)).toBe('green'); // 9,999.99 € over
    expect(spendingLight(2_000_000, 3_000_000)).toBe('red'); // 10,000.00 € over
    expect(spendingLight(2_000_000, 1_000_001)).toBe('green'); // 9,999.99 € under
    expect(spendingLight(2_000_000, 1_000_000)).toBe('red'); // 10,000.00 € under
  });

  it('does not judge a plan of zero (not started yet)', () => {
    expect(spendingLight(0, 5_000_000)).toBe('green');
  });

  it('stays exact for plans times percent beyond 2^53', () => {
    // 100 × diff passes 2^53; all three figures are exact doubles (their spacing here is 16 cents).
    expect(spendingLight(90_000_000_000_000_000, 103_500_000_000_000_000)).toBe('green');
    expect(spendingLight(90_000_000_000_000_000, 103_500_000_000_000_016)).toBe('amber');
  });
});

describe('suggestHealth', () => {
  it('is green on plan', () => {
    expect(suggestHealth(onPlan)).toEqual({ light: 'green', reasons: [] });
  });

  it('stays green up to 30 days behind the baseline; amber from 31 to 90 days; red from 91 days', () => {
    expect(suggestHealth(slip(30))).toEqual({ light: 'green', reasons: [] });
    expect(suggestHealth(slip(31))).toEqual({
      light: 'amber',
      reasons: [{ rule: 'slip', light: 'amber', milestone: 'Ausschreibung', days: 31 }],
    });
    expect(suggestHealth(slip(90)).light).toBe('amber');
    expect(suggestHealth(slip(91))).toEqual({
      light: 'red',
      reasons: [{ rule: 'slip', light: 'red', milestone: 'Ausschreibung', days: 91 }],
    });
  });

  it('ignores milestones moved earlier than their baseline and measures without open milestones', () => {
    expect(suggestHealth(slip(-30)).light).toBe('green');
    expect(suggestHealth({ ...onPlan, slip: null }).light).toBe('green');
  });

  it('is red when the open final milestone is overdue, whatever the slip', () => {
    expect(suggestHealth({ ...onPlan, finalOverdue: { milestone: 'Abnahme', days: 1 } })).toEqual({
      light: 'red',
      reasons: [{ rule: 'final_overdue', light: 'red', milestone: 'Abnahme', days: 1 }],
    });
  });

  it('stays green within ±15 % of the plan, with the direction and the percentage in the reason beyond it', () => {
    expect(suggestHealth(spent(115_000_000))).toEqual({ light: 'green', reasons: [] });
    expect(suggestHealth(spent(85_000_000))).toEqual({ light: 'green', reasons: [] });
    expect(suggestHealth(spent(118_000_000))).toEqual({
      light: 'amber',
      reasons: [
        {
          rule: 'spending',
          light: 'amber',
          direction: 'over',
          plan_cents: PLAN,
          spent_cents: 118_000_000,
          deviation_percent: 18,
        },
      ],
    });
    expect(suggestHealth(spent(77_750_000)).reasons).toEqual([
      {
        rule: 'spending',
        light: 'amber',
        direction: 'under',
        plan_cents: PLAN,
        spent_cents: 77_750_000,
        deviation_percent: 22.3, // 22.25 % to one decimal
      },
    ]);
  });

  it('is amber up to ±30 % and red beyond', () => {
    expect(suggestHealth(spent(130_000_000)).light).toBe('amber');
    expect(suggestHealth(spent(70_000_000)).light).toBe('amber');
    expect(suggestHealth(spent(130_000_001)).light).toBe('red');
    expect(suggestHealth(spent(69_999_999)).light).toBe('red');
  });

  it('ignores a deviation of 9,999.99 € but not one of 10,000 €', () => {
    expect(suggestHealth(spent(2_999_999, 2_000_000))).toEqual({ light: 'green', reasons: [] });
    expect(suggestHealth(spent(3_000_000, 2_000_000)).reasons).toEqual([
      {
        rule: 'spending',
        light: 'red',
        direction: 'over',
        plan_cents: 2_000_000,
        spent_cents: 3_000_000,
        deviation_percent: 50,
      },
    ]);
  });

  it('does not judge spending before the plan starts (plan 0) or without spending facts', () => {
    expect(suggestHealth(spent(2_000_000, 0)).light).toBe('green');
    expect(suggestHealth({ ...onPlan, spending: null }).light).toBe('green');
  });

  it('takes the worse of milestones and spending and lists every reason, the worst first', () => {
    const amberSlipRedSpending = suggestHealth({ ...slip(45), spending: { planCents: PLAN, spentCents: 0 } });
    expect(amberSlipRedSpending.light).toBe('red');
    expect(amberSlipRedSpending.reasons.map((r) => [r.rule, r.light])).toEqual([
      ['spending', 'red'],
      ['slip', 'amber'],
    ]);

    const redSlipAmberSpending = suggestHealth({
      ...slip(120),
      spending: { planCents: PLAN, spentCents: 120_000_000 },
    });
    expect(redSlipAmberSpending.light).toBe('red');
    expect(redSlipAmberSpending.reasons.map((r) => [r.rule, r.light])).toEqual([
      ['slip', 'red'],
      ['spending', 'amber'],
    ]);

    const all = suggestHealth({
      ...slip(200),
      finalOverdue: { milestone: 'Abnahme', days: 3 },
      spending: { planCents: PLAN, spentCents: 140_000_000 },
    });
    expect(all.reasons.map((r) => r.rule)).toEqual(['final_overdue', 'slip', 'spending']);
  });

  it('does not judge completed or stopped measures', () => {
    expect(
      suggestHealth({ ...onPlan, status: 'completed', finalOverdue: { milestone: 'Abnahme', days: 9 } }),
    ).toEqual({ light: null, reasons: [] });
    expect(suggestHealth({ ...slip(300), status: 'stopped' }).light).toBeNull();
  });
});
