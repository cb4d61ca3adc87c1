import {
  addDaysIso,
  contactsUrl,
  drawdownUrl,
  dueSoonUrl,
  listUrl,
  monthEnd,
  moneyUrl,
  reasonMessage,
  shapeDrawdown,
  shapeHealth,
  shapeKpis,
  shapeMoneyPerYear,
  shapeStatusByField,
  statusByFieldUrl,
  withoutContact,
} from '../../admin/src/dashboard/cockpitShapes';
import type { DashboardResponse as CockpitData } from '../../api/features/dashboard/contract';
import { de } from '../../admin/src/i18n/de';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import { calendarContents } from '../../admin/src/calendar/calendarTexts';
import { localIsoDate, monthLabel, reportPdfUrl } from '../../admin/src/status_reports/issueDefaults';

/** Frozen clock: "today" is what the API reports, fixed here. */
const TODAY = '2026-11-26';

const decodeFilter = (url: string) => JSON.parse(decodeURIComponent(url.split('?filter=')[1]!)) as unknown;

function data(overrides: Partial<CockpitData> = {}): CockpitData {
  return {
    today: TODAY,
    role: 'cdo',
    sections: { money: true, contacts: true },
    measures: {
      total: 3,
      budget_cents: 300,
      weighted_progress: 42.5,
      by_status: {
        idea: 0,
        planning: 1,
        implementation: 2,
        operation: 0,
        completed: 0,
        paused: 0,
        stopped: 0,
      },
      by_health: { green: 2, amber: 0, red: 1 },
      fields_of_action: [
        { id: 2, name: 'Mobilität', colour: '#000000' },
        { id: 1, name: 'Arbeit', colour: '#000000' },
      ],
      status_by_field: [
        { field_of_action_id: 1, status: 'implementation', count: 2 },
        { field_of_action_id: 1, status: 'planning', count: 1 },
      ],
    },
    milestones: { overdue: { count: 2, items: [] }, due_next_30: { count: 0, items: [] } },
    lights: { spending_considered: true, items: [], disagreement_count: 0, disagreements: [] },
    money: {
      years: [],
      total: {
        approved_cents: 1000,
        requested_cents: 0,
        received_cents: 250,
        spent_cents: 0,
        federal_share_cents: 0,
        own_share_cents: 0,
      },
      drawdown: { months: [], plan: [] },
      transfers_awaiting_proof: { count: 1, amount_cents: 5, overdue_count: 1, items: [] },
    },
    contacts: {
      window_days: 90,
      municipalities: [],
      open_follow_ups: { count: 4, overdue_count: 0, items: [] },
    },
    ...overrides,
  };
}

