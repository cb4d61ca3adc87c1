import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { currentUser } from '../auth/session';
import type {
  DashboardResponse,
  FollowUpItem,
  MeasureStatus,
  MilestoneItem,
  MunicipalityContacts,
  TransferProofItem,
  YearMoney,
} from './contract';
import { SnapshotCache } from '../../db/snapshotCache';
import { ROLES, MEASURE_STATUSES, HEALTHS, type Role } from '../../domain';
import { requireRole } from '../../http/requireRole';
import { federalShareSql } from '../funding/rules';
import { canSeeContacts, canSeeMoney } from '../access';
import { proofOverdueSql, transferProofOpenSql } from '../funding/deadlineSql';
import type { ExtraModule } from '../feature';
import { planToDateSql } from '../measures/planToDate';
import { RANK, suggestHealth, type Health } from '../measures/suggestedLight';

/**
 * GET /api/dashboard: every figure of the CDO's start page, aggregated in SQL in a handful of statements that
 * run side by side. "Today" is the database's current_date throughout. Money figures only for roles that may
 * read funding, contact figures only for roles that may read contacts. The answer per role is computed once per
 * database state (SnapshotCache): a morning of page loads costs one aggregation, and any commit shows at once.
 */

/** Lists on the dashboard show at most this many rows; their counts are always complete. */
export const LIST_LIMIT = 50;
/** Contacts are counted over this window (today and the 90 days before it). */
export const CONTACT_WINDOW_DAYS = 90;
export const DUE_SOON_DAYS = 30;

async function one<T>(db: Knex, sql: string, bindings: readonly Knex.RawBinding[] = []): Promise<T> {
  const { rows } = (await db.raw(sql, bindings)) as { rows: T[] };
  return rows[0]!;
}

async function all<T>(db: Knex, sql: string, bindings: readonly Knex.RawBinding[] = []): Promise<T[]> {
  const { rows } = (await db.raw(sql, bindings)) as { rows: T[] };
  return rows;
}

// ---------------------------------------------------------------- portfolio

interface PortfolioRow {
  today: string;
  total: number;
  budget_cents: number;
  weighted_progress: number | null;
  by_status: { status: string; count: number }[];
  by_health: { health: string; count: number }[];
  fields: { id: number; name: string; colour: string }[];
  matrix: { field_of_action_id: number; status: MeasureStatus; count: number }[];
}

function portfolio(db: Knex) {
  return one<PortfolioRow>(
    db,
    `select current_date as today,
       (select count(*)::int from measures) as total,
       (select coalesce(sum(budget_cents), 0)::bigint from measures) as budget_cents,
       (select round(sum(progress::numeric * budget_cents) / nullif(sum(budget_cents), 0), 1) from measures) as weighted_progress,
       (select coalesce(json_agg(json_build_object('status', status, 'count', n)), '[]'::json)
          from (select status, count(*)::int as n from measures group by status) s) as by_status,
       (select coalesce(json_agg(json_build_object('health', health, 'count', n)), '[]'::json)
          from (select health, count(*)::int as n from measures group by health) h) as by_health,
       (select coalesce(json_agg(json_build_object('id', id, 'name', name, 'colour', colour) order by name), '[]'::json)
          from fields_of_action) as fields,
       (select coalesce(json_agg(json_build_object('field_of_action_id', field_of_action_id, 'status', status, 'count', n)
                                 order by field_of_action_id, status), '[]'::json)
          from (select field_of_action_id, status, count(*)::int as n from measures group by 1, 2) x) as matrix`,
  );
}

const zeroFilled = <K extends string>(keys: readonly K[], rows: { key: string; count: number }[]) =>
  Object.fromEntries(keys.map((k) => [k, rows.find((r) => r.key === k)?.count ?? 0])) as Record<K, number>;

// ---------------------------------------------------------------- milestones

interface MilestoneRow extends Omit<MilestoneItem, 'days_overdue' | 'days_left'> {
  days: number;
  bucket: 'overdue' | 'due_soon';
  total: number;
  rn: number;
}

