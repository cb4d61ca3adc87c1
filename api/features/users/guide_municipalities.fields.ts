import { ACCESS } from '../access';
import { ref, type ResourceFields } from '../../rest/fields';

export default {
  name: 'guide_municipalities',
  description: 'Welche Regionallotsin welche Kommunen betreut.',
  fields: {
    user_id: ref('users', { required: true, filter: true, sort: true }),
    municipality_id: ref('municipalities', { required: true, filter: true, sort: true }),
  },
  defaultSort: ['id', 'ASC'],
  versioned: false,
  // A link row is created or deleted, never changed (no version to check): PUT answers 405.
  updatable: false,
  access: ACCESS.users,
} satisfies ResourceFields;
