import { PARTNER_SECTORS } from '../../domain';
import { ACCESS } from '../access';
import { date, enumOf, text, type ResourceFields } from '../../rest/fields';

export default {
  name: 'partners',
  description:
    'Kooperationspartner: Unternehmen, Wissenschaft, Zivilgesellschaft, öffentliche Hand, Programmbegleitung.',
  fields: {
    name: text(200, { required: true, sort: true, filter: true }),
    sector: enumOf(PARTNER_SECTORS, { enumName: 'sector', required: true, filter: true, sort: true }),
    contact_person: text(120, { sort: true }),
    email: text(254, { format: 'email' }),
    phone: text(40),
    website: text(300),
    city: text(120, { filter: true, sort: true }),
    agreement_signed_on: date({ filter: true, sort: true }),
    notes: text(5000),
  },
  search: { ilike: ['name', 'city', 'contact_person'] },
  defaultSort: ['name', 'ASC'],
  access: ACCESS.portfolio,
} satisfies ResourceFields;
