import { TRANCHE_STATUSES } from '../domain';
import type { FieldErrors } from '../errors';
import { bool, date, enumOf, int, money, ref, text } from '../rest/fields';
import { defineResource, type Ctx, type Row } from '../rest/resource';
import { ACCESS } from './access';
import { formatEuro } from '../money';

/** The spend deadline: two months after receipt under ANBest-Gk, six weeks under ANBest-P (month ends clamp). */
export const SPEND_DEADLINE_SQL = `(select case g.spend_rule when 'anbest_p' then tranches.received_on + 42 else (tranches.received_on + interval '2 months')::date end from grants g where g.id = tranches.grant_id)`;
export const UNSPENT_SQL =
  '(tranches.received_cents - (select coalesce(sum(e.amount_cents), 0) from expenditures e where e.tranche_id = tranches.id and e.eligible))::bigint';

/** What the fiscal year's approved budget still leaves for this request (other tranches of the year deducted). */
async function remainingBudget(ctx: Ctx, r: Row): Promise<number | undefined> {
  const [row] = (await ctx.db('grant_years as y')
    .select(
      'y.approved_cents',
      ctx.db.raw(
        '(select coalesce(sum(t.requested_cents), 0) from tranches t where t.grant_id = y.grant_id and t.fiscal_year = y.fiscal_year and t.id is distinct from ?)::bigint as used',
        [(r.id as number | undefined) ?? null],
      ),
    )
    .where({ 'y.grant_id': r.grant_id, 'y.fiscal_year': r.fiscal_year })) as { approved_cents: number; used: number }[];
  return row ? row.approved_cents - row.used : undefined;
}

async function validateTranche(r: Row, ctx: Ctx, before?: Row): Promise<FieldErrors | undefined> {
  const errors: FieldErrors = {};
  const requested = r.requested_cents as number;
  if (typeof r.received_cents === 'number' && r.received_cents > requested)
    errors.received_cents = 'Der eingegangene Betrag darf den angeforderten nicht übersteigen';
  if (typeof r.received_on === 'string' && typeof r.requested_on === 'string' && r.received_on < r.requested_on)
    errors.received_on = 'Der Eingang kann nicht vor der Anforderung liegen';
  if (r.status !== 'planned' && !r.requested_on) errors.requested_on = 'Pflichtfeld ab Status „angefordert“';
  if ((r.status === 'received' || r.status === 'settled') && !r.received_on)
    errors.received_on = 'Pflichtfeld ab Status „eingegangen“';
  if ((r.status === 'received' || r.status === 'settled') && (r.received_cents === null || r.received_cents === undefined))
    errors.received_cents = 'Pflichtfeld ab Status „eingegangen“';
  const budgetRelevant =
    !before ||
    ['requested_cents', 'fiscal_year', 'grant_id'].some((k) => before[k] !== r[k]);
  if (budgetRelevant && !(typeof r.justification === 'string' && r.justification.trim())) {
    const remaining = await remainingBudget(ctx, r);
    if (remaining !== undefined && requested > remaining)
      errors.justification = `Die Anforderung übersteigt das verbleibende Jahresbudget (${formatEuro(Math.max(remaining, 0))}) – bitte begründen`;
  }
  return Object.keys(errors).length ? errors : undefined;
}

export default defineResource({
  name: 'tranches',
  description: 'Mittelabrufe: geplant → angefordert → eingegangen → abgerechnet.',
  fields: {
    grant_id: ref('grants', { required: true, filter: true, sort: true }),
    measure_id: ref('measures', { filter: true, sort: true }),
    fiscal_year: int(2000, 2100, { required: true, filter: true, sort: true }),
    number: int(1, 10_000, { required: true, filter: true, sort: true }),
    is_final: bool({ filter: true, sort: true, nullable: false }),
    requested_on: date({ filter: true, sort: true }),
    requested_cents: money({ required: true, filter: true, sort: true }),
    received_on: date({ filter: true, sort: true }),
    received_cents: money({ filter: true, sort: true }),
    status: enumOf(TRANCHE_STATUSES, { required: true, filter: true, sort: true }),
    justification: text(2000),
    notes: text(5000),
  },
  derived: {
    spend_deadline: { ...date({ filter: true, sort: true }), readOnly: true, sql: SPEND_DEADLINE_SQL },
    unspent_cents: { ...money({ filter: true, sort: true }), readOnly: true, sql: UNSPENT_SQL },
  },
  defaultSort: ['number', 'ASC'],
  access: ACCESS.funding,
  validate: validateTranche,
});
