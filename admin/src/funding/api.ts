import { useQuery } from '@tanstack/react-query';
import { useGetList, type RaRecord } from 'react-admin';
import type { DeadlineItem, DeadlineRange } from '../../../api/features/funding/contract';
import { httpClient } from '../providers/httpClient';

/** Shapes of the funding endpoints (api/features/funding/) and the hooks that read them. */

export type {
  CategoryRow,
  DeadlineItem,
  DeadlineKind,
  DeadlineRange,
  Figures,
  FundingReport,
  MeasureRow,
  Totals,
  TrancheUsage,
  UsageReport,
} from '../../../api/features/funding/contract';

export interface GrantRecord extends RaRecord {
  programme: string;
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

export const useDeadlines = (grantId?: number, within: DeadlineRange = '90') =>
  useFundingApi<{ as_of: string; items: DeadlineItem[] }>('deadlines', { grant_id: grantId, within });

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
