import { HEALTHS, MEASURE_STATUSES } from '../../../api/domain';
import type {
  DashboardResponse as CockpitData,
  Health,
  LightReason,
  MeasureStatus,
  MunicipalityContacts,
  YearMoney,
} from '../../../api/features/dashboard/contract';

/**
 * Pure shaping of the dashboard answer into chart rows and list entries (no React, no clock of their own: "today"
 * comes from the API or the test). Empty periods and cells are filled with zeros.
 */

// ---------------------------------------------------------------- dates and links

const pad = (n: number) => String(n).padStart(2, '0');

function utc(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d ?? 1));
}

const isoOf = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** 'YYYY-MM-DD' plus n calendar days. */
export function addDaysIso(iso: string, days: number): string {
  const d = utc(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return isoOf(d);
}

/** 'YYYY-MM' → its last day 'YYYY-MM-DD'. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return isoOf(new Date(Date.UTC(y, m, 0)));
}

/** 'YYYY-MM' → the following month. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${pad(m + 1)}`;
}

/** The react-admin list URL behind a figure: `/measures?filter={"status":"planning"}`. */
export function listUrl(resource: string, filter?: Record<string, unknown>): string {
  return filter && Object.keys(filter).length
    ? `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`
    : `/${resource}`;
}

export const showUrl = (resource: string, id: number) => `/${resource}/${id}/show`;

/** Open milestones due from today to today + 30 days. */
export function dueSoonUrl(today: string): string {
  return listUrl('milestones', {
    completed_on_null: true,
    due_date_gte: today,
    due_date_lte: addDaysIso(today, 30),
  });
}

// ---------------------------------------------------------------- measures

export type StatusByFieldRow = { field_of_action_id: number; name: string; total: number } & Record<
  MeasureStatus,
  number
>;

/** One row per field of action (by name) with a count for every status, zeros included. */
export function shapeStatusByField(measures: CockpitData['measures']): {
  rows: StatusByFieldRow[];
  statuses: MeasureStatus[];
} {
  const rows = [...measures.fields_of_action]
    .sort((a, b) => a.name.localeCompare(b.name, 'de'))
    .map((f) => {
      const row = { field_of_action_id: f.id, name: f.name, total: 0 } as StatusByFieldRow;
      for (const s of MEASURE_STATUSES) row[s] = 0;
      return row;
    });
  for (const cell of measures.status_by_field) {
    const row = rows.find((r) => r.field_of_action_id === cell.field_of_action_id);
    if (!row) continue;
    row[cell.status] += cell.count;
    row.total += cell.count;
  }
  // Only statuses that occur get a bar series (and a legend entry); the rows still carry every status.
  const statuses = MEASURE_STATUSES.filter((s) => rows.some((r) => r[s] > 0));
  return { rows, statuses };
}

export function statusByFieldUrl(status: MeasureStatus, fieldOfActionId: number): string {
  return listUrl('measures', { status, field_of_action_id: fieldOfActionId });
}

export function shapeHealth(byHealth: Partial<Record<Health, number>>): { health: Health; count: number }[] {
  return HEALTHS.map((health) => ({ health, count: byHealth[health] ?? 0 }));
}

// ---------------------------------------------------------------- money

export type MoneySeries = 'approved' | 'requested' | 'received' | 'spent' | 'own_share';
export const MONEY_SERIES: readonly MoneySeries[] = [
  'approved',
  'requested',
  'received',
  'spent',
  'own_share',
];

export type MoneyRow = { fiscal_year: number } & Record<MoneySeries, number>;

/** Every fiscal year from the first to the last with any figure, missing years as zeros (cents). */
export function shapeMoneyPerYear(years: YearMoney[]): MoneyRow[] {
  if (!years.length) return [];
  const first = Math.min(...years.map((y) => y.fiscal_year));
  const last = Math.max(...years.map((y) => y.fiscal_year));
  const rows: MoneyRow[] = [];
  for (let fy = first; fy <= last; fy++) {
    const y = years.find((r) => r.fiscal_year === fy);
    rows.push({
      fiscal_year: fy,
      approved: y?.approved_cents ?? 0,
      requested: y?.requested_cents ?? 0,
      received: y?.received_cents ?? 0,
      spent: y?.spent_cents ?? 0,
      own_share: y?.own_share_cents ?? 0,
    });
  }
  return rows;
}

/** The list behind a bar of the money chart. */
export function moneyUrl(series: MoneySeries, fiscalYear: number): string {
  switch (series) {
    case 'approved':
      return listUrl('grant_years', { fiscal_year: fiscalYear });
    case 'requested':
      return listUrl('tranches', { fiscal_year: fiscalYear, requested_on_null: false });
    case 'received':
      return listUrl('tranches', { fiscal_year: fiscalYear, received_on_null: false });
    default:
      return listUrl('expenditures', {
        booked_on_gte: `${fiscalYear}-01-01`,
        booked_on_lte: `${fiscalYear}-12-31`,
        eligible: true,
      });
  }
}

export interface DrawdownRow {
  month: string;
  /** Cumulative receipts up to the month's end; null after today (the line ends at today). */
  received_cum: number | null;
  /** Cumulative approved plan: earlier years in full, the current year pro rata by month. */
  plan_cum: number;
}

/**
 * Month by month from the first plan year (or first receipt) to the end of the last plan year (or today):
 * cumulative receipts against the cumulative plan. Months without receipts keep the previous total.
 */
export function shapeDrawdown(
  drawdown: NonNullable<CockpitData['money']>['drawdown'],
  today: string,
): DrawdownRow[] {
  const { months, plan } = drawdown;
  if (!months.length && !plan.length) return [];
  const todayMonth = today.slice(0, 7);
  const starts = [...plan.map((p) => `${p.fiscal_year}-01`), ...months.map((m) => m.month)];
  const ends = [...plan.map((p) => `${p.fiscal_year}-12`), ...months.map((m) => m.month), todayMonth];
  const first = starts.sort()[0]!;
  const last = ends.sort().at(-1)!;
  const approvedOf = new Map(plan.map((p) => [p.fiscal_year, p.approved_cents]));
  const receivedOf = new Map(months.map((m) => [m.month, m.received_cum_cents]));

  const rows: DrawdownRow[] = [];
  let received = 0;
  let planBefore = 0; // cumulative approved of the years before the current one
  let year = Number(first.slice(0, 4));
  for (let month = first; month <= last; month = nextMonth(month)) {
    const y = Number(month.slice(0, 4));
    for (; year < y; year++) planBefore += approvedOf.get(year) ?? 0;
    const m = Number(month.slice(5, 7));
    received = receivedOf.get(month) ?? received;
    rows.push({
      month,
      received_cum: month <= todayMonth ? received : null,
      plan_cum: planBefore + Math.round(((approvedOf.get(y) ?? 0) * m) / 12),
    });
  }
  return rows;
}

export function drawdownUrl(month: string): string {
  return listUrl('tranches', { received_on_gte: `${month}-01`, received_on_lte: monthEnd(month) });
}

// ---------------------------------------------------------------- contacts

export function shapeContacts(municipalities: MunicipalityContacts[]): MunicipalityContacts[] {
  return [...municipalities].sort((a, b) => a.name.localeCompare(b.name, 'de'));
}

/** Municipalities without a contact for more than `days` days (never contacted first, then the longest ago). */
export function withoutContact(municipalities: MunicipalityContacts[], days = 30): MunicipalityContacts[] {
  return municipalities
    .filter((m) => m.days_since_contact === null || m.days_since_contact > days)
    .sort(
      (a, b) =>
        (b.days_since_contact ?? Infinity) - (a.days_since_contact ?? Infinity) ||
        a.name.localeCompare(b.name, 'de'),
    );
}

export function contactsUrl(municipalityId: number, today: string, windowDays: number): string {
  return listUrl('contacts', {
    municipality_id: municipalityId,
    contact_on_gte: addDaysIso(today, -windowDays),
  });
}

// ---------------------------------------------------------------- lights

const germanNumber = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });

