import { defineResource } from '../../rest/resource';
import plain from './budget_lines.fields';
import { fiscalYearOutsidePeriod } from './grantPeriod';

export default defineResource({
  ...plain,
  // A plan line belongs to a year of its grant's period (like a tranche); one line per grant, measure, category and
  // year (also unique in the database, which answers a race with 409).
  validate: async (r, { db }) => {
    const outside = await fiscalYearOutsidePeriod(db, r.grant_id, r.fiscal_year);
    if (outside) return { fiscal_year: outside };
    const twin = await db('budget_lines')
      .first('id')
      .where({
        grant_id: r.grant_id,
        measure_id: r.measure_id,
        cost_category: r.cost_category,
        fiscal_year: r.fiscal_year,
      })
      .whereRaw('id is distinct from ?', [(r.id as number | undefined) ?? null]);
    return twin
      ? { fiscal_year: 'Für diese Maßnahme und Kostenart gibt es in diesem Jahr schon eine Planzeile' }
      : undefined;
  },
});
