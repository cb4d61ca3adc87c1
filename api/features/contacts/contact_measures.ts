import { forbidden } from '../../errors';
import { defineResource } from '../../rest/resource';
import plain from './contact_measures.fields';

export default defineResource({
  ...plain,
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
