import type { Knex } from 'knex';
import { COST_CATEGORIES } from '../../domain';
import { badRequest, notFound } from '../../errors';
import { COST_CATEGORY_LABELS } from '../../labels';
import { federalShareSql } from '../funding/rules';
import { receiptList } from '../funding/receipts';
import { transferProofOpenSql } from '../funding/deadlineSql';
import type { MeasureNarrative, NumericProof, ProofKind, ProofOfUse, ProofRow } from './contract';
import { dbToday, planVsActual } from './planVsActual';

type Db = Knex | Knex.Transaction;

/** Share of a total in basis points, half up; none of a zero total. */
const shareBp = (part: number, total: number): number | null =>
  total === 0 ? null : Math.round((part * 10_000) / total);

function proofRow(
  key: string,
  label: string,
  planned: number,
  actual: number,
  totals: [number, number],
): ProofRow {
  return {
    key,
    label,
    planned_cents: planned,
    actual_cents: actual,
    planned_bp: shareBp(planned, totals[0]),
    actual_bp: shareBp(actual, totals[1]),
    difference_cents: actual - planned,
  };
}

/**
 * The money of the period besides the plan: the grant approved (grant years of the period, as the funding report
 * totals it), the grant received (tranches received or settled of the period's fiscal years, as the funding report)
 * and the federal share of the eligible payments, rounded once per measure × payment year (README "Rundung").
 */
const MONEY_SQL = `
select
  (select coalesce(sum(y.approved_cents), 0) from grant_years y
    where y.grant_id = :grant and (:year::int is null or y.fiscal_year = :year::int))::bigint as approved_cents,
  (select coalesce(sum(case when t.status in ('received', 'settled') then coalesce(t.received_cents, 0) else 0 end), 0)
    from tranches t where t.grant_id = :grant and (:year::int is null or t.fiscal_year = :year::int))::bigint as received_cents,
  (select coalesce(sum(${federalShareSql('x.paid', '(select funding_rate_bp from grants where id = :grant)')}), 0)
    from (select e.measure_id, extract(year from e.paid_on), sum(e.amount_cents)::bigint as paid
          from expenditures e
          where e.grant_id = :grant and e.eligible and e.paid_on <= current_date
            and (:year::int is null or e.paid_on between make_date(:year::int, 1, 1) and make_date(:year::int, 12, 31))
          group by 1, 2) x)::bigint as federal_share_cents`;

/**
 * The numerical proof in the usual form. Spending by cost category: the financing plan against the eligible
 * payments (the receipt list). Income: the grant (approved, received), third-party contributions (none recorded:
 * zero) and the own share as the balance (plan total − approved; payments − received), so income equals spending
 * in both columns.
 */
async function numericProof(
  db: Db,
  grantId: number,
  year: number | null,
  plan: ProofOfUse['plan'],
): Promise<NumericProof> {
  const { rows } = (await db.raw(MONEY_SQL, { grant: grantId, year })) as {
    rows: [{ approved_cents: number; received_cents: number; federal_share_cents: number }];
  };
  const money = rows[0];
  const totals: [number, number] = [plan.total.planned_cents, plan.total.actual_cents];
  const spending = plan.categories.map((c) =>
    proofRow(c.cost_category, COST_CATEGORY_LABELS[c.cost_category], c.planned_cents, c.actual_cents, totals),
  );
  const income = [
    proofRow(
      'own_share',
      'Eigenanteil',
      totals[0] - money.approved_cents,
      totals[1] - money.received_cents,
      totals,
    ),
    proofRow('third_party', 'Leistungen Dritter', 0, 0, totals),
    proofRow('grant', 'Zuwendungen (Bundesmittel)', money.approved_cents, money.received_cents, totals),
  ];
  return {
    income,
    spending,
    total: proofRow('total', 'Summe', totals[0], totals[1], totals),
    federal_share_cents: money.federal_share_cents,
    received_cents: money.received_cents,
  };
}

const NARRATIVE_SQL = `
with shown as (
  select measure_id from budget_lines where grant_id = :grant
  union select measure_id from expenditures where grant_id = :grant
  union select measure_id from transfers where grant_id = :grant
)
select m.id as measure_id, m.code, m.title, m.status, m.health, m.health_note, m.progress,
  coalesce((select json_agg(json_build_object('title', ms.title, 'completed_on', ms.completed_on, 'baseline_date', ms.baseline_date)
      order by ms.completed_on, ms.id)
    from milestones ms where ms.measure_id = m.id and ms.completed_on between :from::date and :to::date), '[]'::json) as milestones_reached,
  coalesce((select json_agg(json_build_object('title', ms.title, 'baseline_date', ms.baseline_date, 'due_date', ms.due_date,
        'completed_on', ms.completed_on, 'days', coalesce(ms.completed_on, ms.due_date) - ms.baseline_date)
      order by ms.due_date, ms.id)
    from milestones ms where ms.measure_id = m.id and coalesce(ms.completed_on, ms.due_date) > ms.baseline_date
      and (ms.completed_on is null and ms.baseline_date <= :to::date or ms.completed_on between :from::date and :to::date)), '[]'::json)
    as milestones_slipped,
  coalesce((select json_agg(json_build_object('recipient', coalesce(mu.name, p.name), 'amount_cents', tr.amount_cents,
        'paid_on', tr.paid_on, 'proof_due_on', tr.proof_due_on, 'proof_received_on', tr.proof_received_on,
        'proof_checked_on', tr.proof_checked_on,
        'proof_state', case when tr.proof_checked_on is not null then 'checked' when not ${transferProofOpenSql('tr')} then 'received'
          when tr.proof_due_on < current_date then 'overdue' else 'open' end)
      order by tr.paid_on nulls last, tr.id)
    from transfers tr left join municipalities mu on mu.id = tr.municipality_id left join partners p on p.id = tr.partner_id
    where tr.grant_id = :grant and tr.measure_id = m.id
      and (tr.paid_on between :from::date and :to::date or (tr.paid_on is null and tr.contract_on <= :to::date))), '[]'::json) as transfers
from shown s join measures m on m.id = s.measure_id
order by m.code`;

