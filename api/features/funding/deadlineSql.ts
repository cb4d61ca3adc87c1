/**
 * The funding deadlines and when each counts as open, once, as SQL fragments over the given table aliases. The
 * deadline monitor, the calendar, the dashboard, the tranche list and the usage panel all build on these, so they
 * never disagree. An open matter stays open after its due date; whether it is shown ahead of time is up to each
 * caller (the monitor's windows, the calendar's "has a due date").
 *
 * `today` (default current_date) is an SQL expression for the day the rules are judged on: the reminders (issue #16)
 * pass the Europe/Berlin date of their run as a parameter, so a test can fix the clock.
 */

/**
 * What tranche `t` has paid out: its eligible expenditures with a payment date up to today (bigint). The funding
 * rules count payments, not bookings: an invoice booked but not yet paid still leaves the money unspent.
 */
export const paidSql = (t: string, today = 'current_date'): string =>
  `(select coalesce(sum(e.amount_cents), 0) from expenditures e where e.tranche_id = ${t}.id and e.eligible and e.paid_on <= ${today})::bigint`;

/**
 * "Eingegangen, noch nicht verausgabt" — the one definition of unspent money (bigint): on an open tranche
 * (status received) what came in minus what it has paid ({@link paidSql}), never below zero; a settled tranche
 * (accounted for in a proof) and one not yet received hold none. Every screen, export and deadline that shows
 * unspent money sums this per tranche; they differ only in the tranches summed (a grant, a year, earlier tranches).
 */
export const unspentSql = (t: string, today = 'current_date'): string =>
  `(case when ${t}.status = 'received' then greatest(${t}.received_cents - ${paidSql(t, today)}, 0) else 0 end)::bigint`;

/** The spend deadline of tranche `t` under grant `g`: two months after receipt under ANBest-Gk, six weeks under ANBest-P (month ends clamp). */
export const spendDeadlineSql = (t: string, g: string): string =>
  `case ${g}.spend_rule when 'anbest_p' then ${t}.received_on + 42 else (${t}.received_on + interval '2 months')::date end`;

/** The same for a tranche whose grant is not joined. */
export const trancheSpendDeadlineSql = (t: string): string =>
  `(select ${spendDeadlineSql(t, 'sg')} from grants sg where sg.id = ${t}.grant_id)`;

/** A spend deadline is open while the tranche is received (not yet settled) and money is left unspent. */
export const spendDeadlineOpenSql = (t: string, today = 'current_date'): string =>
  `(${unspentSql(t, today)} > 0)`;

/**
 * An interim proof (grant year `y`) is open until its due date, and after it while the year still has received
 * tranches not yet settled (settled = accounted for in a proof): the schema records no submission of an interim proof.
 */
export const interimProofOpenSql = (y: string, today = 'current_date'): string =>
  `(${y}.interim_proof_due_on >= ${today} or exists (select 1 from tranches it where it.grant_id = ${y}.grant_id and it.fiscal_year = ${y}.fiscal_year and it.status = 'received'))`;

/** The final proof of use of grant `g` is open until the final tranche (Schlussrate), which goes in with it, is requested. */
export const finalProofOpenSql = (g: string): string =>
  `not exists (select 1 from tranches ft where ft.grant_id = ${g}.id and ft.is_final and ft.status <> 'planned')`;

/** A transfer's proof of use is open until it is received. */
export const transferProofOpenSql = (t: string): string => `${t}.proof_received_on is null`;

/** A transfer's proof of use is overdue: due date passed and no proof received. */
export const proofOverdueSql = (t: string, today = 'current_date'): string =>
  `(${t}.proof_due_on < ${today} and ${transferProofOpenSql(t)})`;
