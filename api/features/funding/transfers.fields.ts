import { ACCESS } from '../access';
import { bool, date, money, ref, text, type ResourceFields } from '../../rest/fields';

export default {
  name: 'transfers',
  description: 'Weiterleitungen von Fördermitteln an Kommunen oder Partner, mit Verwendungsnachweis.',
  fields: {
    grant_id: ref('grants', { required: true, filter: true, sort: true }),
    measure_id: ref('measures', { required: true, filter: true, sort: true }),
    municipality_id: ref('municipalities', { filter: true, sort: true }),
    partner_id: ref('partners', { filter: true, sort: true }),
    amount_cents: money({ required: true, filter: true, sort: true }),
    contract_on: date({ required: true, filter: true, sort: true }),
    paid_on: date({ filter: true, sort: true }),
    proof_due_on: date({ filter: true, sort: true }),
    proof_received_on: date({ filter: true, sort: true }),
    proof_checked_on: date({ filter: true, sort: true }),
    notes: text(5000),
  },
  derived: {
    proof_overdue: {
      ...bool({ filter: true, sort: true }),
      readOnly: true,
    },
  },
  defaultSort: ['contract_on', 'ASC'],
  access: ACCESS.funding,
} satisfies ResourceFields;