/** Overdue open milestones and those due within the next 30 days, each list capped, with full counts. */
function milestoneLists(db: Knex) {
  return all<MilestoneRow>(
    db,
    `select * from (
       select ms.id, ms.title, ms.due_date, ms.baseline_date, ms.is_final, ms.measure_id,
              m.code as measure_code, m.title as measure_title,
              abs(ms.due_date - current_date) as days,
              case when ms.due_date < current_date then 'overdue' else 'due_soon' end as bucket,
              count(*) over (partition by ms.due_date < current_date)::int as total,
              row_number() over (partition by ms.due_date < current_date order by ms.due_date, ms.id) as rn
       from milestones ms join measures m on m.id = ms.measure_id
       where ms.completed_on is null and ms.due_date <= current_date + ?::int
     ) x where rn <= ? order by due_date, id`,
    [DUE_SOON_DAYS, LIST_LIMIT],
  );
}

function splitMilestones(rows: MilestoneRow[]): DashboardResponse['milestones'] {
  const pick = (bucket: MilestoneRow['bucket']) => {
    const items = rows.filter((r) => r.bucket === bucket);
    return {
      count: items[0]?.total ?? 0,
      items: items.map(({ bucket: _b, total: _t, rn: _r, days, ...rest }) =>
        bucket === 'overdue' ? { ...rest, days_overdue: days } : { ...rest, days_left: days },
      ),
    };
  };
  return { overdue: pick('overdue'), due_next_30: pick('due_soon') };
}

// ---------------------------------------------------------------- suggested lights

interface LightRow {
  id: number;
  code: string;
  title: string;
  status: MeasureStatus;
  health: Health;
  slip_milestone: string | null;
  slip_days: number | null;
  final_milestone: string | null;
  final_overdue_days: number | null;
  plan_cents: string | number | null;
  spent_cents: string | number | null;
}

/**
 * Per measure the facts the light rules need, all in SQL: the open milestone furthest behind its baseline
 * (max(due_date, today) − baseline_date), the open final milestone past its due date, and, only when the reader
 * may see funding figures, all spending (eligible or not, from the trigger-kept expenditure_sums) against the
 * plan to date (planToDateSql, the one place that defines the plan).
 */
function lightFacts(db: Knex, withSpending: boolean) {
  const spending = withSpending
    ? `${planToDateSql('m')} as plan_cents, coalesce(sp.cents, 0)::bigint as spent_cents`
    : 'null::bigint as plan_cents, null::bigint as spent_cents';
  const spentJoin = withSpending
    ? `left join (select measure_id, sum(amount_cents) as cents from expenditure_sums group by measure_id) sp
         on sp.measure_id = m.id`
    : '';
  return all<LightRow>(
    db,
    `select m.id, m.code, m.title, m.status, m.health,
            slip.title as slip_milestone, slip.days as slip_days,
            fin.title as final_milestone, fin.days as final_overdue_days,
            ${spending}
     from measures m
     left join (
       select distinct on (measure_id) measure_id, title, greatest(due_date, current_date) - baseline_date as days
       from milestones where completed_on is null
       order by measure_id, greatest(due_date, current_date) - baseline_date desc, due_date, id
     ) slip on slip.measure_id = m.id
     left join (
       select distinct on (measure_id) measure_id, title, current_date - due_date as days
       from milestones where completed_on is null and is_final and due_date < current_date
       order by measure_id, due_date, id
     ) fin on fin.measure_id = m.id
     ${spentJoin}
     order by m.code`,
  );
}

function suggestedLights(rows: LightRow[]) {
  const judged = rows.map((r) => {
    const { light, reasons } = suggestHealth({
      status: r.status,
      slip: r.slip_milestone === null ? null : { milestone: r.slip_milestone, days: r.slip_days! },
      finalOverdue:
        r.final_milestone === null ? null : { milestone: r.final_milestone, days: r.final_overdue_days! },
      spending:
        r.plan_cents === null ? null : { planCents: Number(r.plan_cents), spentCents: Number(r.spent_cents) },
    });
    return {
      measure_id: r.id,
      code: r.code,
      title: r.title,
      status: r.status,
      health: r.health,
      suggested: light,
      reasons,
    };
  });
  const disagreements = judged
    .filter((i) => i.suggested !== null && i.suggested !== i.health)
    .sort((a, b) => RANK[b.suggested!] - RANK[a.suggested!] || (a.code < b.code ? -1 : 1));
  return {
    // Every measure, compact, with the reasons (the measure page shows them beside the set light).
    items: judged.map(({ measure_id, code, health, suggested, reasons }) => ({
      measure_id,
      code,
      health,
      suggested,
      reasons,
    })),
    disagreement_count: disagreements.length,
    // Worst suggestion first (red before amber before green), at most LIST_LIMIT.
    disagreements: disagreements.slice(0, LIST_LIMIT),
  };
}

