import { forbidden } from '../errors';
import { ref } from '../rest/fields';
import { defineResource } from '../rest/resource';
import { ACCESS } from './access';

export default defineResource({
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
  writeScope: (qb, user) => {
    if (user.role === 'guide')
      qb.whereExists((sub) =>
        sub
          .select(1)
          .from('contacts')
          .whereRaw('contacts.id = contact_measures.contact_id')
          .where('contacts.author_id', user.id),
      );
  },
  beforeWrite: async ({ db, user }, data, before) => {
    if (user.role !== 'guide') return data;
    // A partial body may lack contact_id: the merged record decides.
    const contactId = (data.contact_id ?? before?.contact_id) as number;
    const own = await db('contacts').where({ id: contactId, author_id: user.id }).first('id');
    if (!own) throw forbidden('Sie können nur Ihre eigenen Kontakte verknüpfen.');
    return data;
  },
});
