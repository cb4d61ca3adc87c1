/** The answer of GET /api/dashboard (api/features/dashboard/dashboard.ts); money and contacts only when the role may read them. */
import type { Health, LightReason, YearMoney } from '../../../api/features/dashboard/contract';

export type { Health, LightReason };
export type MeasureStatus =
  'idea' | 'planning' | 'implementation' | 'operation' | 'completed' | 'paused' | 'stopped';

export const MEASURE_STATUSES: readonly MeasureStatus[] = [
  'idea',
  'planning',
  'implementation',
  'operation',
  'completed',
  'paused',
  'stopped',
];
export const HEALTHS: readonly Health[] = ['green', 'amber', 'red'];

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

export interface SuggestedLight {
  measure_id: number;
  code: string;
  title: string;
  status: MeasureStatus;
  health: Health;
  suggested: Health | null;
  reasons: LightReason[];
}

export type { YearMoney } from '../../../api/features/dashboard/contract';

export interface MunicipalityContacts {
  municipality_id: number;
  name: string;
  contacts_90d: number;
  last_contact_on: string | null;
  days_since_contact: number | null;
  open_follow_ups: number;
}

export interface CockpitData {
  today: string;
  role: string;
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
    /** Every measure: the set and the suggested light (null: closed, not judged), with the reasons. */
    items: Pick<SuggestedLight, 'measure_id' | 'code' | 'health' | 'suggested' | 'reasons'>[];
    disagreement_count: number;
    /** Worst suggestion first, at most 50, with the reasons. */
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
      items: {
        id: number;
        measure_id: number;
        measure_code: string;
        recipient: string;
        amount_cents: number;
        paid_on: string;
        proof_due_on: string | null;
        overdue: boolean;
      }[];
    };
  };
  contacts?: {
    window_days: number;
    municipalities: MunicipalityContacts[];
    open_follow_ups: {
      count: number;
      overdue_count: number;
      items: {
        contact_id: number;
        municipality_id: number;
        municipality: string;
        topic: string;
        follow_up_on: string;
        author: string;
        overdue: boolean;
      }[];
    };
  };
}
