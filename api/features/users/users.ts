import { hashPassword, passwordProblem, verifyPassword } from '../auth/passwords';
import { endSessionsOf } from '../auth/session';
import { AppError, validationError, type FieldErrors } from '../../errors';
import { defineResource, type Ctx, type Row } from '../../rest/resource';
import plain from './users.fields';

// Serialises every change that takes the CDO role from an active user (any process, any connection).
const LAST_CDO_LOCK = 461_010;
const LAST_CDO =
  'Es muss mindestens eine aktive Person mit der Rolle „Chief Digital Officer“ bleiben, sonst kann niemand mehr Zugänge verwalten. Legen Sie zuerst eine zweite an.';

/**
 * Refuses when the user `id` is the last active CDO. Runs inside the write's transaction, after the user's row
 * is locked: the advisory lock makes two concurrent removals of different CDOs see each other's result, without
 * locking the other CDO rows (which could deadlock against a transaction that holds one of them).
 */
async function keepOneCdo(ctx: Ctx, id: number, fieldErrors?: FieldErrors): Promise<void> {
  await ctx.db.raw('select pg_advisory_xact_lock(?, 0)', [LAST_CDO_LOCK]);
  const others = (await ctx
    .db('users')
    .where({ role: 'cdo', active: true })
    .whereNot('id', id)
    .first('id')) as { id: number } | undefined;
  if (!others) throw new AppError(409, 'last_cdo', LAST_CDO, fieldErrors);
}

export default defineResource({
  ...plain,
  derived: {
    municipality_ids: {
      ...plain.derived.municipality_ids,
      link: { table: 'guide_municipalities', self: 'user_id', other: 'municipality_id' },
    },
  },
  beforeWrite: async (ctx, data, before) => {
    const { password, ...rest } = data;
    if (before?.role === 'cdo' && before.active) {
      const role = data.role ?? before.role;
      const active = data.active ?? before.active;
      if (role !== 'cdo')
        await keepOneCdo(ctx, before.id as number, {
          role: 'Die letzte aktive CDO kann die Rolle nicht abgeben.',
        });
      else if (!active)
        await keepOneCdo(ctx, before.id as number, {
          active: 'Die letzte aktive CDO kann nicht deaktiviert werden.',
        });
    }
    const mail = (data.email ?? before?.email) as string;
    if (!before && !password) throw validationError({ password: 'Pflichtfeld' });
    if (typeof password !== 'string' || !password) return rest;
    const problem = passwordProblem(password, mail, (data.name ?? before?.name ?? '') as string);
    if (problem) throw validationError({ password: problem });
    if (before && (await verifyPassword(before.password_hash as string, password)))
      throw validationError({ password: 'Das neue Passwort muss sich vom bisherigen unterscheiden.' });
    return { ...rest, password_hash: await hashPassword(password) };
  },
  beforeDelete: async (ctx, existing: Row) => {
    if (existing.role === 'cdo' && existing.active) await keepOneCdo(ctx, existing.id as number);
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
