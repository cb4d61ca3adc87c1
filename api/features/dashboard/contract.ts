import type { HEALTHS, MEASURE_STATUSES, Role } from '../../domain';
import type { MoneyFlow } from '../funding/contract';

/** Parts of the answer of GET /api/dashboard shared by the API and the admin (types only). */

/** Money of one fiscal year; own share = eligible spending minus the federal share. */
export interface YearMoney extends MoneyFlow {
  fiscal_year: number;
}

export type Health = (typeof HEALTHS)[number];
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/**
 * Why the suggested light is worse than green, as a code with its values; the admin words it (German and
 * English catalogues, app.dashboard.reason_*).
 * - slip: the open milestone furthest behind its baseline, `days` = max(due_date, today) − baseline_date;
 * - spending: all spending against the plan to date, `deviation_percent` = |spent − plan| / plan, one decimal;
 * - final_overdue: the open final milestone is `days` past its due date.
 */
export type LightReason =
  | { rule: 'slip'; light: Health; milestone: string; days: number }
  | {
      rule: 'spending';
      light: Health;
      direction: 'over' | 'under';
      plan_cents: number;
      spent_cents: number;
      deviation_percent: number;
    }
  | { rule: 'final_overdue'; light: 'red'; milestone: string; days: number };

/** An open milestone: overdue (days_overdue) or due within 30 days (days_left). */
export interface MilestoneItem {
  id: number;
  title: string;
  due_date: string;
  baseline_date: string;
  is_final: boolean;
  measure_id: number;
  measure_code: string;
  measure_title: string;
  days_overdue?: number;
  days_left?: number;
}

/** A measure's set light beside the suggested one (null: closed, not judged), with the reasons. */
export interface SuggestedLight {
  measure_id: number;
  code: string;
  title: string;
  status: MeasureStatus;
  health: Health;
  suggested: Health | null;
  reasons: LightReason[];
}

export interface MunicipalityContacts {
  municipality_id: number;
  name: string;
  contacts_90d: number;
  last_contact_on: string | null;
  days_since_contact: number | null;
  open_follow_ups: number;
}

/** A paid transfer whose proof of use is still open. */
export interface TransferProofItem {
  id: number;
  measure_id: number;
  measure_code: string;
  recipient: string;
  amount_cents: number;
  paid_on: string;
  proof_due_on: string | null;
  overdue: boolean;
}

/** An open follow-up of the contact log. */
export interface FollowUpItem {
  contact_id: number;
  municipality_id: number;
  municipality: string;
  topic: string;
  follow_up_on: string;
  author: string;
  overdue: boolean;
}

/** The answer of GET /api/dashboard; money and contacts only when the role may read them. */
export interface DashboardResponse {
  today: string;
  role: Role;
  sections: { money: boolean; contacts: boolean };
  measures: {
    total: number;
    budget_cents: number;
    weighted_progress: number | null;
    by_status: Record<MeasureStatus, number>;
    by_health: Record<Health, number>;
    fields_of_action: { id: number; name: string; colour: string }[];
    status_by_field: { field_of_action_id: number; status: MeasureStatus; count: number }[];
  };
  milestones: {
    overdue: { count: number; items: MilestoneItem[] };
    due_next_30: { count: number; items: MilestoneItem[] };
  };
  lights: {
    spending_considered: boolean;
    /** Every measure: the set and the suggested light, with the reasons. */
    items: Pick<SuggestedLight, 'measure_id' | 'code' | 'health' | 'suggested' | 'reasons'>[];
    disagreement_count: number;
    /** Worst suggestion first, at most 50. */
    disagreements: SuggestedLight[];
  };
  money?: {
    years: YearMoney[];
    total: Omit<YearMoney, 'fiscal_year'>;
    drawdown: {
      months: { month: string; received_cents: number; received_cum_cents: number }[];
      plan: { fiscal_year: number; approved_cents: number; approved_cum_cents: number }[];
    };
    transfers_awaiting_proof: {
      count: number;
      amount_cents: number;
      overdue_count: number;
      items: TransferProofItem[];
    };
  };
  contacts?: {
    window_days: number;
    municipalities: MunicipalityContacts[];
    open_follow_ups: {
      count: number;
      overdue_count: number;
      items: FollowUpItem[];
    };
  };
}
