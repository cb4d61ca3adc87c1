import { bool, date, ref, text } from '../../rest/fields';
import { defineResource } from '../../rest/resource';
import { ACCESS } from '../access';

export default defineResource({
  name: 'milestones',
  description: 'Meilensteine einer Maßnahme; jede Änderung des Termins schreibt eine Prognose für die MTA.',
  fields: {
    measure_id: ref('measures', { required: true, filter: true, sort: true }),
    title: text(200, { required: true, sort: true }),
    baseline_date: date({ required: true, filter: true, sort: true }),
    due_date: date({ required: true, filter: true, sort: true }),
    completed_on: date({ filter: true, sort: true }),
    is_final: bool({ filter: true, sort: true, nullable: false }),
    notes: text(5000),
  },
  derived: {
    overdue: {
      ...bool({ filter: true, sort: true }),
      readOnly: true,
      sql: '(milestones.completed_on is null and milestones.due_date < current_date)',
    },
  },
  search: { ilike: ['title'] },
  defaultSort: ['due_date', 'ASC'],
  access: ACCESS.portfolio,
  // The trend analysis needs every forecast: a changed due date is recorded for today's report date.
  afterWrite: async ({ db }, after, before) => {
    if (before && before.due_date === after.due_date) return;
    await db('milestone_forecasts')
      .insert({ milestone_id: after.id, reported_on: db.raw('current_date'), due_date: after.due_date })
      .onConflict(['milestone_id', 'reported_on'])
      .merge(['due_date', 'updated_at']);
  },
});
