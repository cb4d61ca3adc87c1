import { COST_CATEGORIES } from '../../domain';
import { ACCESS } from '../access';
import { enumOf, int, money, ref, text, type ResourceFields } from '../../rest/fields';

export default {
  name: 'budget_lines',
  description:
    'Finanzierungsplan: geplante Kosten je Bescheid, Maßnahme, Kostenart und Haushaltsjahr (die Grundlage von Soll-Ist und Verwendungsnachweis).',
  fields: {
    grant_id: ref('grants', { required: true, filter: true, sort: true }),
    measure_id: ref('measures', { required: true, filter: true, sort: true }),
    cost_category: enumOf(COST_CATEGORIES, {
      enumName: 'cost_category',
      required: true,
      filter: true,
      sort: true,
    }),
    fiscal_year: int(2000, 2100, { required: true, filter: true, sort: true }),
    planned_cents: money({ required: true, filter: true, sort: true }),
    note: text(2000),
  },
  defaultSort: ['fiscal_year', 'ASC'],
  access: ACCESS.funding,
} satisfies ResourceFields;
