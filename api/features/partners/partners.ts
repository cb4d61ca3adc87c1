import { z } from 'zod';
import { PARTNER_SECTORS } from '../../domain';
import { date, enumOf, text } from '../../rest/fields';
import { defineResource } from '../../rest/resource';
import { ACCESS } from '../access';

const email = text(254);

export default defineResource({
  name: 'partners',
  description:
    'Kooperationspartner: Unternehmen, Wissenschaft, Zivilgesellschaft, öffentliche Hand, Programmbegleitung.',
  fields: {
    name: text(200, { required: true, sort: true, filter: true }),
    sector: enumOf(PARTNER_SECTORS, { required: true, filter: true, sort: true }),
    contact_person: text(120, { sort: true }),
    email: {
      ...email,
      schema: z
        .email({ error: () => 'Ungültige E-Mail-Adresse' })
        .max(254)
        .nullable(),
    },
    phone: text(40),
    website: text(300),
    city: text(120, { filter: true, sort: true }),
    agreement_signed_on: date({ filter: true, sort: true }),
    notes: text(5000),
  },
  search: { ilike: ['name', 'city', 'contact_person'] },
  defaultSort: ['name', 'ASC'],
  access: ACCESS.portfolio,
});
