import { forbidden } from '../../errors';
import { defineResource } from '../../rest/resource';
import plain from './contacts.fields';

export default defineResource({
  ...plain,
  derived: {
    measure_ids: {
      ...plain.derived.measure_ids,
      link: { table: 'contact_measures', self: 'contact_id', other: 'measure_id' },
    },
  },
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
