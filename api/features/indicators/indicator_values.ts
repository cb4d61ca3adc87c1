import type { Knex } from 'knex';
import { forbidden } from '../../errors';
import { defineResource, type SessionUser } from '../../rest/resource';
import { INDICATOR_VALUE_EDITORS } from '../access';
import plain from './indicator_values.fields';

const isEditor = (user: SessionUser) => (INDICATOR_VALUE_EDITORS as readonly string[]).includes(user.role);

/** Ids of the indicators of the measures a user owns (a subquery, for the row rule). */
const ownedIndicators = (qb: Knex.QueryBuilder, userId: number) =>
  qb
    .select('indicators.id')
    .from('indicators')
    .join('measures', 'measures.id', 'indicators.measure_id')
    .where('measures.owner_id', userId);

export default defineResource({
  ...plain,
  derived: {
    measure_owner_id: {
      ...plain.derived.measure_owner_id,
      sql: '(select om.owner_id from indicators oi join measures om on om.id = oi.measure_id where oi.id = indicator_values.indicator_id)',
    },
  },
  // Besides cdo and steering, a measure's owner enters, changes and deletes the values of its indicators.
  writeScope: (qb, user) => {
    if (!isEditor(user))
      qb.whereIn('indicator_values.indicator_id', (sub) => {
        ownedIndicators(sub, user.id);
      });
  },
  validate: async (record, { db }) => {
    const { rows } = (await db.raw('select (?::date > current_date) as future', [
      record.measured_on as string,
    ])) as {
      rows: [{ future: boolean }];
    };
    return rows[0].future ? { measured_on: 'Ein Messwert kann nicht in der Zukunft liegen' } : undefined;
  },
  beforeWrite: async ({ db, user }, data, before) => {
    if (isEditor(user)) return data;
    const indicatorId = (data.indicator_id ?? before?.indicator_id) as number;
    const owned = await ownedIndicators(db.queryBuilder(), user.id)
      .where('indicators.id', indicatorId)
      .first();
    if (!owned)
      throw forbidden(
        'Werte erfassen können nur die Projektsteuerung und die Verantwortlichen der Maßnahme.',
      );
    return data;
  },
});
