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
  beforeWrite: async ({ db, user }, data) => {
    if (user.role !== 'guide') return data;
    const own = await db('contacts').where({ id: data.contact_id, author_id: user.id }).first('id');
    if (!own) throw forbidden('Sie können nur Ihre eigenen Kontakte verknüpfen.');
    return data;
  },
});
