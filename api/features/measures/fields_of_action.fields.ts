import { ACCESS } from '../access';
import { text, type ResourceFields } from '../../rest/fields';

export default {
  name: 'fields_of_action',
  description: 'Die zehn Handlungsfelder der Strategie.',
  fields: {
    name: text(60, { required: true, filter: true, sort: true }),
    colour: text(7, { required: true, format: 'colour' }),
  },
  search: { ilike: ['name'] },
  defaultSort: ['name', 'ASC'],
  access: ACCESS.reference,
} satisfies ResourceFields;
