/**
 * Whether an impact indicator is on its way to its target: the one definition, as SQL over an indicator alias, used
 * by the indicator list (its `state` field and filter), the summary, the dashboard and the status report snapshot.
 *
 * - The expected value on a date lies on the straight line from (baseline_date, baseline_value) to
 *   (target_date, target_value). Before the baseline date it is the baseline; from the target date on it stays at
 *   the target: after the target date an indicator is on track only once it has reached its target.
 * - The latest value measured on or before the as-of date is compared with the line at its own measurement date.
 *   Its shortfall is how far it lies on the wrong side of the line (direction `higher`: below it; `lower`: above).
 * - on_track: no shortfall (exactly on the line counts); behind: shortfall at most 10 % of the distance
 *   |target − baseline|; off_track: more than that.
 * - stale ("keine aktuellen Werte"): no value at all, or the latest one more than six months before the as-of
 *   date (exactly six months is still current). Stale wins over the comparison.
 *
 * Exact arithmetic: the comparison is multiplied out by the span in days instead of dividing by it, so a value
 * exactly on the line or exactly at the 10 % boundary is classified exactly (numeric, no rounding).
 */

/** Share of the distance |target − baseline| by which a value may fall short and still count as behind. */
export const BEHIND_TOLERANCE = 0.1;
/** Without a value for longer than this, an indicator has no current values. */
export const STALE_AFTER = '6 months';

/** The latest value of indicator `i` measured on or before `asOf` (a lateral subquery's body: measured_on, value). */
export const latestValueSql = (i: string, asOf = 'current_date'): string =>
  `select lv.measured_on, lv.value from indicator_values lv
   where lv.indicator_id = ${i}.id and lv.measured_on <= ${asOf}
   order by lv.measured_on desc limit 1`;

/** The state of a value `v` measured on `on` against indicator `i`'s line (no staleness check). */
export const compareSql = (i: string, v: string, on: string): string => {
  const span = `(${i}.target_date - ${i}.baseline_date)`;
  const elapsed = `least(greatest(${on} - ${i}.baseline_date, 0), ${span})`;
  const sign = `(case ${i}.direction when 'lower' then -1 else 1 end)`;
  // shortfall × span = sign × (expected − v) × span, with expected × span = baseline × span + distance × elapsed.
  const shortfall = `${sign} * ((${i}.target_value - ${i}.baseline_value) * ${elapsed} - (${v} - ${i}.baseline_value) * ${span})`;
  const tolerance = `${BEHIND_TOLERANCE} * abs(${i}.target_value - ${i}.baseline_value) * ${span}`;
  return `case when ${shortfall} <= 0 then 'on_track' when ${shortfall} <= ${tolerance} then 'behind' else 'off_track' end`;
};

/** The state of indicator `i` on `asOf` (a date expression): on_track, behind, off_track or stale. */
export const indicatorStateSql = (i: string, asOf = 'current_date'): string =>
  `(select case
     when l.measured_on is null or l.measured_on < (${asOf} - interval '${STALE_AFTER}')::date then 'stale'
     else ${compareSql(i, 'l.value', 'l.measured_on')} end
   from (select 1) one left join lateral (${latestValueSql(i, asOf)}) l on true)`;

/** The expected value of indicator `i` on date `on`: the point of the line (numeric). */
export const expectedValueSql = (i: string, on: string): string =>
  `(${i}.baseline_value + (${i}.target_value - ${i}.baseline_value) * least(greatest(${on} - ${i}.baseline_date, 0), ${i}.target_date - ${i}.baseline_date)::numeric / (${i}.target_date - ${i}.baseline_date))`;
