import type { Knex } from 'knex';

/** Helpers for the demo data: a seeded PRNG, calendar-date arithmetic on 'YYYY-MM-DD' strings, chunked inserts. */

/** "Today" in the demo world. */
export const TODAY = '2026-11-26';

/** mulberry32: a tiny, fast, seeded PRNG; every run with the same seed yields the same sequence. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by weight: [[value, weight], ...]. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [value, w] of items) {
      r -= w;
      if (r < 0) return value;
    }
    return items[items.length - 1]![0];
  }

  /** k distinct items in their original order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const idx = items.map((_, i) => i);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [idx[i], idx[j]] = [idx[j]!, idx[i]!];
    }
    return idx
      .slice(0, Math.min(k, items.length))
      .sort((a, b) => a - b)
      .map((i) => items[i]!);
  }
}

// ---- calendar dates as 'YYYY-MM-DD' (UTC arithmetic, no time zone involved) ----

const DAY_MS = 86_400_000;

function toMs(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function fromMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return fromMs(toMs(iso) + days * DAY_MS);
}

/** Adds calendar months; the day is clamped to the last day of the target month. */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const first = Date.UTC(y, m - 1 + months, 1);
  const target = new Date(first);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return fromMs(first + (Math.min(d, lastDay) - 1) * DAY_MS);
}

export function diffDays(from: string, to: string): number {
  return Math.round((toMs(to) - toMs(from)) / DAY_MS);
}

export function firstOfMonth(iso: string): string {
  return `${iso.slice(0, 7)}-01`;
}

/** Moves Saturday and Sunday to the following Monday. */
export function weekday(iso: string): string {
  const dow = new Date(toMs(iso)).getUTCDay();
  if (dow === 6) return addDays(iso, 2);
  if (dow === 0) return addDays(iso, 1);
  return iso;
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

/** A day between from and to (both inclusive). */
export function dateBetween(rng: Rng, from: string, to: string): string {
  return addDays(from, rng.int(0, Math.max(0, diffDays(from, to))));
}

export const euro = (amount: number): number => Math.round(amount * 100);

// ---- inserts ----

/**
 * Inserts rows in chunks and returns their ids in row order. When `key` is given, the returned
 * key column is compared with the row's value, so a reordered RETURNING would fail loudly.
 */
export async function insertIds(
  db: Knex,
  table: string,
  rows: Record<string, unknown>[],
  key?: string,
  chunkSize = 500,
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += chunkSize) {
    const chunk = rows.slice(i, i + chunkSize);
    const returned = (await db(table)
      .insert(chunk)
      .returning(key ? ['id', key] : ['id'])) as Record<string, unknown>[];
    returned.forEach((r, j) => {
      if (key && String(r[key]) !== String(chunk[j]![key]))
        throw new Error(`${table}: RETURNING order differs`);
      ids.push(Number(r.id));
    });
  }
  return ids;
}

export async function insertAll(db: Knex, table: string, rows: Record<string, unknown>[], chunkSize = 500) {
  for (let i = 0; i < rows.length; i += chunkSize) await db(table).insert(rows.slice(i, i + chunkSize));
}
