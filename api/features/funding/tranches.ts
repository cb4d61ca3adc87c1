import type { Knex } from 'knex';
import type { YearBudget } from './contract';
import { TRANCHE_STATUSES } from '../../domain';
import type { FieldErrors } from '../../errors';
import { defineResource, type Ctx, type Row } from '../../rest/resource';
import { formatEuro } from '../../money';
import { trancheSpendDeadlineSql, unspentSql } from './deadlineSql';
import plain from './tranches.fields';
import { documentCountSql } from '../documents/counts';
import { fiscalYearOutsidePeriod } from './grantPeriod';

const STATUS_ORDER: Record<string, number> = Object.fromEntries(TRANCHE_STATUSES.map((s, i) => [s, i]));

/** What a tranche claims of its year's budget: a request its requested amount, received money the amount received. */
const CLAIM_SQL = `(case when t.status in ('received', 'settled') then coalesce(t.received_cents, 0) when t.status = 'requested' then t.requested_cents else 0 end)`;

/**
 * What the fiscal year's approved budget still leaves: the year's approved amount minus the claims of the
 * grant's tranches of that year other than `excludeId` (planned ones claim nothing). A year without a
 * grant_years row has nothing approved.
 */
export async function yearBudget(
  db: Knex | Knex.Transaction,
  grantId: number,
  fiscalYear: number,
  excludeId: number | null,
): Promise<YearBudget> {
  const { rows } = (await db.raw(
    `select coalesce((select y.approved_cents from grant_years y where y.grant_id = :grant and y.fiscal_year = :year), 0)::bigint as approved_cents,
       coalesce((select sum(${CLAIM_SQL}) from tranches t where t.grant_id = :grant and t.fiscal_year = :year and t.id is distinct from :id), 0)::bigint as claimed_cents`,
    { grant: grantId, year: fiscalYear, id: excludeId },
  )) as { rows: [{ approved_cents: number; claimed_cents: number }] };
  const { approved_cents, claimed_cents } = rows[0];
  return { approved_cents, claimed_cents, remaining_cents: approved_cents - claimed_cents };
}

/** The remainder for a tranche being written; the grant row is locked so concurrent requests cannot both pass. */
async function remainingBudget(ctx: Ctx, r: Row): Promise<number> {
  await ctx
    .db('grants')
    .select('id')
    .where('id', r.grant_id as number)
    .forNoKeyUpdate();
  const budget = await yearBudget(
    ctx.db,
    r.grant_id as number,
    r.fiscal_year as number,
    (r.id as number | undefined) ?? null,
  );
  return budget.remaining_cents;
}

const hasText = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '';

/**
 * The tranche rules. Lifecycle planned → requested → received → settled: a status only moves forward
 * (steps may be skipped when the dates and amounts of the later status are given); moving back is a
 * correction and needs a new justification in the same change. A request date belongs to requested tranches
 * and later, amounts and dates of receipt to received and settled ones only (so "requested" and "received"
 * mean the same whether counted by status or by date); received ≤ requested; receipt not before request. A request (any
 * status but planned) above what the year's approved budget still leaves needs a justification; checked
 * when the tranche is created, becomes a request, or its amount, year, grant or justification change.
 * One final tranche (Schlussrate) per grant; the fiscal year lies in the grant's period.
 */
async function validateTranche(r: Row, ctx: Ctx, before?: Row): Promise<FieldErrors | undefined> {
  const errors: FieldErrors = {};
  const requested = r.requested_cents as number;
  const status = r.status as string;
  const receivedStage = status === 'received' || status === 'settled';
  if (typeof r.received_cents === 'number' && r.received_cents > requested)
    errors.received_cents = 'Der eingegangene Betrag darf den angeforderten nicht übersteigen';
  if (
    typeof r.received_on === 'string' &&
    typeof r.requested_on === 'string' &&
    r.received_on < r.requested_on
  )
    errors.received_on = 'Der Eingang kann nicht vor der Anforderung liegen';
  if (status !== 'planned' && !r.requested_on) errors.requested_on = 'Pflichtfeld ab Status „angefordert“';
  if (receivedStage && !r.received_on) errors.received_on = 'Pflichtfeld ab Status „eingegangen“';
  if (receivedStage && (r.received_cents === null || r.received_cents === undefined))
    errors.received_cents = 'Pflichtfeld ab Status „eingegangen“';
  if (status === 'planned' && r.requested_on) errors.requested_on = 'Erst ab Status „angefordert“ angeben';
  if (!receivedStage) {
    if (r.received_on) errors.received_on = 'Erst ab Status „eingegangen“ angeben';
    if (r.received_cents !== null && r.received_cents !== undefined)
      errors.received_cents = 'Erst ab Status „eingegangen“ angeben';
  }
  if (before && STATUS_ORDER[status]! < STATUS_ORDER[before.status as string]!) {
    if (!hasText(r.justification) || r.justification === before.justification) {
      errors.status =
        'Der Status kann nur vorwärts geändert werden; eine Korrektur braucht eine neue Begründung';
      errors.justification = 'Bitte die Korrektur des Status begründen';
    }
  }
  const grant = await ctx
    .db('grants')
    .select('id')
    .where('id', r.grant_id as number)
    .first();
  const outside = await fiscalYearOutsidePeriod(ctx.db, r.grant_id, r.fiscal_year);
  if (outside) errors.fiscal_year = outside;
  if (r.is_final === true && (!before || before.is_final !== true)) {
    const other = (await ctx
      .db('tranches')
      .select('number')
      .where({ grant_id: r.grant_id, is_final: true })
      .whereRaw('id is distinct from ?', [(r.id as number | undefined) ?? null])
      .first()) as { number: number } | undefined;
    if (other) errors.is_final = `Der Bescheid hat schon eine Schlussrate (Mittelabruf Nr. ${other.number})`;
  }
  const budgetRelevant =
    !before ||
    (before.status === 'planned' && status !== 'planned') ||
    ['requested_cents', 'fiscal_year', 'grant_id', 'justification'].some((k) => before[k] !== r[k]);
  if (status !== 'planned' && budgetRelevant && !hasText(r.justification) && grant && !errors.fiscal_year) {
    const remaining = await remainingBudget(ctx, r);
    if (requested > remaining)
      errors.justification = `Die Anforderung übersteigt das verbleibende Jahresbudget (${formatEuro(Math.max(remaining, 0))}) – bitte begründen`;
  }
  return Object.keys(errors).length ? errors : undefined;
}

export default defineResource({
  ...plain,
  derived: {
    spend_deadline: { ...plain.derived.spend_deadline, sql: trancheSpendDeadlineSql('tranches') },
    unspent_cents: { ...plain.derived.unspent_cents, sql: unspentSql('tranches') },
    document_count: { ...plain.derived.document_count, sql: documentCountSql('tranches') },
  },
  validate: validateTranche,
});
