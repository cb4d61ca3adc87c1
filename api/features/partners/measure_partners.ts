import { ref, text } from '../../rest/fields';
import { defineResource } from '../../rest/resource';
import { ACCESS } from '../access';

export default defineResource({
  name: 'measure_partners',
  description: 'Welcher Partner in welcher Rolle an einer Maßnahme mitwirkt.',
  fields: {
    measure_id: ref('measures', { required: true, filter: true, sort: true }),
    partner_id: ref('partners', { required: true, filter: true, sort: true }),
    role: text(200, { sort: true }),
  },
  defaultSort: ['id', 'ASC'],
  access: ACCESS.portfolio,
});
