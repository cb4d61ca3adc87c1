import type { Knex } from 'knex';

/**
 * Whether a fiscal year lies in the grant's period (tranches and plan lines belong to a year of the grant):
 * the German field message when it does not, undefined when it does or the grant does not exist (the reference
 * check answers that one).
 */
export async function fiscalYearOutsidePeriod(
  db: Knex | Knex.Transaction,
  grantId: unknown,
  fiscalYear: unknown,
): Promise<string | undefined> {
  if (typeof grantId !== 'number' || typeof fiscalYear !== 'number') return undefined;
  const grant = (await db('grants').select('period_start', 'period_end').where('id', grantId).first()) as
    { period_start: string; period_end: string } | undefined;
  if (!grant) return undefined;
  const [from, to] = [Number(grant.period_start.slice(0, 4)), Number(grant.period_end.slice(0, 4))];
  return fiscalYear < from || fiscalYear > to
    ? `Das Haushaltsjahr liegt außerhalb des Bewilligungszeitraums (${from}–${to})`
    : undefined;
}