/** The i18n key and its options that explain a suggestion (the percentage already formatted, e.g. "2,7"). */
export function reasonMessage(reason: LightReason): [string, Record<string, number | string>] {
  switch (reason.rule) {
    case 'slip':
      return ['app.dashboard.reason_slip', { milestone: reason.milestone, smart_count: reason.days }];
    case 'spending':
      return [
        `app.dashboard.reason_spending_${reason.direction}`,
        { percent: germanNumber.format(reason.deviation_percent) },
      ];
    default:
      return [
        'app.dashboard.reason_final_overdue',
        { milestone: reason.milestone, smart_count: reason.days },
      ];
  }
}

/**
 * The measure list filtered to the measures whose set light differs from the suggested one (all of them, not only
 * the worst shown on the card), so the deviation card opens its list like the other cards.
 */
export function disagreementsUrl(lights: Pick<CockpitData['lights'], 'items'>): string {
  const ids = lights.items
    .filter((i) => i.suggested !== null && i.suggested !== i.health)
    .map((i) => i.measure_id);
  return listUrl('measures', { id: ids.length ? ids : [0] });
}

// ---------------------------------------------------------------- key figures

export interface Kpi {
  key: string;
  label: string;
  value: number | null;
  format: 'count' | 'percent' | 'euro';
  to: string;
  /** Secondary figure, e.g. "of approved" or "overdue". */
  detail?: { label: string; value: number; format: 'count' | 'percent' | 'euro' };
  tone?: 'warning' | 'error';
}

