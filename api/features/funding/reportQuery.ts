import type { Knex } from 'knex';
import { COST_CATEGORIES } from '../../domain';
import { COST_CATEGORY_LABELS } from '../../labels';
import { unspentSql } from './deadlineSql';
import { costGroupOf, federalShareSql, ROUNDING_RULE_DE } from './rules';
import type { CategoryRow, FundingReport, GrantInfo, MeasureRow, Totals } from './contract';
import { notFound } from '../../errors';

export const UNASSIGNED_TITLE = 'nicht zugeordnet';

/**
 * How the report attributes money (README "Förderbericht"):
 * - planned: the measure's total planned cost (budget_cents), the same in every year; cost categories have none.
 * - approved: the grant approves per fiscal year, not per measure, so rows carry none; the total is the sum of
 *   grant_years.approved_cents of the selection.
 * - requested / received: tranches by their measure (no measure → row "nicht zugeordnet") and fiscal year;
 *   requested counts tranches past "planned", received the amounts received; cost categories carry none.
 * - spent: eligible expenditures of the grant by measure and cost category, the year by booked_on.
 * - federal / own share: the rounding rule in api/features/funding/rules.ts.
 * - remaining: the measure's planned cost minus its eligible expenditures under this grant up to the end of
 *   the selected year (all years: to date).
 * Rows list every measure with a tranche, expenditure or transfer under the grant (in any year), so the rows
 * stay the same from year to year. All totals are sums of the rows except approved (see above).
 */
const REPORT_SQL = `
with g as (
  select id, funding_rate_bp as rate from grants where id = :grant
),
exp as (
  select e.measure_id, extract(year from e.booked_on)::int as fy, e.cost_category, sum(e.amount_cents)::bigint as eligible
  from expenditures e
  where e.grant_id = :grant and e.eligible
    and (:year::int is null or e.booked_on between make_date(:year::int, 1, 1) and make_date(:year::int, 12, 31))
  group by 1, 2, 3
),
unit as (
  select x.measure_id, x.fy, sum(x.eligible)::bigint as eligible,
    ${federalShareSql('sum(x.eligible)', '(select rate from g)')} as federal
  from exp x group by 1, 2
),
parts as (
  select x.measure_id, x.fy, x.cost_category, x.eligible,
    (x.eligible * g.rate) / 10000 as base, (x.eligible * g.rate) % 10000 as rem
  from exp x cross join g
),
split as (
  select p.cost_category, p.eligible,
    p.base + case when row_number() over w <= u.federal - sum(p.base) over (partition by p.measure_id, p.fy) then 1 else 0 end as federal
  from parts p join unit u on u.measure_id = p.measure_id and u.fy = p.fy
  window w as (partition by p.measure_id, p.fy order by p.rem desc, p.cost_category)
),
tr as (
  select t.measure_id,
    sum(case when t.status <> 'planned' then t.requested_cents else 0 end)::bigint as requested,
    sum(case when t.status in ('received', 'settled') then coalesce(t.received_cents, 0) else 0 end)::bigint as received
  from tranches t
  where t.grant_id = :grant and (:year::int is null or t.fiscal_year = :year::int)
  group by 1
),
cum as (
  select e.measure_id, sum(e.amount_cents)::bigint as spent
  from expenditures e
  where e.grant_id = :grant and e.eligible and (:year::int is null or e.booked_on <= make_date(:year::int, 12, 31))
  group by 1
),
shown as (
  select measure_id from tranches where grant_id = :grant and measure_id is not null
  union select measure_id from expenditures where grant_id = :grant
  union select measure_id from transfers where grant_id = :grant
),
mrows as (
  select m.id as measure_id, m.code, m.title, m.budget_cents as planned_cents, null::bigint as approved_cents,
    coalesce(tr.requested, 0) as requested_cents, coalesce(tr.received, 0) as received_cents,
    coalesce(u.eligible, 0) as spent_cents, coalesce(u.federal, 0) as federal_share_cents,
    coalesce(u.eligible, 0) - coalesce(u.federal, 0) as own_share_cents,
    m.budget_cents - coalesce(cum.spent, 0) as remaining_cents
  from shown s
  join measures m on m.id = s.measure_id
  left join tr on tr.measure_id = m.id
  left join (select measure_id, sum(eligible)::bigint as eligible, sum(federal)::bigint as federal from unit group by 1) u
    on u.measure_id = m.id
  left join cum on cum.measure_id = m.id
  union all
  select null, null, :unassigned::text, null, null, tr.requested, tr.received, 0, 0, 0, null
  from tr where tr.measure_id is null
),
crows as (
  select c.cost_category, coalesce(sum(s.eligible), 0)::bigint as spent_cents,
    coalesce(sum(s.federal), 0)::bigint as federal_share_cents, c.ord
  from (values ${COST_CATEGORIES.map((c, i) => `('${c}', ${i})`).join(', ')}) as c(cost_category, ord)
  left join split s on s.cost_category = c.cost_category
  group by c.cost_category, c.ord
)
select
  (select coalesce(json_agg(r order by r.code nulls last, r.title), '[]'::json) from mrows r) as measures,
  (select json_agg(json_build_object('cost_category', c.cost_category, 'spent_cents', c.spent_cents,
      'federal_share_cents', c.federal_share_cents, 'own_share_cents', c.spent_cents - c.federal_share_cents) order by c.ord)
    from crows c) as categories,
  json_build_object(
    'planned_cents', (select coalesce(sum(planned_cents), 0)::bigint from mrows),
    'approved_cents', (select coalesce(sum(y.approved_cents), 0)::bigint from grant_years y
      where y.grant_id = :grant and (:year::int is null or y.fiscal_year = :year::int)),
    'requested_cents', (select coalesce(sum(requested_cents), 0)::bigint from mrows),
    'received_cents', (select coalesce(sum(received_cents), 0)::bigint from mrows),
    'spent_cents', (select coalesce(sum(spent_cents), 0)::bigint from mrows),
    'federal_share_cents', (select coalesce(sum(federal_share_cents), 0)::bigint from mrows),
    'own_share_cents', (select coalesce(sum(own_share_cents), 0)::bigint from mrows),
    'remaining_cents', (select coalesce(sum(remaining_cents), 0)::bigint from mrows),
    'unspent_cents', (select coalesce(sum(${unspentSql('tranches')}), 0)::bigint from tranches
      where tranches.grant_id = :grant and (:year::int is null or tranches.fiscal_year = :year::int))
  ) as totals`;

