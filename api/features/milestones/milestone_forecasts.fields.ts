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
  access: ACCESS.portfolio,
} satisfies ResourceFields;
