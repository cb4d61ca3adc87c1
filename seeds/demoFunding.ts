import { EXPENDITURE_TEXTS, INELIGIBLE_TEXTS, PARTNERS, PAYEES, type MunicipalityName } from './demoData';
import type { MeasureDef, MilestoneKind } from './demoMeasures';
import type { Rng } from './util';
import { addDays, addMonths, dateBetween, diffDays, euro, minDate, TODAY, weekday, yearOf } from './util';

/** Grants, yearly budgets, tranches, expenditures and transfers of the demo, as plain rows keyed by codes. */

export type GrantKey = 'A' | 'B';
type Category = 'personnel' | 'material' | 'services' | 'investment' | 'other';

export const FUNDING_RATE_BP = 6500;

/** Approved amount from eligible costs: eligible × rate, rounded half up to the cent. */
export function approvedFrom(eligibleCents: number, rateBp = FUNDING_RATE_BP): number {
  return Math.floor((eligibleCents * rateBp + 5000) / 10000);
}

export interface GrantPlan {
  key: GrantKey;
  row: Record<string, unknown>;
  years: { fiscal_year: number; approved_cents: number; interim_proof_due_on: string }[];
}

function grant(
  key: GrantKey,
  phase: string,
  fileNumber: string,
  committed: string,
  period: [string, string],
  eligible: number,
  proofMonths: number,
  yearShares: [number, number][],
  notes: string,
): GrantPlan {
  const approved = approvedFrom(eligible);
  const years = yearShares.map(([fy, cents]) => ({
    fiscal_year: fy,
    approved_cents: cents,
    interim_proof_due_on: `${fy + 1}-04-30`,
  }));
  // The last year takes the remainder, so the years add up to the approved amount exactly.
  const rest = approved - years.slice(0, -1).reduce((s, y) => s + y.approved_cents, 0);
  years[years.length - 1]!.approved_cents = rest;
  return {
    key,
    years,
    row: {
      programme: 'Modellprojekte Smart Cities (KfW 436)',
      funder: 'KfW im Auftrag des BMWSB',
      file_number: fileNumber,
      phase,
      committed_on: committed,
      period_start: period[0],
      period_end: period[1],
      eligible_cents: eligible,
      funding_rate_bp: FUNDING_RATE_BP,
      approved_cents: approved,
      spend_rule: 'anbest_gk',
      proof_due_on: addMonths(committed, proofMonths),
      notes,
    },
  };
}

// Phase A: 3.5 M€ eligible → 2.275 M€; phase B: 14.04 M€ eligible → 9.125 M€; together 11.4 M€.
export const GRANTS: GrantPlan[] = [
  grant(
    'A',
    'A – Strategie',
    'KfW-436-MPSC2-0417-A',
    '2021-03-15',
    ['2021-01-01', '2023-06-30'],
    350_000_000,
    30,
    [
      [2021, 5_000_000],
      [2022, 150_000_000],
      [2023, 0],
    ],
    'Zuwendungsbescheid Strategiephase. Verwendungsnachweis spätestens 30 Monate nach Zusage.',
  ),
  grant(
    'B',
    'B – Umsetzung',
    'KfW-436-MPSC2-0417-B',
    '2023-06-20',
    ['2023-07-01', '2027-12-31'],
    1_403_846_154,
    66,
    [
      [2023, 60_000_000],
      [2024, 190_000_000],
      [2025, 235_000_000],
      [2026, 245_000_000],
      [2027, 0],
    ],
    'Zuwendungsbescheid Umsetzungsphase. Verwendungsnachweis spätestens 5 Jahre und 6 Monate nach Zusage, zusammen mit der Schlussrate.',
  ),
];

export interface ExpenditurePlan {
  measure: string;
  grant: GrantKey;
  tranche: number | null; // index into the tranche list
  booked_on: string;
  amount_cents: number;
  cost_category: Category;
  payee: string;
  receipt_no: string;
  description: string;
  eligible: boolean;
}