// ---------------------------------------------------------------- money

interface MoneyRow {
  approved: { year: number; cents: number }[];
  requested: { year: number; cents: number }[];
  received: { year: number; cents: number }[];
  spent: { year: number; cents: number; federal_cents: number }[];
  drawdown: { month: string; received_cents: number; received_cum_cents: number }[];
}

export function moneyFigures(db: Knex | Knex.Transaction) {
  // The trigger-kept totals of measure × booking year × grant (the rounding unit of the federal share), eligible
  // and not, from which the yearly money is summed.
  return one<MoneyRow>(
    db,
    `with per_row as (
       select fiscal_year::int as y, measure_id, grant_id, eligible, amount_cents as c from expenditure_sums
     )
     select
       (select coalesce(json_agg(json_build_object('year', fiscal_year, 'cents', c) order by fiscal_year), '[]'::json)
          from (select fiscal_year, sum(approved_cents) as c from grant_years group by fiscal_year) a) as approved,
       (select coalesce(json_agg(json_build_object('year', fiscal_year, 'cents', c) order by fiscal_year), '[]'::json)
          from (select fiscal_year, sum(requested_cents) as c from tranches where requested_on is not null group by fiscal_year) r) as requested,
       (select coalesce(json_agg(json_build_object('year', fiscal_year, 'cents', c) order by fiscal_year), '[]'::json)
          from (select fiscal_year, sum(received_cents) as c from tranches where received_on is not null group by fiscal_year) r) as received,
       (select coalesce(json_agg(json_build_object('year', y, 'cents', c, 'federal_cents', f) order by y), '[]'::json)
          from (select y, sum(c) as c, sum(${federalShareSql('c', 'g.funding_rate_bp')}) as f
                from per_row join grants g on g.id = per_row.grant_id
                where eligible group by y) s) as spent,
       (select coalesce(json_agg(json_build_object('month', month, 'received_cents', c, 'received_cum_cents', cum) order by month), '[]'::json)
          from (select to_char(date_trunc('month', received_on), 'YYYY-MM') as month, sum(received_cents) as c,
                       sum(sum(received_cents)) over (order by date_trunc('month', received_on)) as cum
                from tranches where received_on is not null group by date_trunc('month', received_on)) d) as drawdown`,
  );
}

/**
 * Money per fiscal year. The federal share follows the one rounding rule of api/features/funding/rules.ts: shareOf (half up,
 * to the cent) once per row of measure × year × grant, in SQL; the own share is the rest of the eligible spending,
 * and years add up to the total exactly.
 */
export function moneyByYear(m: Omit<MoneyRow, 'drawdown'>): {
  years: YearMoney[];
  total: Omit<YearMoney, 'fiscal_year'>;
} {
  const years = new Map<number, YearMoney>();
  const year = (y: number) => {
    let row = years.get(y);
    if (!row) {
      row = {
        fiscal_year: y,
        approved_cents: 0,
        requested_cents: 0,
        received_cents: 0,
        spent_cents: 0,
        federal_share_cents: 0,
        own_share_cents: 0,
      };
      years.set(y, row);
    }
    return row;
  };
  for (const r of m.approved) year(r.year).approved_cents += Number(r.cents);
  for (const r of m.requested) year(r.year).requested_cents += Number(r.cents);
  for (const r of m.received) year(r.year).received_cents += Number(r.cents);
  for (const r of m.spent) {
    const row = year(r.year);
    const cents = Number(r.cents);
    const federal = Number(r.federal_cents);
    row.spent_cents += cents;
    row.federal_share_cents += federal;
    row.own_share_cents += cents - federal;
  }
  const list = [...years.values()].sort((a, b) => a.fiscal_year - b.fiscal_year);
  const total = {
    approved_cents: 0,
    requested_cents: 0,
    received_cents: 0,
    spent_cents: 0,
    federal_share_cents: 0,
    own_share_cents: 0,
  };
  for (const y of list) for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += y[k];
  return { years: list, total };
}

interface TransferItem extends TransferProofItem {
  total: number;
  total_cents: number;
  overdue_count: number;
  rn: number;
}

