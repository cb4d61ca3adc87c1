import { ROLES } from '../../domain';
import { ACCESS, USER_EMAIL_READERS } from '../access';
import { bool, enumOf, ids, text, timestamp, type ResourceFields } from '../../rest/fields';

export default {
  name: 'users',
  description:
    'Benutzerinnen und Benutzer mit Rolle; Passwörter werden nie ausgegeben, E-Mail-Adressen nur an CDO.',
  fields: {
    email: text(254, {
      required: true,
      filter: true,
      sort: true,
      format: 'email',
      readRoles: USER_EMAIL_READERS,
    }),
    name: text(120, { required: true, sort: true }),
    role: enumOf(ROLES, { enumName: 'role', required: true, filter: true, sort: true }),
    active: bool({ filter: true, sort: true, nullable: false }),
    // Break-glass: with PASSWORD_LOGIN=false only these accounts may still sign in with their local password.
    break_glass: bool({ filter: true, nullable: false }),
    // When the second factor (TOTP) was set up, null without one; the secret itself never leaves the server.
    totp_enabled_at: timestamp({ sort: true }),
  },
  derived: {
    municipality_ids: ids('municipalities', { filter: true }),
  },
  inputOnly: {
    password: {
      // Taken exactly as typed: a trimmed password would not be the one the person logs in with.
      ...text(200, { format: 'password' }),
      writeOnly: true,
      description: 'Neues Passwort (nur beim Anlegen oder Zurücksetzen)',
    },
  },
  search: { ilike: ['name', 'email'] },
  defaultSort: ['name', 'ASC'],
  access: ACCESS.users,
} satisfies ResourceFields;