export interface TranchePlan {
  grant: GrantKey;
  measure: string | null;
  fiscal_year: number;
  number: number;
  is_final: boolean;
  requested_on: string | null;
  requested_cents: number;
  received_on: string | null;
  received_cents: number | null;
  status: 'planned' | 'requested' | 'received' | 'settled';
  justification: string | null;
  notes: string | null;
}

export interface TransferPlan {
  grant: GrantKey;
  measure: string;
  municipality?: MunicipalityName;
  partner?: string;
  payee: string;
  amount_cents: number;
  contract_on: string;
  paid_on: string | null;
  proof_due_on: string;
  proof_received_on: string | null;
  proof_checked_on: string | null;
  notes: string;
}

export const TRANSFERS: TransferPlan[] = [
  {
    grant: 'A',
    measure: 'M-14',
    partner: 'MakerSpace Mayen-Koblenz gGmbH',
    payee: 'MakerSpace Mayen-Koblenz gGmbH',
    amount_cents: euro(100_000),
    contract_on: '2022-05-10',
    paid_on: '2022-06-01',
    proof_due_on: '2023-06-30',
    proof_received_on: '2023-06-26',
    proof_checked_on: '2023-07-12',
    notes: 'Weiterleitung für Ausstattung und Kursprogramm des MakerSpace.',
  },
  {
    grant: 'B',
    measure: 'M-02',
    municipality: 'Mendig',
    payee: 'Verbandsgemeinde Mendig',
    amount_cents: euro(40_000),
    contract_on: '2024-03-12',
    paid_on: '2024-04-08',
    proof_due_on: '2025-06-30',
    proof_received_on: '2025-06-23',
    proof_checked_on: '2025-07-16',
    notes: 'Weiterleitung für lokale Projekte: Ausstattung RegioHub Altes Pfarrhaus Rieden.',
  },
  {
    grant: 'B',
    measure: 'M-12',
    municipality: 'Andernach',
    payee: 'Stadt Andernach',
    amount_cents: euro(40_000),
    contract_on: '2024-07-02',
    paid_on: '2024-07-22',
    proof_due_on: '2026-03-31',
    proof_received_on: '2026-03-27',
    proof_checked_on: null,
    notes:
      'Weiterleitung für lokale Projekte: Vermessung und Datenaufbereitung Bahnhofstraße. Prüfung des Nachweises läuft.',
  },
  {
    grant: 'B',
    measure: 'M-10',
    partner: 'Heimat- und Verkehrsverein Rieden e.V.',
    payee: 'Heimat- und Verkehrsverein Rieden e.V.',
    amount_cents: euro(15_000),
    contract_on: '2024-05-06',
    paid_on: '2024-05-27',
    proof_due_on: '2026-06-30',
    proof_received_on: '2026-06-15',
    proof_checked_on: '2026-07-20',
    notes: 'Weiterleitung für Beschilderung und Informationsstelen am Waldsee.',
  },
  {
    grant: 'B',
    measure: 'M-20',
    municipality: 'Maifeld',
    payee: 'Verbandsgemeinde Maifeld',
    amount_cents: euro(35_000),
    contract_on: '2025-02-18',
    paid_on: '2025-03-10',
    proof_due_on: '2026-09-30',
    proof_received_on: null,
    proof_checked_on: null,
    notes: 'Weiterleitung für die Leerstandsbörse. Nachweis überfällig, Erinnerung am 14.10.2026 verschickt.',
  },
  {
    grant: 'B',
    measure: 'M-05',
    municipality: 'Vordereifel',
    payee: 'Verbandsgemeinde Vordereifel',
    amount_cents: euro(25_000),
    contract_on: '2026-04-14',
    paid_on: '2026-05-05',
    proof_due_on: '2027-06-30',
    proof_received_on: null,
    proof_checked_on: null,
    notes: 'Weiterleitung für den zweiten Amt-O-Mat-Standort.',
  },
  {
    grant: 'B',
    measure: 'M-04',
    municipality: 'Bendorf',
    payee: 'Stadt Bendorf',
    amount_cents: euro(30_000),
    contract_on: '2026-10-15',
    paid_on: '2026-11-02',
    proof_due_on: '2027-12-31',
    proof_received_on: null,
    proof_checked_on: null,
    notes: 'Weiterleitung für die Bühnentechnik im Ideenkino.',
  },
];

