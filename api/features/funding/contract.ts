import type { COST_CATEGORIES } from '../../domain';

/**
 * The answers of the funding endpoints (reports/funding, tranche usage, deadlines), shared by the API and the
 * admin (types and plain constants; api/domain is the one import, itself free of dependencies).
 */

export type CostCategory = (typeof COST_CATEGORIES)[number];

/** The figures of one report row; `null` where a figure cannot be attributed to the row. */
export interface Figures {
  planned_cents: number | null;
  approved_cents: number | null;
  requested_cents: number | null;
  received_cents: number | null;
  spent_cents: number;
  federal_share_cents: number;
  own_share_cents: number;
  remaining_cents: number | null;
}

/** The report's money columns in order: per measure every figure, per cost category the spending only. */
export const MEASURE_MONEY_COLUMNS = [
  'planned_cents',
  'approved_cents',
  'requested_cents',
  'received_cents',
  'spent_cents',
  'federal_share_cents',
  'own_share_cents',
  'remaining_cents',
] as const satisfies readonly (keyof Figures)[];
export const CATEGORY_MONEY_COLUMNS = [
  'spent_cents',
  'federal_share_cents',
  'own_share_cents',
] as const satisfies readonly (keyof Figures)[];

export interface MeasureRow extends Figures {
  measure_id: number | null;
  code: string | null;
  title: string;
}

export interface CategoryRow extends Figures {
  cost_category: CostCategory;
  label: string;
  group: 'personnel' | 'material_services' | 'investment';
}

/** The money of a grant from approval to spending, as both the funding report and the dashboard total it. */
export interface MoneyFlow {
  approved_cents: number;
  requested_cents: number;
  received_cents: number;
  spent_cents: number;
  federal_share_cents: number;
  own_share_cents: number;
}

export interface Totals extends MoneyFlow {
  planned_cents: number;
  remaining_cents: number;
  /** Approved minus requested: what can still be drawn. */
  open_to_request_cents: number;
  /** Received on tranches not yet settled and not yet covered by eligible expenditures assigned to them. */
  unspent_cents: number;
}

export interface GrantInfo {
  id: number;
  programme: string;
  funder: string;
  file_number: string;
  phase: string;
  funding_rate_bp: number;
  spend_rule: string;
  approved_cents: number;
  /** Eligible costs the grant notice accepts (the federal share is approved_cents). */
  eligible_cents: number;
  period_start: string;
  period_end: string;
}

export interface FundingReport {
  grant: GrantInfo;
  fiscal_year: number | null;
  rounding_rule: string;
  measures: MeasureRow[];
  categories: CategoryRow[];
  totals: Totals;
}

export interface YearBudget {
  approved_cents: number;
  claimed_cents: number;
  remaining_cents: number;
}

export interface TrancheUsage {
  id: number;
  number: number;
  fiscal_year: number;
  measure_id: number | null;
  status: 'received' | 'settled';
  received_on: string;
  received_cents: number;
  /** Eligible expenditures assigned to the tranche. */
  spent_cents: number;
  unspent_cents: number;
  /** Share used in basis points (spent / received, half up); null when nothing was received. */
  used_bp: number | null;
  spend_deadline: string;
  days_left: number;
}

export interface UsageReport {
  grant_id: number;
  spend_rule: string;
  tranches: TrancheUsage[];
  totals: { received_cents: number; spent_cents: number; unspent_cents: number; used_bp: number | null };
  /** With a fiscal year: what that year's approved budget leaves (the tranche being edited not counted). */
  budget: (YearBudget & { fiscal_year: number }) | null;
}

/** The windows the deadline pages offer (days ahead; `all` = no limit). */
export const DEADLINE_RANGES = ['30', '90', 'all'] as const;
export type DeadlineRange = (typeof DEADLINE_RANGES)[number];

export type DeadlineKind = 'spend_deadline' | 'interim_proof' | 'final_proof' | 'transfer_proof';

export interface DeadlineItem {
  kind: DeadlineKind;
  due_on: string;
  /** Days from today to the due date; negative = overdue. */
  days_left: number;
  overdue: boolean;
  amount_cents: number;
  label: string;
  resource: 'tranches' | 'grant_years' | 'grants' | 'transfers';
  record_id: number;
  grant_id: number;
  /** Interim and final proofs: the state of the latest proof report; other kinds: null. */
  proof_state: 'none' | 'draft' | 'issued' | null;
}

/** The receipt list (Belegliste) of api/features/funding/receipts.ts. */
export interface Receipt {
  id: number;
  booked_on: string;
  /** Zahlungsdatum: the list holds payments only. */
  paid_on: string;
  payee: string;
  description: string | null;
  receipt_no: string | null;
  cost_category: CostCategory;
  measure_code: string;
  amount_cents: number;
  /** A document (the scanned receipt) hangs on the expenditure (#17). */
  has_document: boolean;
}

export interface ReceiptGroup {
  key: string;
  label: string;
  items: Receipt[];
  subtotal_cents: number;
}

export interface ReceiptList {
  grant: {
    id: number;
    programme: string;
    funder: string;
    file_number: string;
    phase: string;
    period_start: string;
    period_end: string;
  };
  fiscal_year: number | null;
  as_of: string;
  groups: ReceiptGroup[];
  total_cents: number;
  count: number;
}
