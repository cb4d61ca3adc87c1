import type { IndicatorState } from '../../domain';

/** GET /api/indicators/summary: how many indicators are in each state, and how many measures are on their way. */
export interface IndicatorSummary {
  /** The database's current_date, the as-of date of every state. */
  as_of: string;
  total: number;
  counts: Record<IndicatorState, number>;
  /** Measures with at least one indicator. */
  measures: number;
  /** Measures whose indicators are all on track. */
  measures_on_track: number;
}

/** One indicator of a measure as a status report freezes it (snapshot[].indicators). */
export interface IndicatorSnapshot {
  id: number;
  name: string;
  unit: string;
  direction: 'higher' | 'lower';
  baseline_value: number;
  target_value: number;
  target_date: string;
  latest_value: number | null;
  latest_measured_on: string | null;
  /** The line's value at the latest measurement; null without a value. */
  expected_value: number | null;
  state: IndicatorState;
}
