import { CONTACT_CHANNELS } from '../../domain';
import { ACCESS } from '../access';
import { bool, date, enumOf, ids, ref, text, type ResourceFields } from '../../rest/fields';

export default {
  name: 'contacts',
  description: 'Kontaktprotokoll der Regionallotsinnen mit den Kommunen.',
  fields: {
    municipality_id: ref('municipalities', { required: true, filter: true, sort: true }),
    author_id: { ...ref('users', { filter: true, sort: true }), readOnly: true },
    contact_on: date({ required: true, filter: true, sort: true }),
    channel: enumOf(CONTACT_CHANNELS, { enumName: 'channel', required: true, filter: true, sort: true }),
    person_name: text(120, { sort: true }),
    person_role: text(120),
    topic: text(200, { required: true, sort: true }),
    notes: text(5000),
    follow_up_on: date({ filter: true, sort: true }),
    follow_up_done: bool({ filter: true, sort: true, nullable: false }),
  },
  derived: {
    measure_ids: ids('measures', { filter: true }),
  },
  search: { fts: true },
  defaultSort: ['contact_on', 'DESC'],
  access: ACCESS.contacts,
} satisfies ResourceFields;