interface TrancheSpec {
  grant: GrantKey;
  fy: number;
  requested?: string;
  received?: string;
  status: TranchePlan['status'];
  measure?: string;
  amount?: number; // euros; otherwise derived from the expenditures the tranche pays
  final?: boolean;
  share?: number; // received / requested
  note?: string;
}

const TRANCHE_SPECS: TrancheSpec[] = [
  { grant: 'A', fy: 2022, requested: '2022-02-14', received: '2022-03-08', status: 'settled' },
  { grant: 'A', fy: 2022, requested: '2022-06-13', received: '2022-07-04', status: 'settled' },
  { grant: 'A', fy: 2022, requested: '2022-10-10', received: '2022-11-02', status: 'settled' },
  { grant: 'A', fy: 2023, requested: '2023-02-13', received: '2023-03-06', status: 'settled' },
  {
    grant: 'A',
    fy: 2023,
    requested: '2023-09-11',
    received: '2023-12-04',
    status: 'settled',
    final: true,
    note: 'Schlussrate Phase A, mit dem Verwendungsnachweis angefordert.',
  },
  { grant: 'B', fy: 2023, requested: '2023-11-13', received: '2023-12-05', status: 'settled' },
  { grant: 'B', fy: 2024, requested: '2024-03-11', received: '2024-04-02', status: 'settled' },
  {
    grant: 'B',
    fy: 2024,
    requested: '2024-06-10',
    received: '2024-07-01',
    status: 'settled',
    share: 0.97,
    note: 'Auszahlung um 3 % gekürzt: Belege zu Reisekosten nachgefordert.',
  },
  { grant: 'B', fy: 2024, requested: '2024-09-09', received: '2024-10-01', status: 'settled' },
  { grant: 'B', fy: 2024, requested: '2024-11-18', received: '2024-12-09', status: 'settled' },
  { grant: 'B', fy: 2025, requested: '2025-02-10', received: '2025-03-04', status: 'settled' },
  {
    grant: 'B',
    fy: 2025,
    requested: '2025-05-12',
    received: '2025-06-03',
    status: 'settled',
    measure: 'M-06',
    amount: 120_000,
    note: 'Gesonderter Abruf für die Telemedizin-Ausstattung.',
  },
  { grant: 'B', fy: 2025, requested: '2025-08-11', received: '2025-09-02', status: 'settled' },
  { grant: 'B', fy: 2025, requested: '2025-11-10', received: '2025-12-02', status: 'settled' },
  { grant: 'B', fy: 2026, requested: '2026-02-09', received: '2026-03-03', status: 'settled' },
  { grant: 'B', fy: 2026, requested: '2026-05-11', received: '2026-06-02', status: 'settled' },
  {
    grant: 'B',
    fy: 2026,
    requested: '2026-08-24',
    received: '2026-09-15',
    status: 'received',
    amount: 380_000,
  },
  {
    grant: 'B',
    fy: 2026,
    requested: '2026-09-28',
    received: '2026-10-14',
    status: 'received',
    measure: 'M-04',
    amount: 150_000,
    note: 'Abruf für den Umbau des Ideenkinos.',
  },
  {
    grant: 'B',
    fy: 2026,
    requested: '2026-10-26',
    received: '2026-11-10',
    status: 'received',
    amount: 320_000,
  },
  {
    grant: 'B',
    fy: 2026,
    requested: '2026-11-20',
    status: 'requested',
    amount: 290_000,
    note: 'Auszahlung durch die KfW ausstehend.',
  },
  { grant: 'B', fy: 2026, status: 'planned', amount: 160_000, note: 'Abruf im Dezember vorgesehen.' },
  { grant: 'B', fy: 2027, status: 'planned', amount: 450_000 },
  { grant: 'B', fy: 2027, status: 'planned', amount: 480_000 },
  {
    grant: 'B',
    fy: 2027,
    status: 'planned',
    amount: 456_250,
    final: true,
    note: 'Schlussrate Phase B, mit dem Verwendungsnachweis anzufordern.',
  },
];

