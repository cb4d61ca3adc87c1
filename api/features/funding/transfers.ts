import { defineResource } from '../../rest/resource';
import { dateOrder } from '../../rest/checks';
import { proofOverdueSql } from './deadlineSql';
import plain from './transfers.fields';

export default defineResource({
  ...plain,
  derived: {
    proof_overdue: { ...plain.derived.proof_overdue, sql: proofOverdueSql('transfers') },
  },
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
