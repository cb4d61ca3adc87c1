import {
  dayNumber,
  dayTick,
  isoFromDay,
  monthDomain,
  monthTicks,
  shapeTrend,
  topLines,
  type TrendMilestone,
} from '../../admin/src/trend/trendShapes';

const milestone = (changes: Partial<TrendMilestone>): TrendMilestone => ({
  id: 1,
  title: 'Vergabe',
  measure_id: 8,
  measure_code: 'M-08',
  measure_title: 'Traumpfade',
  baseline_date: '2026-03-31',
  due_date: '2026-06-30',
  completed_on: null,
  is_final: false,
  slip_days: 91,
  series: [
    { reported_on: '2026-01-01', due_date: '2026-03-31' },
    { reported_on: '2026-02-01', due_date: '2026-06-30' },
  ],
  ...changes,
});

describe('MTA shaping', () => {
  it('turns dates into day numbers and back, unshifted', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(isoFromDay(dayNumber('2026-11-26'))).toBe('2026-11-26');
    expect(dayTick(dayNumber('2026-11-26'))).toBe('26.11.26');
  });

  it('makes one line per milestone: x = report date, y = forecast date', () => {
    const { lines, domain } = shapeTrend([milestone({})], false);
    expect(lines).toEqual([
      {
        id: 1,
        name: 'Vergabe',
        slip_days: 91,
        points: [
          { x: dayNumber('2026-01-01'), y: dayNumber('2026-03-31') },
          { x: dayNumber('2026-02-01'), y: dayNumber('2026-06-30') },
        ],
      },
    ]);
    expect(domain).toEqual([dayNumber('2026-01-01'), dayNumber('2026-06-30')]);
  });

  it('ends a reached milestone on the diagonal and names portfolio lines with the measure', () => {
    const { lines } = shapeTrend([milestone({ completed_on: '2026-07-02' })], true);
    expect(lines[0]!.name).toBe('M-08 · Vergabe');
    expect(lines[0]!.points.at(-1)).toEqual({
      x: dayNumber('2026-07-02'),
      y: dayNumber('2026-07-02'),
      reached: true,
    });
  });

  it('leaves out milestones without forecasts', () => {
    expect(shapeTrend([milestone({ series: [] })], false)).toEqual({ lines: [], domain: [0, 1] });
  });

  it('rounds the axes out to whole months with month ticks', () => {
    const domain = monthDomain([dayNumber('2026-01-15'), dayNumber('2026-06-30')]);
    expect(domain.map(isoFromDay)).toEqual(['2026-01-01', '2026-07-01']);
    expect(monthTicks(domain).map(isoFromDay)).toEqual([
      '2026-01-01',
      '2026-02-01',
      '2026-03-01',
      '2026-04-01',
      '2026-05-01',
      '2026-06-01',
      '2026-07-01',
    ]);
    expect(monthTicks([dayNumber('2022-01-01'), dayNumber('2028-01-01')]).map(isoFromDay)[1]).toBe(
      '2023-01-01',
    );
  });
});

describe('topLines', () => {
  const line = (id: number, slip_days: number) => ({ id, name: `L${id}`, slip_days, points: [] });
  const data = {
    lines: [line(1, 5), line(2, -40), line(3, 0), line(4, 12)],
    domain: [0, 10] as [number, number],
  };

  it('keeps the lines that moved most (either way), in their order, and the domain of all', () => {
    expect(topLines(data, 2)).toEqual({ lines: [line(2, -40), line(4, 12)], domain: [0, 10] });
  });

  it('keeps every line without a limit or when there are few', () => {
    expect(topLines(data, undefined)).toBe(data);
    expect(topLines(data, 8)).toBe(data);
  });
});
