import { TRANCHE_STATUSES } from '../../domain';
import { ACCESS } from '../access';
import { bool, date, enumOf, int, money, ref, text, type ResourceFields } from '../../rest/fields';

export default {
  name: 'tranches',
  description:
    'Mittelabrufe: geplant → angefordert → eingegangen → abgerechnet (nur vorwärts; eine Korrektur zurück braucht eine neue Begründung). Eine Anforderung über das verbleibende Jahresbudget braucht eine Begründung.',
  fields: {
    grant_id: ref('grants', { required: true, filter: true, sort: true }),
    measure_id: ref('measures', { filter: true, sort: true }),
    fiscal_year: int(2000, 2100, { required: true, filter: true, sort: true }),
    number: int(1, 10_000, { required: true, filter: true, sort: true }),
    is_final: bool({ filter: true, sort: true, nullable: false }),
    requested_on: date({ filter: true, sort: true }),
    requested_cents: money({ required: true, filter: true, sort: true }),
    received_on: date({ filter: true, sort: true }),
    received_cents: money({ filter: true, sort: true }),
    status: enumOf(TRANCHE_STATUSES, {
      enumName: 'tranche_status',
      required: true,
      filter: true,
      sort: true,
    }),
    justification: text(2000),
    notes: text(5000),
  },
  derived: {
    spend_deadline: {
      ...date({ filter: true, sort: true }),
      readOnly: true,
    },
    unspent_cents: { ...money({ filter: true, sort: true }), readOnly: true },
    /** Documents attached (#17): the paper clip in the list. */
    document_count: { ...int(0, 2_147_483_647), readOnly: true },
  },
  defaultSort: ['number', 'ASC'],
  access: ACCESS.funding,
} satisfies ResourceFields;