describe('dashboard shaping', () => {
  describe('dates and links', () => {
    it('adds days across month and year ends', () => {
      expect(addDaysIso(TODAY, 30)).toBe('2026-12-26');
      expect(addDaysIso('2026-12-31', 1)).toBe('2027-01-01');
      expect(addDaysIso(TODAY, -90)).toBe('2026-08-28');
      expect(monthEnd('2028-02')).toBe('2028-02-29');
    });

    it('builds react-admin list URLs with a JSON filter', () => {
      expect(listUrl('measures')).toBe('/measures');
      expect(statusByFieldUrl('planning', 3)).toBe(
        `/measures?filter=${encodeURIComponent('{"status":"planning","field_of_action_id":3}')}`,
      );
      expect(decodeFilter(dueSoonUrl(TODAY))).toEqual({
        completed_on_null: true,
        due_date_gte: '2026-11-26',
        due_date_lte: '2026-12-26',
      });
      expect(decodeFilter(contactsUrl(4, TODAY, 90))).toEqual({
        municipality_id: 4,
        contact_on_gte: '2026-08-28',
      });
      expect(decodeFilter(drawdownUrl('2026-02'))).toEqual({
        received_on_gte: '2026-02-01',
        received_on_lte: '2026-02-28',
      });
    });

    it('leads each money series to its own list', () => {
      expect(moneyUrl('approved', 2025)).toMatch(/^\/grant_years\?/);
      expect(decodeFilter(moneyUrl('received', 2025))).toEqual({
        fiscal_year: 2025,
        received_on_null: false,
      });
      expect(decodeFilter(moneyUrl('own_share', 2025))).toEqual({
        booked_on_gte: '2025-01-01',
        booked_on_lte: '2025-12-31',
        eligible: true,
      });
    });
  });

  it('fills every status of every field of action with zeros, fields by name', () => {
    const { rows, statuses } = shapeStatusByField(data().measures);
    expect(rows.map((r) => r.name)).toEqual(['Arbeit', 'Mobilität']);
    expect(rows[0]).toMatchObject({
      field_of_action_id: 1,
      total: 3,
      planning: 1,
      implementation: 2,
      idea: 0,
      stopped: 0,
    });
    expect(rows[1]).toMatchObject({ field_of_action_id: 2, total: 0, planning: 0, implementation: 0 });
    expect(statuses).toEqual(['planning', 'implementation']);
  });

  it('gives all three lights, missing ones as zero', () => {
    expect(shapeHealth({ red: 4 })).toEqual([
      { health: 'green', count: 0 },
      { health: 'amber', count: 0 },
      { health: 'red', count: 4 },
    ]);
  });

  it('fills fiscal years without figures with zeros', () => {
    const year = (fiscal_year: number, approved_cents: number) => ({
      fiscal_year,
      approved_cents,
      requested_cents: 0,
      received_cents: 0,
      spent_cents: 0,
      federal_share_cents: 0,
      own_share_cents: 0,
    });
    const rows = shapeMoneyPerYear([year(2024, 10), year(2026, 30)]);
    expect(rows.map((r) => [r.fiscal_year, r.approved])).toEqual([
      [2024, 10],
      [2025, 0],
      [2026, 30],
    ]);
    expect(shapeMoneyPerYear([])).toEqual([]);
  });

  describe('drawdown against plan', () => {
    const drawdown = {
      months: [
        { month: '2025-03', received_cents: 100, received_cum_cents: 100 },
        { month: '2025-09', received_cents: 200, received_cum_cents: 300 },
      ],
      plan: [
        { fiscal_year: 2025, approved_cents: 1200, approved_cum_cents: 1200 },
        { fiscal_year: 2026, approved_cents: 2400, approved_cum_cents: 3600 },
      ],
    };

    it('runs month by month over the plan years, empty months carrying the total forward', () => {
      const rows = shapeDrawdown(drawdown, TODAY);
      expect(rows).toHaveLength(24);
      expect(rows[0]).toEqual({ month: '2025-01', received_cum: 0, plan_cum: 100 });
      expect(rows.find((r) => r.month === '2025-03')!.received_cum).toBe(100);
      expect(rows.find((r) => r.month === '2025-08')!.received_cum).toBe(100);
      expect(rows.find((r) => r.month === '2025-09')!.received_cum).toBe(300);
    });

    it('plans earlier years in full and the current year pro rata', () => {
      const rows = shapeDrawdown(drawdown, TODAY);
      expect(rows.find((r) => r.month === '2025-12')!.plan_cum).toBe(1200);
      expect(rows.find((r) => r.month === '2026-01')!.plan_cum).toBe(1400);
      expect(rows.find((r) => r.month === '2026-06')!.plan_cum).toBe(2400);
      expect(rows.at(-1)).toEqual({ month: '2026-12', received_cum: null, plan_cum: 3600 });
    });

    it('ends the received line at today', () => {
      const rows = shapeDrawdown(drawdown, TODAY);
      expect(rows.find((r) => r.month === '2026-11')!.received_cum).toBe(300);
      expect(rows.find((r) => r.month === '2026-12')!.received_cum).toBeNull();
    });

    it('reaches to today when the plan ended earlier, and is empty without data', () => {
      const rows = shapeDrawdown(
        { months: [], plan: [{ fiscal_year: 2025, approved_cents: 12, approved_cum_cents: 12 }] },
        '2026-02-10',
      );
      expect(rows.at(-1)).toEqual({ month: '2026-02', received_cum: 0, plan_cum: 12 });
      expect(shapeDrawdown({ months: [], plan: [] }, TODAY)).toEqual([]);
    });
  });

  it('lists municipalities without contact for over 30 days, never contacted first', () => {
    const m = (name: string, days: number | null) => ({
      municipality_id: name.length,
      name,
      contacts_90d: 0,
      last_contact_on: null,
      days_since_contact: days,
      open_follow_ups: 0,
    });
    expect(
      withoutContact([m('Mayen', 30), m('Bendorf', 31), m('Pellenz', null), m('Mendig', 80)]).map(
        (x) => x.name,
      ),
    ).toEqual(['Pellenz', 'Mendig', 'Bendorf']);
  });

  it('explains a suggestion with an i18n key', () => {
    expect(reasonMessage({ rule: 'slip', light: 'amber', milestone: 'Ausschreibung', days: 45 })).toEqual([
      'app.dashboard.reason_slip',
      { milestone: 'Ausschreibung', smart_count: 45 },
    ]);
    const spending = (direction: 'over' | 'under') =>
      reasonMessage({
        rule: 'spending',
        light: 'red',
        direction,
        plan_cents: 100_000_000,
        spent_cents: direction === 'over' ? 131_500_000 : 68_500_000,
        deviation_percent: 31.5,
      });
    expect(spending('over')).toEqual(['app.dashboard.reason_spending_over', { percent: '31,5' }]);
    expect(spending('under')).toEqual(['app.dashboard.reason_spending_under', { percent: '31,5' }]);
    expect(reasonMessage({ rule: 'final_overdue', light: 'red', milestone: 'Abnahme', days: 12 })).toEqual([
      'app.dashboard.reason_final_overdue',
      { milestone: 'Abnahme', smart_count: 12 },
    ]);
  });

  it('words every reason in German, never "neben dem Plan"', () => {
    const german = polyglotI18nProvider(() => de, 'de');
    const t = (key: string, options: Record<string, number | string>) => german.translate(key, options);
    expect(t(...reasonMessage({ rule: 'slip', light: 'amber', milestone: 'Ausschreibung', days: 45 }))).toBe(
      'Meilenstein „Ausschreibung“ 45 Tage hinter Basistermin',
    );
    const spending = (direction: 'over' | 'under', deviation_percent: number) =>
      t(
        ...reasonMessage({
          rule: 'spending',
          light: 'amber',
          direction,
          plan_cents: 100_000_000,
          spent_cents: 0,
          deviation_percent,
        }),
      );
    expect(spending('over', 18)).toBe('Ausgaben 18 % über Plan');
    expect(spending('under', 22.3)).toBe('Ausgaben 22,3 % unter Plan');
    expect(t(...reasonMessage({ rule: 'final_overdue', light: 'red', milestone: 'Abnahme', days: 1 }))).toBe(
      'Abschlussmeilenstein „Abnahme“ seit 1 Tag überfällig',
    );
    expect(JSON.stringify(de)).not.toMatch(/neben dem Plan/);
  });

  describe('key figures', () => {
    it('has money and contact cards only when the answer has those sections', () => {
      expect(shapeKpis(data()).map((k) => k.key)).toEqual([
        'measures',
        'progress',
        'overdue',
        'due_soon',
        'disagreements',
        'received',
        'transfers',
        'follow_ups',
      ]);
      const viewer = shapeKpis(data({ contacts: undefined, sections: { money: true, contacts: false } }));
      expect(viewer.map((k) => k.key)).not.toContain('follow_ups');
      const guide = shapeKpis(data({ money: undefined, sections: { money: false, contacts: true } }));
      expect(guide.map((k) => k.key)).not.toContain('received');
    });

    it('shows received against approved and links every card to its list', () => {
      const kpis = shapeKpis(data());
      expect(kpis.find((k) => k.key === 'received')!.detail).toEqual({
        label: 'app.dashboard.of_approved',
        value: 25,
        format: 'percent',
      });
      expect(kpis.find((k) => k.key === 'overdue')).toMatchObject({ value: 2, tone: 'error' });
      expect(decodeFilter(kpis.find((k) => k.key === 'overdue')!.to)).toEqual({ overdue: true });
      expect(decodeFilter(kpis.find((k) => k.key === 'due_soon')!.to)).toMatchObject({
        due_date_lte: '2026-12-26',
      });
    });
  });
});

describe('status report defaults', () => {
  it('names the month in the UI language', () => {
    expect(monthLabel('2026-11-26', 'de')).toBe('November 2026');
    expect(monthLabel('2026-03-01', 'de')).toBe('März 2026');
    expect(monthLabel('2026-03-01', 'en')).toBe('March 2026');
  });

  it('takes today as the local calendar day', () => {
    expect(localIsoDate(new Date(2026, 10, 26, 23, 59))).toBe('2026-11-26');
  });

  it('links the PDF for download or view', () => {
    expect(reportPdfUrl(7)).toBe('/api/status_reports/7/pdf');
    expect(reportPdfUrl(7, true)).toBe('/api/status_reports/7/pdf?inline=1');
  });
});

describe('calendar page texts', () => {
  it('lists what each role’s calendar holds', () => {
    expect(calendarContents('guide')).toEqual([
      'app.calendar.holds_milestones',
      'app.calendar.holds_follow_ups',
    ]);
    expect(calendarContents('viewer')).toEqual([
      'app.calendar.holds_milestones',
      'app.calendar.holds_spend_deadlines',
      'app.calendar.holds_proofs',
    ]);
    expect(calendarContents('cdo')).toHaveLength(4);
  });
});
