import { CONTACT_CHANNELS } from '../../domain';
import { forbidden } from '../../errors';
import { bool, date, enumOf, ids, ref, text } from '../../rest/fields';
import { defineResource } from '../../rest/resource';
import { ACCESS } from '../access';

export default defineResource({
  name: 'contacts',
  description: 'Kontaktprotokoll der Regionallotsinnen mit den Kommunen.',
  fields: {
    municipality_id: ref('municipalities', { required: true, filter: true, sort: true }),
    author_id: { ...ref('users', { filter: true, sort: true }), readOnly: true },
    contact_on: date({ required: true, filter: true, sort: true }),
    channel: enumOf(CONTACT_CHANNELS, { required: true, filter: true, sort: true }),
    person_name: text(120, { sort: true }),
    person_role: text(120),
    topic: text(200, { required: true, sort: true }),
    notes: text(5000),
    follow_up_on: date({ filter: true, sort: true }),
    follow_up_done: bool({ filter: true, sort: true, nullable: false }),
  },
  derived: {
    measure_ids: {
      ...ids('measures', { filter: true }),
      link: { table: 'contact_measures', self: 'contact_id', other: 'measure_id' },
    },
  },
  search: { fts: true },
  defaultSort: ['contact_on', 'DESC'],
  access: ACCESS.contacts,
  // A guide changes or deletes only what she wrote...
  writeScope: (qb, user) => {
    if (user.role === 'guide') qb.where('contacts.author_id', user.id);
  },
  // ...and writes only for the municipalities she looks after. The author is always the writer.
  beforeWrite: ({ user }, data, before) => {
    const municipality = (data.municipality_id ?? before?.municipality_id) as number;
    if (user.role === 'guide' && !user.municipality_ids.includes(municipality))
      throw forbidden('Sie können Kontakte nur für Ihre eigenen Kommunen erfassen.');
    return before ? data : { ...data, author_id: user.id };
  },
});
