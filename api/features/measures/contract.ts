/**
 * The answer of GET /api/milestones/trend, shared by the API and the admin (types only, no dependencies, so the
 * admin's build never pulls in server code).
 */

export interface TrendPoint {
  reported_on: string;
  due_date: string;
}

export interface TrendMilestone {
  id: number;
  title: string;
  measure_id: number;
  measure_code: string;
  measure_title: string;
  baseline_date: string;
  due_date: string;
  completed_on: string | null;
  is_final: boolean;
  slip_days: number;
  series: TrendPoint[];
}

export interface TrendResponse {
  scope: 'measure' | 'portfolio';
  measure: { id: number; code: string; title: string } | null;
  milestones: TrendMilestone[];
}