export async function grantInfo(db: Knex, grantId: number): Promise<GrantInfo> {
  const grant = (await db('grants')
    .select(
      'id',
      'programme',
      'funder',
      'file_number',
      'phase',
      'funding_rate_bp',
      'spend_rule',
      'approved_cents',
      'eligible_cents',
      'period_start',
      'period_end',
    )
    .where('id', grantId)
    .first()) as GrantInfo | undefined;
  if (!grant) throw notFound('Der Zuwendungsbescheid wurde nicht gefunden.');
  return grant;
}

export async function fundingReport(db: Knex, grantId: number, fiscalYear?: number): Promise<FundingReport> {
  const grant = await grantInfo(db, grantId);
  const { rows } = (await db.raw(REPORT_SQL, {
    grant: grantId,
    year: fiscalYear ?? null,
    unassigned: UNASSIGNED_TITLE,
  })) as {
    rows: [
      {
        measures: MeasureRow[];
        categories: Pick<
          CategoryRow,
          'cost_category' | 'spent_cents' | 'federal_share_cents' | 'own_share_cents'
        >[];
        totals: Omit<Totals, 'open_to_request_cents'>;
      },
    ];
  };
  const [{ measures, categories, totals }] = rows;
  return {
    grant,
    fiscal_year: fiscalYear ?? null,
    rounding_rule: ROUNDING_RULE_DE,
    measures,
    categories: categories.map((c) => ({
      ...c,
      label: COST_CATEGORY_LABELS[c.cost_category],
      group: costGroupOf(c.cost_category),
      planned_cents: null,
      approved_cents: null,
      requested_cents: null,
      received_cents: null,
      remaining_cents: null,
    })),
    totals: { ...totals, open_to_request_cents: totals.approved_cents - totals.requested_cents },
  };
}
