import { INDICATOR_VALUE_LIMIT } from '../../domain';
import { ACCESS } from '../access';
import { date, num, ref, text, type ResourceFields } from '../../rest/fields';

export default {
  name: 'indicator_values',
  description:
    'Gemessene Werte eines Wirkungsindikators, einer je Datum. Schreiben: cdo, steering und die verantwortliche Person der Maßnahme.',
  fields: {
    indicator_id: ref('indicators', { required: true, filter: true, sort: true }),
    measured_on: date({ required: true, filter: true, sort: true }),
    value: num(-INDICATOR_VALUE_LIMIT, INDICATOR_VALUE_LIMIT, { required: true, sort: true }),
    source: text(200),
    note: text(2000),
  },
  derived: {
    // Whoever owns the indicator's measure may change the value too (the admin shows her the buttons).
    measure_owner_id: { ...ref('users'), readOnly: true },
  },
  defaultSort: ['measured_on', 'ASC'],
  access: ACCESS.indicatorValues,
} satisfies ResourceFields;
