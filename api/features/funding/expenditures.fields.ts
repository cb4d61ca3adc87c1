import { COST_CATEGORIES } from '../../domain';
import { ACCESS } from '../access';
import { bool, date, enumOf, int, money, ref, text, type ResourceFields } from '../../rest/fields';

export default {
  name: 'expenditures',
  description: 'Ausgaben und Belege, gebucht auf Maßnahme, Bescheid und Kostenart.',
  fields: {
    measure_id: ref('measures', { required: true, filter: true, sort: true }),
    grant_id: ref('grants', { required: true, filter: true, sort: true }),
    tranche_id: ref('tranches', { filter: true, sort: true }),
    booked_on: date({ required: true, filter: true, sort: true }),
    /** Zahlungsdatum; empty = not yet paid. Spend deadline and receipt list count payments. */
    paid_on: date({ filter: true, sort: true }),
    /** Negative for a credit note (Gutschrift): a correction that lowers the spending it is booked on. */
    amount_cents: money({ required: true, filter: true, sort: true, signed: true }),
    cost_category: enumOf(COST_CATEGORIES, {
      enumName: 'cost_category',
      required: true,
      filter: true,
      sort: true,
    }),
    payee: text(200, { required: true, filter: true, sort: true }),
    receipt_no: text(60, { filter: true, sort: true }),
    description: text(2000),
    eligible: bool({ filter: true, sort: true, nullable: false }),
  },
  derived: {
    /** Documents attached (#17): the paper clip in the list. */
    document_count: { ...int(0, 2_147_483_647), readOnly: true },
  },
  search: { ilike: ['payee', 'receipt_no', 'description'] },
  defaultSort: ['booked_on', 'DESC'],
  access: ACCESS.funding,
} satisfies ResourceFields;
