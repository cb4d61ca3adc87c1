import { defineResource } from '../../rest/resource';
import plain from './milestones.fields';

export default defineResource({
  ...plain,
  derived: {
    overdue: {
      ...plain.derived.overdue,
      sql: '(milestones.completed_on is null and milestones.due_date < current_date)',
    },
  },
  // The trend analysis needs every forecast: a changed due date is recorded for today's report date.
  afterWrite: async ({ db }, after, before) => {
    if (before && before.due_date === after.due_date) return;
    await db('milestone_forecasts')
      .insert({ milestone_id: after.id, reported_on: db.raw('current_date'), due_date: after.due_date })
      .onConflict(['milestone_id', 'reported_on'])
      .merge(['due_date', 'updated_at']);
  },
});
