import type { Knex } from 'knex';
import { spendDeadlineSql, unspentSql } from '../funding/deadlineSql';
import type { InterestRisk, InterestRow } from './contract';

/**
 * Interest risk under § 49a (4) VwVfG (README "Zinsrisiko"): for every received (or settled) tranche, its eligible
 * payments in payment-date order (attributed to the tranche: expenditures.tranche_id, paid up to today, as the usage
 * logic counts them). Every euro paid after the spend window's end, and every euro not used yet (unspent in the one
 * definition, `unspentSql`), accrues interest from the day after receipt up to and including its use date (or today)
 * at the base rate of § 247 BGB in force on each day + 5 percentage points: simple interest, actual days / 365, split
 * at each base-rate change; the latest known rate continues. Euros used within the window accrue nothing. Exact
 * rational sums per tranche, rounded half up to the cent once per tranche.
 */

export const SURCHARGE_BP = 500;
const DAY = 86_400_000;
const DENOMINATOR = 10_000n * 365n;

export interface BaseRate {
  valid_from: string;
  rate_bp: number;
}

const dayNo = (iso: string): number =>
  Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;
const isoOf = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

/**
 * Σ days × (base + surcharge) in basis-point days for the days from `from` to `to` (inclusive, ISO dates), split at
 * each change; days before the first rate on record count with base 0 and are reported as missing.
 */
export function rateDays(rates: BaseRate[], from: string, to: string): { bpDays: bigint; missing: boolean } {
  let bpDays = 0n;
  let missing = false;
  const [a, b] = [dayNo(from), dayNo(to)];
  if (b < a) return { bpDays, missing };
  const sorted = [...rates].sort((x, y) => x.valid_from.localeCompare(y.valid_from));
  // Segments [start, end] of constant rate: before the first entry, then from each entry to the day before the next.
  const starts = [Number.NEGATIVE_INFINITY, ...sorted.map((r) => dayNo(r.valid_from))];
  for (let i = 0; i < starts.length; i++) {
    const segStart = Math.max(a, starts[i]!);
    const segEnd = Math.min(b, i + 1 < starts.length ? starts[i + 1]! - 1 : Number.POSITIVE_INFINITY);
    if (segEnd < segStart) continue;
    const days = BigInt(segEnd - segStart + 1);
    if (i === 0) missing = true;
    const base = i === 0 ? 0 : sorted[i - 1]!.rate_bp;
    bpDays += days * BigInt(base + SURCHARGE_BP);
  }
  return { bpDays, missing };
}

/** cents × bp-days / (10,000 × 365), half up (away from zero), to whole cents. */
export function roundedInterest(centsBpDays: bigint): number {
  const sign = centsBpDays < 0n ? -1n : 1n;
  const abs = centsBpDays * sign;
  return Number(((abs * 2n + DENOMINATOR) / (2n * DENOMINATOR)) * sign);
}

export const rateOn = (rates: BaseRate[], day: string): number | null =>
  [...rates].sort((x, y) => y.valid_from.localeCompare(x.valid_from)).find((r) => r.valid_from <= day)
    ?.rate_bp ?? null;

interface TrancheRow {
  tranche_id: number;
  grant_id: number;
  number: number;
  received_on: string;
  received_cents: number;
  window_end: string;
  unspent_cents: number;
  payments: { paid_on: string; amount_cents: number }[];
}

const TRANCHES_SQL = `
select t.id as tranche_id, t.grant_id, t.number, to_char(t.received_on, 'YYYY-MM-DD') as received_on, t.received_cents,
  to_char(${spendDeadlineSql('t', 'g')}, 'YYYY-MM-DD') as window_end, ${unspentSql('t')} as unspent_cents,
  coalesce((select json_agg(json_build_object('paid_on', e.paid_on, 'amount_cents', e.amount_cents) order by e.paid_on, e.id)
    from expenditures e where e.tranche_id = t.id and e.eligible and e.paid_on <= current_date), '[]'::json) as payments
from tranches t join grants g on g.id = t.grant_id
where t.status in ('received', 'settled') and (:grant::int is null or t.grant_id = :grant::int)
order by t.grant_id, t.number`;

export function trancheInterest(
  t: TrancheRow,
  rates: BaseRate[],
  today: string,
): { row: InterestRow; missing: boolean } {
  let left = t.received_cents;
  let late = 0;
  let sum = 0n;
  let missing = false;
  const from = isoOf(dayNo(t.received_on) + 1);
  const accrue = (cents: number, until: string) => {
    const r = rateDays(rates, from, until);
    sum += BigInt(cents) * r.bpDays;
    missing ||= r.missing;
  };
  for (const p of t.payments) {
    // A credit note gives money back: it is unspent again (at most what the tranche has paid out).
    if (p.amount_cents < 0) {
      left = Math.min(t.received_cents, left - p.amount_cents);
      continue;
    }
    const used = Math.min(p.amount_cents, left);
    if (used <= 0) continue;
    left -= used;
    if (p.paid_on > t.window_end) {
      late += used;
      accrue(used, p.paid_on);
    }
  }
  if (t.unspent_cents > 0) accrue(t.unspent_cents, today);
  const todayRate = rateOn(rates, today);
  const perDay = roundedInterest(BigInt(t.unspent_cents) * BigInt((todayRate ?? 0) + SURCHARGE_BP));
  const { payments: _p, unspent_cents, ...rest } = t;
  return {
    row: {
      ...rest,
      late_or_unused_cents: late + unspent_cents,
      interest_cents: roundedInterest(sum),
      per_day_cents: perDay,
    },
    missing,
  };
}

/** The start of the half-year of a day ('YYYY-01-01' or 'YYYY-07-01'), when the base rate changes. */
export const halfYearStart = (day: string): string =>
  `${day.slice(0, 4)}-${day.slice(5, 7) < '07' ? '01' : '07'}-01`;

export async function interestRisk(db: Knex, grantId?: number): Promise<InterestRisk> {
  const [{ rows: tranches }, rates, { rows: todayRows }] = [
    (await db.raw(TRANCHES_SQL, { grant: grantId ?? null })) as { rows: TrancheRow[] },
    (await db('base_rates').select(
      db.raw(`to_char(valid_from, 'YYYY-MM-DD') as valid_from`),
      'rate_bp',
    )) as BaseRate[],
    (await db.raw(`select to_char(current_date, 'YYYY-MM-DD') as today`)) as { rows: [{ today: string }] },
  ];
  const today = todayRows[0].today;
  let missing = !rates.some((r) => r.valid_from >= halfYearStart(today) && r.valid_from <= today);
  const rows = tranches.map((t) => {
    const r = trancheInterest(t, rates, today);
    missing ||= r.missing;
    return r.row;
  });
  return {
    as_of: today,
    rows,
    total: {
      interest_cents: rows.reduce((s, r) => s + r.interest_cents, 0),
      per_day_cents: rows.reduce((s, r) => s + r.per_day_cents, 0),
    },
    base_rate_missing: missing,
    base_rate_bp: rateOn(rates, today),
  };
}
