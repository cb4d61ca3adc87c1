import { ACCESS } from '../access';
import { ref, text, type ResourceFields } from '../../rest/fields';

export default {
  name: 'measure_partners',
  description: 'Welcher Partner in welcher Rolle an einer Maßnahme mitwirkt.',
  fields: {
    measure_id: ref('measures', { required: true, filter: true, sort: true }),
    partner_id: ref('partners', { required: true, filter: true, sort: true }),
    role: text(200, { sort: true }),
  },
  defaultSort: ['id', 'ASC'],
  access: ACCESS.portfolio,
} satisfies ResourceFields;
