import { ROLES } from '../../domain';
import { ACCESS } from '../access';
import { bool, enumOf, ids, text, type ResourceFields } from '../../rest/fields';

export default {
  name: 'users',
  description: 'Benutzerinnen und Benutzer mit Rolle; Passwörter werden nie ausgegeben.',
  fields: {
    email: text(254, { required: true, filter: true, sort: true, format: 'email' }),
    name: text(120, { required: true, sort: true }),
    role: enumOf(ROLES, { enumName: 'role', required: true, filter: true, sort: true }),
    active: bool({ filter: true, sort: true, nullable: false }),
  },
  derived: {
    municipality_ids: ids('municipalities', { filter: true }),
  },
  inputOnly: {
    password: {
      ...text(200),
      writeOnly: true,
      description: 'Neues Passwort (nur beim Anlegen oder Zurücksetzen)',
    },
  },
  search: { ilike: ['name', 'email'] },
  defaultSort: ['name', 'ASC'],
  access: ACCESS.users,
} satisfies ResourceFields;
