import { hashPassword, passwordProblem } from '../auth/passwords';
import { endSessionsOf } from '../auth/session';
import { validationError } from '../../errors';
import { defineResource } from '../../rest/resource';
import plain from './users.fields';

export default defineResource({
  ...plain,
  derived: {
    municipality_ids: {
      ...plain.derived.municipality_ids,
      link: { table: 'guide_municipalities', self: 'user_id', other: 'municipality_id' },
    },
  },
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
