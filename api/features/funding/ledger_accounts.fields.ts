import { COST_CATEGORIES } from '../../domain';
import { ACCESS } from '../access';
import { enumOf, text, type ResourceFields } from '../../rest/fields';

export default {
  name: 'ledger_accounts',
  description:
    'Sachkonten der Finanzbuchhaltung und ihre Kostenart: eine Kontonummer oder ihr Anfang (z. B. 0 für Investitionen, 543 für Dienstleistungen). Der Import der Buchungen ordnet jedem Sachkonto die Kostenart des längsten passenden Eintrags zu.',
  fields: {
    account: text(20, { required: true, filter: true, sort: true }),
    cost_category: enumOf(COST_CATEGORIES, {
      enumName: 'cost_category',
      required: true,
      filter: true,
      sort: true,
    }),
    note: text(500),
  },
  defaultSort: ['account', 'ASC'],
  access: ACCESS.funding,
} satisfies ResourceFields;
