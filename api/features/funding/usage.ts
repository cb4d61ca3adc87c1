import type { Knex } from 'knex';
import { notFound } from '../../errors';
import type { TrancheUsage, UsageReport } from './contract';
import { paidSql, trancheSpendDeadlineSql, unspentSql } from './deadlineSql';
import { yearBudget } from './tranches';

const usedBp = (spent: string, received: string) =>
  `case when ${received} > 0 then (2 * ${spent} * 10000 + ${received}) / (2 * ${received}) end`;

/**
 * How far the grant's earlier tranches are used, as a new request must state: every received (or settled)
 * tranche, or with `beforeTrancheId` only those numbered before that one. Spend deadline and unspent money
 * come from ./deadlineSql.ts, so list, monitor and panel never disagree.
 */
export async function trancheUsage(
  db: Knex,
  grantId: number,
  beforeTrancheId?: number,
  fiscalYear?: number,
): Promise<UsageReport> {
  const grant = (await db('grants').select('spend_rule').where('id', grantId).first()) as
    { spend_rule: string } | undefined;
  if (!grant) throw notFound('Der Zuwendungsbescheid wurde nicht gefunden.');
  if (beforeTrancheId !== undefined) {
    const own = await db('tranches').select('id').where({ id: beforeTrancheId, grant_id: grantId }).first();
    if (!own) throw notFound('Der Mittelabruf gehört nicht zu diesem Zuwendungsbescheid.');
  }
  const { rows } = (await db.raw(
    `with u as (
       select tranches.id, tranches.number, tranches.fiscal_year, tranches.measure_id, tranches.status,
         tranches.received_on, tranches.received_cents,
         ${paidSql('tranches')} as spent_cents,
         ${unspentSql('tranches')} as unspent_cents,
         ${trancheSpendDeadlineSql('tranches')} as spend_deadline
       from tranches
       where tranches.grant_id = :grant and tranches.status in ('received', 'settled')
         and (:before::int is null or tranches.number < (select b.number from tranches b where b.id = :before::int))
     )
     select
       coalesce((select json_agg(json_build_object(
           'id', id, 'number', number, 'fiscal_year', fiscal_year, 'measure_id', measure_id, 'status', status,
           'received_on', received_on, 'received_cents', received_cents, 'spent_cents', spent_cents,
           'unspent_cents', unspent_cents, 'used_bp', ${usedBp('spent_cents', 'received_cents')},
           'spend_deadline', spend_deadline, 'days_left', spend_deadline - current_date) order by number)
         from u), '[]'::json) as tranches,
       json_build_object(
         'received_cents', coalesce(sum(received_cents), 0)::bigint,
         'spent_cents', coalesce(sum(spent_cents), 0)::bigint,
         'unspent_cents', coalesce(sum(unspent_cents), 0)::bigint,
         'used_bp', ${usedBp('coalesce(sum(spent_cents), 0)::bigint', 'coalesce(sum(received_cents), 0)::bigint')}
       ) as totals
     from u`,
    { grant: grantId, before: beforeTrancheId ?? null },
  )) as { rows: [{ tranches: TrancheUsage[]; totals: UsageReport['totals'] }] };
  const budget = fiscalYear
    ? { fiscal_year: fiscalYear, ...(await yearBudget(db, grantId, fiscalYear, beforeTrancheId ?? null)) }
    : null;
  return { grant_id: grantId, spend_rule: grant.spend_rule, ...rows[0], budget };
}
