import type { Health } from '../dashboard/contract';

/** The answer of GET /api/status_reports/:id/comparison, shared by the API and the admin (types only). */

export interface HealthChange {
  measure_id: number;
  code: string;
  title: string;
  from: Health;
  to: Health;
}

export interface SlippedMilestone {
  milestone_id: number;
  title: string;
  measure_id: number;
  code: string;
  measure_title: string;
  from: string;
  to: string;
  days: number;
}

export interface MeasureRef {
  measure_id: number;
  code: string;
  title: string;
  status: string;
  health: string;
}

export interface ClosedMeasure {
  measure_id: number;
  code: string;
  title: string;
  status_before: string;
  /** null when the measure no longer exists. */
  status_now: string | null;
}

export interface SnapshotChanges {
  health_changes: HealthChange[];
  slipped_milestones: SlippedMilestone[];
  new_measures: MeasureRef[];
  closed_measures: ClosedMeasure[];
}

export interface ReportComparison extends SnapshotChanges {
  report: { id: number; title: string; reported_on: string };
  previous: { id: number; title: string; reported_on: string } | null;
}
