import { z } from 'zod';
import { hashPassword, passwordProblem } from '../auth/passwords';
import { endSessionsOf } from '../auth/session';
import { ROLES } from '../../domain';
import { validationError } from '../../errors';
import { bool, enumOf, ids, text } from '../../rest/fields';
import { defineResource } from '../../rest/resource';
import { ACCESS } from '../access';

const email = text(254, { required: true, filter: true, sort: true });

export default defineResource({
  name: 'users',
  description: 'Benutzerinnen und Benutzer mit Rolle; Passwörter werden nie ausgegeben.',
  fields: {
    email: {
      ...email,
      schema: z
        .email({ error: () => 'Ungültige E-Mail-Adresse' })
        .max(254)
        .transform((v) => v.trim()),
    },
    name: text(120, { required: true, sort: true }),
    role: enumOf(ROLES, { required: true, filter: true, sort: true }),
    active: bool({ filter: true, sort: true, nullable: false }),
  },
  derived: {
    municipality_ids: {
      ...ids('municipalities', { filter: true }),
      link: { table: 'guide_municipalities', self: 'user_id', other: 'municipality_id' },
    },
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
  beforeWrite: async (_ctx, data, before) => {
    const { password, ...rest } = data;
    const mail = (data.email ?? before?.email) as string;
    if (!before && !password) throw validationError({ password: 'Pflichtfeld' });
    if (typeof password !== 'string' || !password) return rest;
    const problem = passwordProblem(password, mail);
    if (problem) throw validationError({ password: problem });
    return { ...rest, password_hash: await hashPassword(password) };
  },
  // A changed role, a deactivation or a reset password ends the user's sessions at once.
  afterWrite: async ({ db }, after, before) => {
    if (
      before &&
      (before.role !== after.role || !after.active || before.password_hash !== after.password_hash)
    )
      await endSessionsOf(db, after.id as number);
    // A deactivation or a reset password also ends the secret calendar URL (reactivation must not revive it).
    if (before && (!after.active || before.password_hash !== after.password_hash))
      await db('users')
        .where('id', after.id as number)
        .update({ calendar_token_hash: null });
  },
});
