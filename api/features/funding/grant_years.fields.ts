import { ACCESS } from '../access';
import { date, int, money, ref, type ResourceFields } from '../../rest/fields';

export default {
  name: 'grant_years',
  description: 'Bewilligte Mittel eines Bescheids je Haushaltsjahr, mit Frist des Zwischennachweises.',
  fields: {
    grant_id: ref('grants', { required: true, filter: true, sort: true }),
    fiscal_year: int(2000, 2100, { required: true, filter: true, sort: true }),
    approved_cents: money({ required: true, sort: true }),
    interim_proof_due_on: date({ filter: true, sort: true }),
  },
  defaultSort: ['fiscal_year', 'ASC'],
  access: ACCESS.funding,
} satisfies ResourceFields;
