import { ACCESS } from '../access';
import { ref, type ResourceFields } from '../../rest/fields';

export default {
  name: 'contact_measures',
  description: 'Welche Maßnahmen ein Kontakt betrifft.',
  fields: {
    contact_id: ref('contacts', { required: true, filter: true, sort: true }),
    measure_id: ref('measures', { required: true, filter: true, sort: true }),
  },
  defaultSort: ['id', 'ASC'],
  versioned: false,
  // A link row is created or deleted, never changed (no version to check): PUT answers 405.
  updatable: false,
  access: ACCESS.contacts,
} satisfies ResourceFields;
