import { defineResource } from '../../rest/resource';
import plain from './expenditures.fields';
import { documentCountSql } from '../documents/counts';

export default defineResource({
  ...plain,
  derived: {
    document_count: { ...plain.derived.document_count, sql: documentCountSql('expenditures') },
  },
  // An expenditure is paid from a tranche of its own grant.
  validate: async (r, { db }) => {
    if (r.tranche_id == null) return undefined;
    const tranche = (await db('tranches').where('id', r.tranche_id).first('grant_id')) as
      { grant_id: number } | undefined;
    if (!tranche) return { tranche_id: 'Der verknüpfte Datensatz existiert nicht' };
    return tranche.grant_id === r.grant_id
      ? undefined
      : { tranche_id: 'Der Mittelabruf gehört zu einem anderen Bescheid' };
  },
});
