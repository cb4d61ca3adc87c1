import { MUNICIPALITY_KINDS } from '../../domain';
import { ACCESS, CONTACT_READERS } from '../access';
import { date, enumOf, ids, int, num, text, type ResourceFields } from '../../rest/fields';

export default {
  name: 'municipalities',
  description: 'Die zehn Kommunen (Städte und Verbandsgemeinden) des Landkreises.',
  fields: {
    name: text(120, { required: true, filter: true, sort: true }),
    kind: enumOf(MUNICIPALITY_KINDS, {
      enumName: 'municipality_kind',
      required: true,
      filter: true,
      sort: true,
    }),
    official_key: text(12, { required: true, filter: true, sort: true }),
    seat: text(120, { required: true, sort: true }),
    population: int(0, 10_000_000, { sort: true, filter: true }),
    area_km2: num(0.01, 100_000, { sort: true }),
  },
  derived: {
    last_contact_on: {
      ...date({ filter: true, sort: true, readRoles: CONTACT_READERS }),
      readOnly: true,
    },
    open_follow_ups: {
      ...int(0, 1e9, { sort: true, readRoles: CONTACT_READERS }),
      readOnly: true,
    },
    guide_ids: {
      ...ids('users', { filter: true }),
      readOnly: true,
    },
  },
  search: { ilike: ['name', 'seat'] },
  defaultSort: ['name', 'ASC'],
  access: ACCESS.reference,
} satisfies ResourceFields;