const CATEGORY_WEIGHTS: Record<MilestoneKind, [Exclude<Category, 'personnel'>, number][]> = {
  build: [
    ['investment', 45],
    ['material', 25],
    ['services', 25],
    ['other', 5],
  ],
  hub: [
    ['investment', 40],
    ['material', 20],
    ['services', 30],
    ['other', 10],
  ],
  digital: [
    ['services', 70],
    ['material', 15],
    ['investment', 10],
    ['other', 5],
  ],
  service: [
    ['services', 65],
    ['material', 15],
    ['investment', 10],
    ['other', 10],
  ],
  strategy: [
    ['services', 80],
    ['other', 15],
    ['material', 5],
  ],
};

/** Monthly salaries of the staff unit, booked on the measures that carry them. */
const PERSONNEL: { measure: string; from: string; to: string; min: number; max: number }[] = [
  { measure: 'M-22', from: '2021-01-25', to: '2023-06-25', min: 29_000, max: 33_500 },
  { measure: 'M-25', from: '2023-07-25', to: '2026-10-25', min: 37_500, max: 42_500 },
];

function spendWindow(m: MeasureDef): [string, string] {
  if (m.status === 'paused') return [m.start, '2025-10-31'];
  if (m.status === 'stopped') return [m.start, '2025-09-30'];
  return [m.start, minDate(m.end, addDays(TODAY, -1))];
}

function spendShare(rng: Rng, m: MeasureDef): number {
  const [from, to] = spendWindow(m);
  if (m.status === 'idea' || from >= TODAY) return 0;
  if (m.status === 'completed') return 0.93 + rng.next() * 0.07;
  if (m.status === 'stopped' || m.status === 'paused') return m.progress / 100;
  // Open measures spend close to the time-proportional plan (within the suggested light's ±15 %), unless the
  // measure is a designed exception (MeasureDef.spendVsPlan).
  const elapsed = diffDays(m.start, to) / diffDays(m.start, m.end);
  const factor = 0.93 + rng.next() * 0.1;
  return Math.min(0.95, elapsed * (m.spendVsPlan ?? factor));
}

const grantFor = (date: string): GrantKey => (date <= '2023-06-30' ? 'A' : 'B');

function fill(template: string, m: MeasureDef, k: number): string {
  return template.replace('{s}', m.short).replace('{k}', String(k));
}

