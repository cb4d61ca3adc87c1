import { INDICATOR_DIRECTIONS, INDICATOR_STATES, INDICATOR_VALUE_LIMIT } from '../../domain';
import { ACCESS } from '../access';
import { date, enumOf, num, ref, text, type ResourceFields } from '../../rest/fields';

const value = (required: boolean) =>
  num(-INDICATOR_VALUE_LIMIT, INDICATOR_VALUE_LIMIT, { required, sort: true });

export default {
  name: 'indicators',
  description:
    'Wirkungsindikatoren einer Maßnahme: Ausgangswert, Zielwert und die Linie dazwischen; state nach api/features/indicators/stateSql.ts.',
  fields: {
    measure_id: ref('measures', { required: true, filter: true, sort: true }),
    name: text(200, { required: true, sort: true }),
    unit: text(40, { required: true }),
    direction: enumOf(INDICATOR_DIRECTIONS, {
      enumName: 'indicator_direction',
      required: true,
      filter: true,
    }),
    baseline_value: value(true),
    baseline_date: date({ required: true, sort: true }),
    target_value: value(true),
    target_date: date({ required: true, filter: true, sort: true }),
    method: text(2000),
    reported_by: text(200),
  },
  derived: {
    state: {
      ...enumOf(INDICATOR_STATES, { enumName: 'indicator_state', filter: true, sort: true }),
      readOnly: true,
    },
    latest_value: { ...value(false), readOnly: true },
    latest_measured_on: { ...date({ filter: true, sort: true }), readOnly: true },
  },
  search: { ilike: ['name'] },
  defaultSort: ['name', 'ASC'],
  access: ACCESS.portfolio,
} satisfies ResourceFields;
