import { ACCESS } from '../access';
import { date, int, text, type ResourceFields } from '../../rest/fields';

export default {
  name: 'base_rates',
  description:
    'Basiszinssatz nach § 247 BGB (Deutsche Bundesbank, Änderung zum 1. Januar und 1. Juli) in Basispunkten (−88 = −0,88 %); gilt ab valid_from bis zum nächsten Eintrag. Grundlage des Zinsrisikos nach § 49a Abs. 4 VwVfG.',
  fields: {
    valid_from: date({ required: true, filter: true, sort: true }),
    rate_bp: int(-10_000, 10_000, { required: true, sort: true }),
    note: text(500),
  },
  defaultSort: ['valid_from', 'DESC'],
  access: ACCESS.funding,
} satisfies ResourceFields;