export function buildExpenditures(rng: Rng, measures: MeasureDef[]): Omit<ExpenditurePlan, 'receipt_no'>[] {
  const out: Omit<ExpenditurePlan, 'receipt_no'>[] = [];
  const sectorOf = new Map(PARTNERS.map((p) => [p.name, p.sector]));
  for (const p of PERSONNEL) {
    for (let d = p.from; d <= p.to; d = addMonths(d, 1)) {
      const day = weekday(d);
      out.push({
        measure: p.measure,
        grant: grantFor(day),
        tranche: null,
        booked_on: day,
        amount_cents: rng.int(p.min * 100, p.max * 100),
        cost_category: 'personnel',
        payee: 'Personalkosten Stabsstelle',
        description: `Personalkosten Stabsstelle Smart Cities ${d.slice(5, 7)}/${d.slice(0, 4)}`,
        eligible: true,
      });
    }
  }
  for (const m of measures) {
    // Personnel costs and paid transfers are part of the measure's spending share, not on top of it.
    const personnel = out.filter((e) => e.measure === m.code).reduce((s, e) => s + e.amount_cents, 0);
    const transferred = TRANSFERS.filter((t) => t.measure === m.code && t.paid_on).reduce(
      (s, t) => s + t.amount_cents,
      0,
    );
    const total = Math.round(euro(m.budget) * spendShare(rng, m)) - personnel - transferred;
    if (total <= 0) continue;
    const [from, to] = spendWindow(m);
    const n = Math.max(1, Math.min(22, Math.round(total / 3_000_000)));
    const weights = Array.from({ length: n }, () => 0.4 + rng.next() * 1.2);
    const sumW = weights.reduce((s, w) => s + w, 0);
    const dates = Array.from({ length: n }, () => weekday(dateBetween(rng, addDays(from, 14), to))).sort();
    const firms = m.partners.map(([name]) => name).filter((name) => sectorOf.get(name) === 'business');
    let left = total;
    for (let i = 0; i < n; i++) {
      const amount = i === n - 1 ? left : Math.round((total * weights[i]!) / sumW);
      left -= amount;
      const cat = rng.weighted(CATEGORY_WEIGHTS[m.kind]);
      const payee =
        firms.length > 0 && cat !== 'other' && rng.chance(0.5) ? rng.pick(firms) : rng.pick(PAYEES[cat]);
      const date = minDate(dates[i]!, to);
      out.push({
        measure: m.code,
        grant: grantFor(date),
        tranche: null,
        booked_on: date,
        amount_cents: amount,
        cost_category: cat,
        payee,
        description: fill(rng.pick(EXPENDITURE_TEXTS[cat]), m, i + 1),
        eligible: true,
      });
      if (rng.chance(0.05)) {
        const d = weekday(dateBetween(rng, addDays(from, 14), to));
        out.push({
          measure: m.code,
          grant: grantFor(d),
          tranche: null,
          booked_on: minDate(d, to),
          amount_cents: rng.int(15_000, 180_000),
          cost_category: 'other',
          payee: rng.pick(PAYEES.other),
          description: fill(rng.pick(INELIGIBLE_TEXTS), m, i + 1),
          eligible: false,
        });
      }
    }
  }
  for (const t of TRANSFERS) {
    if (!t.paid_on) continue;
    out.push({
      measure: t.measure,
      grant: t.grant,
      tranche: null,
      booked_on: t.paid_on,
      amount_cents: t.amount_cents,
      cost_category: 'other',
      payee: t.payee,
      description: `Weiterleitung gemäß Vertrag vom ${t.contract_on.split('-').reverse().join('.')}`,
      eligible: true,
    });
  }
  return out;
}

/**
 * When an expenditure was paid: salaries and transfers on their booking day, invoices 5 to 30 days after booking
 * (a weekday; the lag follows from the amount, so the data stays deterministic without drawing from the PRNG). An
 * invoice whose payment would fall after "today" is still open (null).
 */
export function paymentDate(
  e: Pick<ExpenditurePlan, 'booked_on' | 'amount_cents' | 'cost_category' | 'payee'>,
): string | null {
  const immediate =
    e.cost_category === 'personnel' || e.payee.startsWith('Personalkosten') || e.cost_category === 'other';
  const paid = immediate ? e.booked_on : weekday(addDays(e.booked_on, 5 + (e.amount_cents % 26)));
  return paid <= TODAY ? paid : null;
}

/** Numbers receipts per year in booking order: RE-2024-0001 … */
export function numberReceipts(rows: Omit<ExpenditurePlan, 'receipt_no'>[]): ExpenditurePlan[] {
  const sorted = [...rows].sort(
    (a, b) =>
      a.booked_on.localeCompare(b.booked_on) ||
      a.measure.localeCompare(b.measure) ||
      a.amount_cents - b.amount_cents,
  );
  const counter = new Map<number, number>();
  return sorted.map((e) => {
    const y = yearOf(e.booked_on);
    const n = (counter.get(y) ?? 0) + 1;
    counter.set(y, n);
    return { ...e, receipt_no: `RE-${y}-${String(n).padStart(4, '0')}` };
  });
}

const roundDown100 = (cents: number): number => Math.floor(cents / 10_000) * 10_000;