function periodOf(
  grant: { period_start: string; period_end: string },
  year: number | null,
): [string, string] {
  if (year === null) return [grant.period_start, grant.period_end];
  return [`${year}-01-01`, `${year}-12-31`];
}

export interface ProofTexts {
  introduction: string | null;
  conclusion: string | null;
  report: ProofOfUse['report'];
}

/** A proof kind and year as the routes and the resource check them: a year for an interim proof, none for the final one. */
export function proofKey(kind: ProofKind, fiscalYear: number | undefined | null): number | null {
  if (kind === 'interim' && !fiscalYear)
    throw badRequest('Ein Zwischennachweis braucht ein Haushaltsjahr.', { fiscal_year: 'Pflichtfeld' });
  if (kind === 'final' && fiscalYear)
    throw badRequest('Der Verwendungsnachweis umfasst den ganzen Bewilligungszeitraum: ohne Haushaltsjahr.', {
      fiscal_year: 'Nur beim Zwischennachweis',
    });
  return kind === 'interim' ? fiscalYear! : null;
}

/** The proof of use as it stands today (a draft): numbers, narrative, plan against actuals and receipt list. */
export async function proofOfUse(
  db: Db,
  grantId: number,
  kind: ProofKind,
  fiscalYear: number | null,
  texts: ProofTexts = { introduction: null, conclusion: null, report: null },
): Promise<ProofOfUse> {
  const plan = await planVsActual(db as Knex, grantId, fiscalYear ?? undefined);
  const [from, to] = periodOf(plan.grant, fiscalYear);
  const [numeric, receipts, narrativeRows] = [
    await numericProof(db, grantId, fiscalYear, plan),
    await receiptList(db as Knex, grantId, fiscalYear ?? undefined),
    (
      (await db.raw(NARRATIVE_SQL, { grant: grantId, from, to })) as {
        rows: Omit<MeasureNarrative, 'spending'>[];
      }
    ).rows,
  ];
  const order = (c: string) => (COST_CATEGORIES as readonly string[]).indexOf(c);
  const narrative: MeasureNarrative[] = narrativeRows.map((m) => ({
    ...m,
    spending: plan.lines
      .filter((l) => l.measure_id === m.measure_id)
      .sort((a, b) => order(a.cost_category) - order(b.cost_category))
      .map(({ cost_category, planned_cents, actual_cents, deviation_bp, over_20, note }) => ({
        cost_category,
        planned_cents,
        actual_cents,
        deviation_bp,
        over_20,
        note,
      })),
  }));
  return {
    grant: plan.grant,
    kind,
    fiscal_year: fiscalYear,
    period_start: from,
    period_end: to,
    as_of: await dbToday(db as Knex),
    report: texts.report,
    introduction: texts.introduction,
    conclusion: texts.conclusion,
    numeric,
    narrative,
    plan,
    receipts,
  };
}

interface StoredProof {
  id: number;
  grant_id: number;
  kind: ProofKind;
  fiscal_year: number | null;
  version_no: number;
  status: 'draft' | 'issued';
  introduction: string | null;
  conclusion: string | null;
  issued_on: string | null;
  issued_by_name: string | null;
  snapshot: ProofOfUse | null;
}

/**
 * The proof the downloads serve: the given proof report (which must match grant, kind and year), else the latest
 * version for them. An issued one is its frozen snapshot, unchanged by any later booking; a draft is computed
 * today with its texts; without any report, a draft without texts.
 */
export async function servedProof(
  db: Knex,
  grantId: number,
  kind: ProofKind,
  fiscalYear: number | null,
  reportId?: number,
): Promise<ProofOfUse> {
  const q = db('proof_reports as r')
    .leftJoin('users as u', 'u.id', 'r.issued_by')
    .select('r.*', 'u.name as issued_by_name')
    .where({ 'r.grant_id': grantId, 'r.kind': kind })
    .whereRaw('r.fiscal_year is not distinct from ?', [fiscalYear])
    .orderBy('r.version_no', 'desc')
    .first();
  if (reportId !== undefined) q.where('r.id', reportId);
  const stored = (await q) as StoredProof | undefined;
  if (reportId !== undefined && !stored)
    throw notFound('Dieser Nachweis gehört nicht zu Bescheid, Art und Jahr.');
  if (stored?.status === 'issued' && stored.snapshot) return stored.snapshot;
  return proofOfUse(db, grantId, kind, fiscalYear, {
    introduction: stored?.introduction ?? null,
    conclusion: stored?.conclusion ?? null,
    report: stored
      ? {
          id: stored.id,
          version_no: stored.version_no,
          status: stored.status,
          issued_on: null,
          issued_by: null,
        }
      : null,
  });
}
