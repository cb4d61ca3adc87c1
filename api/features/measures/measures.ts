import { defineResource } from '../../rest/resource';
import { dateOrder } from '../../rest/checks';
import plain from './measures.fields';

export default defineResource({
  ...plain,
  derived: {
    municipality_ids: {
      ...plain.derived.municipality_ids,
      link: { table: 'measure_municipalities', self: 'measure_id', other: 'municipality_id' },
    },
    next_milestone_due: {
      ...plain.derived.next_milestone_due,
      sql: '(select min(ms.due_date) from milestones ms where ms.measure_id = measures.id and ms.completed_on is null)',
    },
    overdue_milestones: {
      ...plain.derived.overdue_milestones,
      sql: '(select count(*)::int from milestones ms where ms.measure_id = measures.id and ms.completed_on is null and ms.due_date < current_date)',
    },
    late: {
      ...plain.derived.late,
      sql: 'exists (select 1 from milestones ms where ms.measure_id = measures.id and ms.completed_on is null and ms.due_date < current_date)',
    },
    spent_cents: {
      ...plain.derived.spent_cents,
      sql: '(select coalesce(sum(e.amount_cents), 0)::bigint from expenditures e where e.measure_id = measures.id)',
    },
  },
  validate: (r) => dateOrder(r, 'start_date', 'end_date'),
});