/** Paid transfers whose proof of use is open (api/features/funding/deadlineSql.ts). */
function transfersAwaitingProof(db: Knex) {
  return all<TransferItem>(
    db,
    `select * from (
       select t.id, t.measure_id, m.code as measure_code, coalesce(mu.name, p.name) as recipient, t.amount_cents,
              t.paid_on, t.proof_due_on, coalesce(${proofOverdueSql('t')}, false) as overdue,
              count(*) over ()::int as total, sum(t.amount_cents) over ()::bigint as total_cents,
              count(*) filter (where ${proofOverdueSql('t')}) over ()::int as overdue_count,
              row_number() over (order by t.proof_due_on nulls last, t.id) as rn
       from transfers t join measures m on m.id = t.measure_id
       left join municipalities mu on mu.id = t.municipality_id
       left join partners p on p.id = t.partner_id
       where t.paid_on is not null and ${transferProofOpenSql('t')}
     ) x where rn <= ? order by rn`,
    [LIST_LIMIT],
  );
}

// ---------------------------------------------------------------- contacts

interface ContactRow {
  municipalities: MunicipalityContacts[];
  follow_ups: (FollowUpItem & { author_id: number })[];
  follow_up_count: number;
  follow_up_overdue: number;
}

/**
 * Per municipality (ten of them) the window count and the last contact come from the (municipality_id, contact_on)
 * index; open follow-ups from the partial index on open follow-ups. Nothing scans the whole contact log.
 */
function contactFigures(db: Knex) {
  return one<ContactRow>(
    db,
    `with open_follow_ups as (
       select id, municipality_id, author_id, topic, follow_up_on from contacts
       where follow_up_on is not null and not follow_up_done
     ), per_municipality as (
       select municipality_id, count(*)::int as n from open_follow_ups group by municipality_id
     )
     select
       (select coalesce(json_agg(x order by x.name), '[]'::json) from (
          select mu.id as municipality_id, mu.name,
                 (select count(*)::int from contacts c
                  where c.municipality_id = mu.id and c.contact_on between current_date - ?::int and current_date) as contacts_90d,
                 l.last_contact_on,
                 current_date - l.last_contact_on as days_since_contact,
                 coalesce(f.n, 0) as open_follow_ups
          from municipalities mu
          cross join lateral (select max(c.contact_on) as last_contact_on from contacts c where c.municipality_id = mu.id) l
          left join per_municipality f on f.municipality_id = mu.id) x) as municipalities,
       (select coalesce(json_agg(f order by f.follow_up_on, f.contact_id), '[]'::json) from (
          select o.id as contact_id, o.municipality_id, mu.name as municipality, o.topic, o.follow_up_on,
                 o.author_id, u.name as author, o.follow_up_on < current_date as overdue
          from open_follow_ups o join municipalities mu on mu.id = o.municipality_id join users u on u.id = o.author_id
          order by o.follow_up_on, o.id limit ?) f) as follow_ups,
       (select count(*)::int from open_follow_ups) as follow_up_count,
       (select count(*)::int from open_follow_ups where follow_up_on < current_date) as follow_up_overdue`,
    [CONTACT_WINDOW_DAYS, LIST_LIMIT],
  );
}

// ---------------------------------------------------------------- the endpoint

export async function dashboard(db: Knex, role: Role): Promise<DashboardResponse> {
  const money = canSeeMoney(role);
  const contacts = canSeeContacts(role);
  const [p, milestones, lights, m, transfers, c] = await Promise.all([
    portfolio(db),
    milestoneLists(db),
    lightFacts(db, money),
    money ? moneyFigures(db) : undefined,
    money ? transfersAwaitingProof(db) : undefined,
    contacts ? contactFigures(db) : undefined,
  ]);

  const result: DashboardResponse = {
    today: p.today,
    role,
    sections: { money, contacts },
    measures: {
      total: p.total,
      budget_cents: Number(p.budget_cents),
      weighted_progress: p.weighted_progress === null ? null : Number(p.weighted_progress),
      by_status: zeroFilled(
        MEASURE_STATUSES,
        p.by_status.map((r) => ({ key: r.status, count: r.count })),
      ),
      by_health: zeroFilled(
        HEALTHS,
        p.by_health.map((r) => ({ key: r.health, count: r.count })),
      ),
      fields_of_action: p.fields,
      status_by_field: p.matrix,
    },
    milestones: splitMilestones(milestones),
    lights: {
      spending_considered: money,
      ...suggestedLights(lights),
    },
  };

  if (m && transfers) {
    result.money = {
      ...moneyByYear(m),
      drawdown: {
        months: m.drawdown.map((d) => ({
          ...d,
          received_cents: Number(d.received_cents),
          received_cum_cents: Number(d.received_cum_cents),
        })),
        plan: cumulativePlan(m.approved),
      },
      transfers_awaiting_proof: {
        count: transfers[0]?.total ?? 0,
        amount_cents: Number(transfers[0]?.total_cents ?? 0),
        overdue_count: transfers[0]?.overdue_count ?? 0,
        items: transfers.map(({ total: _t, total_cents: _c, overdue_count: _o, rn: _r, ...rest }) => rest),
      },
    };
  }
  if (c) {
    result.contacts = {
      window_days: CONTACT_WINDOW_DAYS,
      municipalities: c.municipalities,
      open_follow_ups: { count: c.follow_up_count, overdue_count: c.follow_up_overdue, items: c.follow_ups },
    };
  }
  return result;
}