/**
 * Builds the tranches and links expenditures to the received ones: each received tranche pays
 * eligible expenditures of its grant (and measure) in booking order, never more than it received.
 */
export function buildTranches(expenditures: ExpenditurePlan[]): TranchePlan[] {
  const tranches: TranchePlan[] = [];
  const numbers = new Map<GrantKey, number>();
  const cursor = new Map<GrantKey, string>();
  const yearLeft = new Map<string, number>();
  const grantLeft = new Map<GrantKey, number>();
  for (const g of GRANTS) {
    grantLeft.set(g.key, g.row.approved_cents as number);
    for (const y of g.years) yearLeft.set(`${g.key}${y.fiscal_year}`, y.approved_cents);
  }
  const receivedSoFar = new Map<GrantKey, number>();
  for (const spec of TRANCHE_SPECS) {
    const open = expenditures.filter(
      (e) =>
        e.eligible &&
        e.tranche === null &&
        e.grant === spec.grant &&
        (!spec.measure || e.measure === spec.measure),
    );
    let candidates: ExpenditurePlan[] = [];
    let requested: number;
    if (spec.received && spec.measure) {
      // A tranche for one measure pays that measure's invoices from shortly before its receipt on.
      const from = addMonths(spec.received, spec.status === 'settled' ? -3 : 0);
      candidates = open.filter((e) => e.booked_on >= from);
      requested = euro(spec.amount ?? 0);
    } else if (spec.received && spec.status === 'settled' && !spec.final) {
      const from = cursor.get(spec.grant) ?? '2000-01-01';
      const until = addMonths(spec.received, 2);
      candidates = open.filter((e) => e.booked_on > from && e.booked_on <= until);
      if (!spec.measure) cursor.set(spec.grant, until);
      requested = roundDown100(approvedFrom(candidates.reduce((s, e) => s + e.amount_cents, 0)));
    } else if (spec.final && spec.status === 'settled') {
      candidates = open;
      const eligibleTotal = expenditures
        .filter((e) => e.eligible && e.grant === spec.grant)
        .reduce((s, e) => s + e.amount_cents, 0);
      requested = roundDown100(approvedFrom(eligibleTotal) - (receivedSoFar.get(spec.grant) ?? 0));
    } else {
      if (spec.received) {
        const until = addMonths(spec.received, 2);
        candidates = open.filter((e) => e.booked_on >= spec.received! && e.booked_on <= until);
      }
      requested = euro(spec.amount ?? 0);
    }
    const yKey = `${spec.grant}${spec.fy}`;
    requested = Math.max(0, Math.min(requested, yearLeft.get(yKey) ?? 0, grantLeft.get(spec.grant) ?? 0));
    yearLeft.set(yKey, (yearLeft.get(yKey) ?? 0) - requested);
    grantLeft.set(spec.grant, (grantLeft.get(spec.grant) ?? 0) - requested);
    const received = spec.received ? roundDown100(requested * (spec.share ?? 1)) : null;
    const number = (numbers.get(spec.grant) ?? 0) + 1;
    numbers.set(spec.grant, number);
    const index = tranches.length;
    if (received !== null) {
      receivedSoFar.set(spec.grant, (receivedSoFar.get(spec.grant) ?? 0) + received);
      let used = 0;
      for (const e of candidates.sort((a, b) => a.booked_on.localeCompare(b.booked_on))) {
        if (used + e.amount_cents > received) continue;
        e.tranche = index;
        used += e.amount_cents;
      }
    }
    tranches.push({
      grant: spec.grant,
      measure: spec.measure ?? null,
      fiscal_year: spec.fy,
      number,
      is_final: spec.final ?? false,
      requested_on: spec.requested ?? null,
      requested_cents: requested,
      received_on: spec.received ?? null,
      received_cents: received,
      status: spec.status,
      justification:
        spec.status === 'planned'
          ? null
          : `Mittelbedarf für fällige Zahlungen der nächsten zwei Monate; frühere Abrufe sind vollständig verwendet.`,
      notes: spec.note ?? null,
    });
  }
  return tranches;
}
