import { ACCESS } from '../access';
import { date, ref, type ResourceFields } from '../../rest/fields';

export default {
  name: 'milestone_forecasts',
  description: 'Prognosen je Berichtsdatum: die Daten der Meilensteintrendanalyse.',
  fields: {
    milestone_id: ref('milestones', { required: true, filter: true, sort: true }),
    reported_on: date({ required: true, filter: true, sort: true }),
    due_date: date({ required: true, filter: true, sort: true }),
  },
  defaultSort: ['reported_on', 'ASC'],
  versioned: false,
  // Written when a milestone's due date changes; a row is created or deleted, never changed: PUT answers 405.
  updatable: false,
  access: ACCESS.portfolio,
} satisfies ResourceFields;
