import { SPEND_RULES } from '../../domain';
import { ACCESS } from '../access';
import { date, enumOf, int, money, text, type ResourceFields } from '../../rest/fields';

export default {
  name: 'grants',
  description: 'Zuwendungsbescheide (z. B. MPSC Phase A und B) mit Förderquote und Mittelverwendungsregel.',
  fields: {
    programme: text(200, { required: true, sort: true }),
    funder: text(200, { required: true, sort: true }),
    file_number: text(60, { required: true, filter: true, sort: true }),
    phase: text(60, { required: true, filter: true, sort: true }),
    committed_on: date({ required: true, filter: true, sort: true }),
    period_start: date({ required: true, filter: true, sort: true }),
    period_end: date({ required: true, filter: true, sort: true }),
    eligible_cents: money({ required: true, sort: true }),
    funding_rate_bp: int(0, 10_000, { required: true, sort: true }),
    approved_cents: money({ required: true, sort: true }),
    spend_rule: enumOf(SPEND_RULES, { enumName: 'spend_rule', required: true, filter: true, sort: true }),
    proof_due_on: date({ filter: true, sort: true }),
    notes: text(5000),
  },
  search: { ilike: ['programme', 'file_number', 'phase'] },
  defaultSort: ['period_start', 'ASC'],
  access: ACCESS.funding,
} satisfies ResourceFields;