/** The KPI cards, each with the list behind it; money and contact cards only when the answer has them. */
export function shapeKpis(data: CockpitData): Kpi[] {
  const { today } = data;
  const kpis: Kpi[] = [
    {
      key: 'measures',
      label: 'app.dashboard.measures_total',
      value: data.measures.total,
      format: 'count',
      to: listUrl('measures'),
    },
    {
      key: 'progress',
      label: 'app.dashboard.weighted_progress',
      value: data.measures.weighted_progress,
      format: 'percent',
      to: listUrl('measures', { status: 'implementation' }),
    },
    {
      key: 'overdue',
      label: 'app.dashboard.overdue_milestones',
      value: data.milestones.overdue.count,
      format: 'count',
      to: listUrl('milestones', { overdue: true }),
      tone: data.milestones.overdue.count ? 'error' : undefined,
    },
    {
      key: 'due_soon',
      label: 'app.dashboard.due_next_30',
      value: data.milestones.due_next_30.count,
      format: 'count',
      to: dueSoonUrl(today),
    },
    {
      key: 'disagreements',
      label: 'app.dashboard.disagreements_short',
      value: data.lights.disagreement_count,
      format: 'count',
      to: disagreementsUrl(data.lights),
      tone: data.lights.disagreement_count ? 'warning' : undefined,
    },
  ];
  if (data.money) {
    const t = data.money.total;
    kpis.push(
      {
        key: 'received',
        label: 'app.dashboard.received',
        value: t.received_cents,
        format: 'euro',
        to: listUrl('tranches', { received_on_null: false }),
        detail: {
          label: 'app.dashboard.of_approved',
          value: t.approved_cents ? Math.round((t.received_cents / t.approved_cents) * 1000) / 10 : 0,
          format: 'percent',
        },
      },
      {
        key: 'transfers',
        label: 'app.dashboard.transfers_awaiting_proof',
        value: data.money.transfers_awaiting_proof.count,
        format: 'count',
        to: listUrl('transfers', { paid_on_null: false, proof_received_on_null: true }),
        detail: {
          label: 'app.dashboard.overdue',
          value: data.money.transfers_awaiting_proof.overdue_count,
          format: 'count',
        },
        tone: data.money.transfers_awaiting_proof.overdue_count ? 'warning' : undefined,
      },
    );
  }
  if (data.contacts)
    kpis.push({
      key: 'follow_ups',
      label: 'app.dashboard.open_follow_ups',
      value: data.contacts.open_follow_ups.count,
      format: 'count',
      to: listUrl('contacts', { follow_up_on_null: false, follow_up_done: false }),
      detail: {
        label: 'app.dashboard.overdue',
        value: data.contacts.open_follow_ups.overdue_count,
        format: 'count',
      },
      tone: data.contacts.open_follow_ups.overdue_count ? 'warning' : undefined,
    });
  return kpis;
}
