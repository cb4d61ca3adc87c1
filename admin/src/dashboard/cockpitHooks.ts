import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { httpClient } from '../providers/httpClient';
import {
  dueSoonUrl,
  shapeContacts,
  shapeDrawdown,
  shapeHealth,
  shapeKpis,
  shapeMoneyPerYear,
  shapeStatusByField,
  withoutContact,
} from './cockpitShapes';
import type { DashboardResponse as CockpitData } from '../../../api/features/dashboard/contract';

/**
 * One hook per card or chart. They all read the one GET /api/dashboard answer (fetched once per visit, shared by
 * react-query) and shape it with the pure functions of cockpitShapes.ts.
 */

export function useCockpitData() {
  return useQuery({
    queryKey: ['cockpit-dashboard'],
    queryFn: async () => (await httpClient('/api/dashboard')).json as CockpitData,
  });
}

export interface Shaped<T> {
  data: T | undefined;
  isPending: boolean;
  error: unknown;
}

function useShaped<T>(shape: (d: CockpitData) => T): Shaped<T> {
  const { data, isPending, error } = useCockpitData();
  const shaped = useMemo(() => (data ? shape(data) : undefined), [data, shape]);
  return { data: shaped, isPending, error };
}

// Shaping functions at module level, so useMemo sees the same function on every render.
const kpis = (d: CockpitData) => shapeKpis(d);
const statusByField = (d: CockpitData) => shapeStatusByField(d.measures);
const health = (d: CockpitData) => shapeHealth(d.measures.by_health);
const moneyPerYear = (d: CockpitData) => (d.money ? shapeMoneyPerYear(d.money.years) : null);
const drawdown = (d: CockpitData) => (d.money ? shapeDrawdown(d.money.drawdown, d.today) : null);
const contacts = (d: CockpitData) =>
  d.contacts
    ? { today: d.today, windowDays: d.contacts.window_days, rows: shapeContacts(d.contacts.municipalities) }
    : null;
const noContact = (d: CockpitData) => (d.contacts ? withoutContact(d.contacts.municipalities, 30) : null);
const overdue = (d: CockpitData) => d.milestones.overdue;
const dueSoon = (d: CockpitData) => ({ ...d.milestones.due_next_30, url: dueSoonUrl(d.today) });
const disagreements = (d: CockpitData) => d.lights;

export const useKpis = () => useShaped(kpis);
export const useStatusByField = () => useShaped(statusByField);
export const useHealthDonut = () => useShaped(health);
export const useMoneyPerYear = () => useShaped(moneyPerYear);
export const useDrawdown = () => useShaped(drawdown);
export const useContactsPerMunicipality = () => useShaped(contacts);
export const useWithoutContact = () => useShaped(noContact);
export const useOverdueMilestones = () => useShaped(overdue);
export const useDueSoonMilestones = () => useShaped(dueSoon);
export const useLightDisagreements = () => useShaped(disagreements);