function cumulativePlan(approved: { year: number; cents: number }[]) {
  let cum = 0;
  return approved.map((a) => {
    cum += Number(a.cents);
    return { fiscal_year: a.year, approved_cents: Number(a.cents), approved_cum_cents: cum };
  });
}

const errors = {
  401: {
    description: 'Nicht angemeldet',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  },
};

export const dashboardModule: ExtraModule = {
  router(db: Knex) {
    const router = Router();
    const cache = new SnapshotCache<string>(db);
    router.get('/dashboard', requireRole(...ROLES), async (req: Request, res: Response) => {
      const { role } = currentUser(req);
      const body = await cache.get(role, async () => JSON.stringify(await dashboard(db, role)));
      res.type('json').send(body);
    });
    return router;
  },
  paths: {
    '/dashboard': {
      get: {
        tags: ['reports'],
        summary:
          'Kennzahlen der Übersicht (alle Rollen; Geld nur für Rollen mit Lesezugriff auf Fördermittel, Kontakte nur für cdo, steering, guide)',
        description: [
          'Alle Zahlen werden in SQL aggregiert, je Rolle einmal je Datenstand (pg_current_snapshot): jede bestätigte Änderung zeigt sich bei der nächsten Anfrage; „heute“ ist current_date der Datenbank.',
          '- measures: Anzahl nach Status, Ampel und Handlungsfeld × Status; Fortschritt gewichtet mit budget_cents.',
          '- milestones: überfällige offene Meilensteine und die in den nächsten 30 Tagen fälligen (je höchstens 50, count vollständig).',
          '- lights: vorgeschlagene Ampel je Maßnahme neben der gesetzten, mit Begründung (items: alle Maßnahmen; reasons als Codes mit Werten), dazu disagreement_count und die Abweichungen (disagreements, schlechtester Vorschlag zuerst, höchstens 50). Der Vorschlag ist der schlechtere zweier Regeln: Meilensteine – grün, solange kein offener Meilenstein mehr als 30 Tage hinter seinem Basistermin liegt (max(due_date, heute) − baseline_date), gelb bis 90 Tage, rot darüber oder bei überfälligem offenem Abschlussmeilenstein; Ausgaben – alle Ausgaben gegen den kumulierten Plan bis heute (vorerst budget_cents zeitanteilig über start_date–end_date), grün bis ±15 %, gelb bis ±30 %, rot darüber; Abweichungen unter 10.000 € zählen nicht. Abgeschlossene und gestoppte Maßnahmen werden nicht bewertet; ohne Lesezugriff auf Fördermittel ohne Ausgabenregel.',
          '- money (nur cdo, steering, funding, viewer): je Haushaltsjahr bewilligt (grant_years), angefordert und eingegangen (tranches), verausgabt (förderfähige Ausgaben nach Buchungsjahr), Bundesanteil (shareOf je Bescheid und Jahr) und Eigenanteil; kumulierter Mittelabruf je Monat gegen den kumulierten Plan je Jahr; ausgezahlte Weiterleitungen ohne Verwendungsnachweis.',
          '- contacts (nur cdo, steering, guide): Kontakte je Kommune in den letzten 90 Tagen, Tage seit dem letzten Kontakt, offene Wiedervorlagen.',
        ].join('\n'),
        responses: { 200: { description: 'Kennzahlen (JSON-Objekt)' }, ...errors },
      },
    },
  },
};
