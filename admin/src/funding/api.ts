import { useQuery } from '@tanstack/react-query';
import { useGetList, type RaRecord } from 'react-admin';
import { httpClient } from '../providers/httpClient';

/** Shapes of the funding endpoints (api/reports/funding*.ts, deadlines.ts) and the hooks that read them. */

export type DeadlineKind = 'spend_deadline' | 'interim_proof' | 'final_proof' | 'transfer_proof';

export interface DeadlineItem {
  kind: DeadlineKind;
  due_on: string;
  days_left: number;
  overdue: boolean;
  amount_cents: number;
  label: string;
  resource: 'tranches' | 'grant_years' | 'grants' | 'transfers';
  record_id: number;
  grant_id: number;
}

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

export interface MeasureRow extends Figures {
  measure_id: number | null;
  code: string | null;
  title: string;
}

export interface CategoryRow extends Figures {
  cost_category: string;
  group: 'personnel' | 'material_services' | 'investment';
}

export interface FundingTotals {
  planned_cents: number;
  approved_cents: number;
  requested_cents: number;
  received_cents: number;
  spent_cents: number;
  federal_share_cents: number;
  own_share_cents: number;
  remaining_cents: number;
  open_to_request_cents: number;
  unspent_cents: number;
}

export interface FundingReport {
  grant: { id: number; phase: string; file_number: string; funding_rate_bp: number; programme: string };
  fiscal_year: number | null;
  measures: MeasureRow[];
  categories: CategoryRow[];
  totals: FundingTotals;
}

export interface TrancheUsage {
  id: number;
  number: number;
  fiscal_year: number;
  status: 'received' | 'settled';
  received_on: string;
  received_cents: number;
  spent_cents: number;
  unspent_cents: number;
  used_bp: number | null;
  spend_deadline: string;
  days_left: number;
}

export interface UsageReport {
  spend_rule: string;
  tranches: TrancheUsage[];
  totals: { received_cents: number; spent_cents: number; unspent_cents: number; used_bp: number | null };
  budget: {
    fiscal_year: number;
    approved_cents: number;
    claimed_cents: number;
    remaining_cents: number;
  } | null;
}

export interface GrantRecord extends RaRecord {
  phase: string;
  file_number: string;
  period_start: string;
  period_end: string;
  funding_rate_bp: number;
}

/** A query string from defined values only. */
export function queryString(params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  return q.toString();
}

/** GET a funding endpoint through react-admin's query client (cached, refetched on focus). */
export function useFundingApi<T>(
  path: string,
  params: Record<string, string | number | null | undefined>,
  enabled = true,
) {
  const url = `/api/${path}?${queryString(params)}`;
  return useQuery({
    queryKey: ['funding', url],
    queryFn: async () => (await httpClient(url)).json as T,
    enabled,
  });
}

export const useDeadlines = (grantId?: number) =>
  useFundingApi<{ as_of: string; items: DeadlineItem[] }>('deadlines', { grant_id: grantId });

/** All grants, newest period first. */
export const useGrants = () =>
  useGetList<GrantRecord>('grants', {
    sort: { field: 'period_start', order: 'DESC' },
    pagination: { page: 1, perPage: 100 },
  });

/** The grant whose period contains today, else the newest. */
export function currentGrant(grants: GrantRecord[] | undefined, today: string): GrantRecord | undefined {
  return grants?.find((g) => g.period_start <= today && today <= g.period_end) ?? grants?.[0];
}
