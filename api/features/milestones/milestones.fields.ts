import { ACCESS } from '../access';
import { bool, date, ref, text, type ResourceFields } from '../../rest/fields';

export default {
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
    },
  },
  search: { ilike: ['title'] },
  defaultSort: ['due_date', 'ASC'],
  access: ACCESS.portfolio,
} satisfies ResourceFields;
