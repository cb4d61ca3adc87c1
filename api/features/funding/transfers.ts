import { bool, date, money, ref, text } from '../../rest/fields';
import { defineResource } from '../../rest/resource';
import { ACCESS } from '../access';
import { dateOrder } from '../../rest/checks';
import { proofOverdueSql } from './deadlineSql';

export default defineResource({
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
      sql: proofOverdueSql('transfers'),
    },
  },
  defaultSort: ['contract_on', 'ASC'],
  access: ACCESS.funding,
  validate: (r) => {
    if ((r.municipality_id == null) === (r.partner_id == null)) {
      const message = 'Genau einen Empfänger angeben: Kommune oder Partner';
      return { municipality_id: message, partner_id: message };
    }
    return (
      dateOrder(r, 'contract_on', 'paid_on', 'Die Zahlung kann nicht vor dem Vertrag liegen') ??
      dateOrder(r, 'proof_received_on', 'proof_checked_on', 'Die Prüfung kann nicht vor dem Eingang liegen')
    );
  },
});
