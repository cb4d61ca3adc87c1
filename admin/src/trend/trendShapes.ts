/** Pure shaping of GET /api/milestones/trend for the MTA chart: dates as whole day numbers (UTC, no time zone). */

import type { TrendMilestone } from '../../../api/features/measures/contract';

export type { TrendMilestone, TrendPoint, TrendResponse } from '../../../api/features/measures/contract';

const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' → days since 1970-01-01. */
export function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** Days since 1970-01-01 → 'YYYY-MM-DD'. */
export function isoFromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Days → '26.11.26' for axis ticks. */
export function dayTick(day: number): string {
  const [y, m, d] = isoFromDay(day).split('-');
  return `${d}.${m}.${y!.slice(2)}`;
}

export interface TrendLinePoint {
  x: number;
  y: number;
  /** The point where the line meets the diagonal: the milestone was reached. */
  reached?: boolean;
}

export interface TrendLine {
  id: number;
  name: string;
  slip_days: number;
  points: TrendLinePoint[];
}

export interface TrendChartData {
  lines: TrendLine[];
  /** [min, max] over both axes, so the diagonal spans the whole chart. */
  domain: [number, number];
}

/**
 * One line per milestone: x = report date, y = forecast date. A reached milestone ends on the diagonal
 * (completed_on, completed_on); a rising line is a slipping one. Milestones without forecasts are left out.
 */
export function shapeTrend(milestones: TrendMilestone[], withMeasureCode: boolean): TrendChartData {
  const lines: TrendLine[] = [];
  for (const m of milestones) {
    if (!m.series.length) continue;
    const points: TrendLinePoint[] = m.series.map((p) => ({
      x: dayNumber(p.reported_on),
      y: dayNumber(p.due_date),
    }));
    const last = m.series[m.series.length - 1]!;
    if (m.completed_on && m.completed_on >= last.reported_on)
      points.push({ x: dayNumber(m.completed_on), y: dayNumber(m.completed_on), reached: true });
    lines.push({
      id: m.id,
      name: withMeasureCode ? `${m.measure_code} · ${m.title}` : m.title,
      slip_days: m.slip_days,
      points,
    });
  }
  const all = lines.flatMap((l) => l.points.flatMap((p) => [p.x, p.y]));
  const domain: [number, number] = all.length ? [Math.min(...all), Math.max(...all)] : [0, 1];
  return { lines, domain };
}

/** Round a domain out to whole months, for readable ticks. */
export function monthDomain([min, max]: [number, number]): [number, number] {
  const start = isoFromDay(min).slice(0, 7) + '-01';
  const [y, m] = isoFromDay(max).split('-').map(Number) as [number, number];
  return [dayNumber(start), Date.UTC(y, m, 1) / DAY_MS];
}

/** Ticks on the first of every n-th month within the domain (n chosen for about eight ticks). */
export function monthTicks([min, max]: [number, number], target = 8): number[] {
  const months = Math.max(1, Math.round((max - min) / 30.44));
  const step = [1, 2, 3, 6, 12, 24].find((s) => months / s <= target) ?? 24;
  const ticks: number[] = [];
  const first = isoFromDay(min);
  let y = Number(first.slice(0, 4));
  let m = Number(first.slice(5, 7)) - 1;
  for (;;) {
    const day = Date.UTC(y, m, 1) / DAY_MS;
    if (day > max) break;
    if (day >= min) ticks.push(day);
    m += step;
    y += Math.floor(m / 12);
    m %= 12;
  }
  return ticks;
}

/** How many lines the chart draws at most, unless the user asks for all. */
export const TREND_LIMITS = [8, 15] as const;

/**
 * The `limit` lines that moved most (largest |slip_days|, then name), in their original order; every line
 * when limit is undefined. The domain stays that of all lines, so the axes do not jump when switching.
 */
export function topLines(data: TrendChartData, limit: number | undefined): TrendChartData {
  if (limit === undefined || data.lines.length <= limit) return data;
  const keep = new Set(
    [...data.lines]
      .sort((a, b) => Math.abs(b.slip_days) - Math.abs(a.slip_days) || a.name.localeCompare(b.name, 'de'))
      .slice(0, limit)
      .map((l) => l.id),
  );
  return { ...data, lines: data.lines.filter((l) => keep.has(l.id)) };
}
