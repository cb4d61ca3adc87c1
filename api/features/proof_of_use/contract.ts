import type { CostCategory, GrantInfo, ReceiptList } from '../funding/contract';

/**
 * The answers of the proof-of-use endpoints (plan against actuals, proof of use, interest risk), shared by the
 * API and the admin (types only).
 */

/** The grant as the funding report shows it. */
export type PlanGrant = GrantInfo;

/** Planned against actual for one measure × cost category, a cost category or the whole grant. */
export interface PlanFigures {
  planned_cents: number;
  actual_cents: number;
  /** actual − planned (an overrun is positive). */
  deviation_cents: number;
  /** deviation / planned in basis points (1 % = 100), rounded half away from zero; null without a plan. */
  deviation_bp: number | null;
}

export interface PlanLine extends PlanFigures {
  measure_id: number;
  code: string;
  title: string;
  cost_category: CostCategory;
  /** The plan lines' notes (why a line deviates). */
  note: string | null;
  /** Actual more than 20 % above plan (ANBest-P Nr. 1.2), or spending without any plan. */
  over_20: boolean;
}

export interface PlanCategory extends PlanFigures {
  cost_category: CostCategory;
  label: string;
}

export interface PlanVsActual {
  grant: PlanGrant;
  fiscal_year: number | null;
  as_of: string;
  lines: PlanLine[];
  categories: PlanCategory[];
  total: PlanFigures & { over_total: boolean };
  /** How many lines carry the 20 % flag. */
  flagged: number;
}

/** One row of the numerical proof: per the grant notice / financing plan and per the accounts. */
export interface ProofRow {
  key: string;
  label: string;
  planned_cents: number;
  actual_cents: number;
  /** Share of the column's total in basis points; null when the total is zero. */
  planned_bp: number | null;
  actual_bp: number | null;
  /** actual − planned. */
  difference_cents: number;
}

export interface NumericProof {
  income: ProofRow[];
  spending: ProofRow[];
  /** Income and spending total (equal: the own share balances the accounts). */
  total: ProofRow;
  /** The federal share of the eligible payments by the rounding rule (README "Rundung"), against the grant received. */
  federal_share_cents: number;
  received_cents: number;
}

export interface MeasureNarrative {
  measure_id: number;
  code: string;
  title: string;
  status: string;
  health: string;
  health_note: string | null;
  progress: number;
  milestones_reached: { title: string; completed_on: string; baseline_date: string }[];
  milestones_slipped: {
    title: string;
    baseline_date: string;
    due_date: string;
    completed_on: string | null;
    days: number;
  }[];
  spending: {
    cost_category: CostCategory;
    planned_cents: number;
    actual_cents: number;
    deviation_bp: number | null;
    over_20: boolean;
    note: string | null;
  }[];
  transfers: {
    recipient: string;
    amount_cents: number;
    paid_on: string | null;
    proof_due_on: string | null;
    proof_received_on: string | null;
    proof_checked_on: string | null;
    proof_state: 'checked' | 'received' | 'overdue' | 'open';
  }[];
}

export type ProofKind = 'interim' | 'final';

export interface ProofOfUse {
  grant: GrantInfo;
  kind: ProofKind;
  fiscal_year: number | null;
  period_start: string;
  period_end: string;
  as_of: string;
  /** The stored proof report this document belongs to (null: none yet, a live draft without texts). */
  report: {
    id: number;
    version_no: number;
    status: 'draft' | 'issued';
    issued_on: string | null;
    issued_by: string | null;
  } | null;
  introduction: string | null;
  conclusion: string | null;
  numeric: NumericProof;
  narrative: MeasureNarrative[];
  plan: PlanVsActual;
  receipts: ReceiptList;
}

export interface InterestRow {
  tranche_id: number;
  grant_id: number;
  number: number;
  received_on: string;
  received_cents: number;
  window_end: string;
  late_or_unused_cents: number;
  interest_cents: number;
  per_day_cents: number;
}

export interface InterestRisk {
  as_of: string;
  rows: InterestRow[];
  total: { interest_cents: number; per_day_cents: number };
  /** No base rate on record for the current half-year (or for a day counted). */
  base_rate_missing: boolean;
  /** The base rate in force today in basis points (null: none on record). */
  base_rate_bp: number | null;
}
