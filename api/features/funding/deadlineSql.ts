/**
 * The funding deadlines and when each counts as open, once, as SQL fragments over the given table aliases. The
 * deadline monitor, the calendar, the dashboard, the tranche list and the usage panel all build on these, so they
 * never disagree. An open matter stays open after its due date; whether it is shown ahead of time is up to each
 * caller (the monitor's windows, the calendar's "has a due date").
 */

/** Eligible expenditures booked on tranche `t` not yet covering what came in: the unspent money (bigint). */
export const unspentSql = (t: string): string =>
  `(${t}.received_cents - (select coalesce(sum(e.amount_cents), 0) from expenditures e where e.tranche_id = ${t}.id and e.eligible))::bigint`;

/** The spend deadline of tranche `t` under grant `g`: two months after receipt under ANBest-Gk, six weeks under ANBest-P (month ends clamp). */
export const spendDeadlineSql = (t: string, g: string): string =>
  `case ${g}.spend_rule when 'anbest_p' then ${t}.received_on + 42 else (${t}.received_on + interval '2 months')::date end`;

/** The same for a tranche whose grant is not joined. */
export const trancheSpendDeadlineSql = (t: string): string =>
  `(select ${spendDeadlineSql(t, 'sg')} from grants sg where sg.id = ${t}.grant_id)`;

/** A spend deadline is open while the tranche is received (not yet settled) and money is left unspent. */
export const spendDeadlineOpenSql = (t: string): string =>
  `(${t}.status = 'received' and ${unspentSql(t)} > 0)`;

/**
 * An interim proof (grant year `y`) is open until its due date, and after it while the year still has received
 * tranches not yet settled (settled = accounted for in a proof): the schema records no submission of an interim proof.
 */
export const interimProofOpenSql = (y: string): string =>
  `(${y}.interim_proof_due_on >= current_date or exists (select 1 from tranches it where it.grant_id = ${y}.grant_id and it.fiscal_year = ${y}.fiscal_year and it.status = 'received'))`;

/** The final proof of use of grant `g` is open until the final tranche (Schlussrate), which goes in with it, is requested. */
export const finalProofOpenSql = (g: string): string =>
  `not exists (select 1 from tranches ft where ft.grant_id = ${g}.id and ft.is_final and ft.status <> 'planned')`;

/** A transfer's proof of use is open until it is received. */
export const transferProofOpenSql = (t: string): string => `${t}.proof_received_on is null`;

/** A transfer's proof of use is overdue: due date passed and no proof received. */
export const proofOverdueSql = (t: string): string =>
  `(${t}.proof_due_on < current_date and ${transferProofOpenSql(t)})`;
