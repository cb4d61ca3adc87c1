/**
 * The planned spending of a measure up to today (current_date), in cents: the one place that says what a
 * measure "should have spent by now". The suggested traffic light (api/reports/dashboard.ts) compares the
 * measure's spending with it.
 *
 * Today it is the time-proportional budget: budget_cents spread evenly over start_date..end_date, i.e.
 * budget × elapsed days / total days, rounded half up to the cent (0 before the start, the whole budget from
 * the end date on, the whole budget for a measure that starts and ends on the same day). Null without both
 * dates: the plan is unknown and spending is not judged.
 *
 * When the financing plan arrives (`budget_lines`: grant × measure × cost category × fiscal year planned_cents),
 * only this expression changes: where a measure has budget lines, its plan to date is the sum of planned_cents of
 * the past fiscal years plus the current year's planned_cents prorated by the elapsed share of the year; without
 * budget lines it stays the time-proportional budget below, e.g.
 * `coalesce((select … from budget_lines bl where bl.measure_id = m.id …), <time-proportional>)`.
 *
 * `measure` is the alias of the measures row in the surrounding query. The result is a bigint expression.
 */
export function planToDateSql(measure: string): string {
  const m = measure;
  return `(case
    when ${m}.start_date is null or ${m}.end_date is null then null
    when current_date >= ${m}.end_date then ${m}.budget_cents
    when current_date <= ${m}.start_date then 0
    else round(${m}.budget_cents::numeric * (current_date - ${m}.start_date) / (${m}.end_date - ${m}.start_date))
  end)::bigint`;
}
