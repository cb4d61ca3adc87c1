import { Router, type NextFunction, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { AppError, badRequest, translateDbError, validationError } from '../../errors';
import { clearFailures, reserveAttempt, type ThrottleConfig } from '../../http/loginThrottle';
import { writeAudit } from '../../rest/audit';
import { hashPassword, passwordProblem, verifyPassword } from './passwords';
import {
  cookieOptions,
  createSession,
  currentUser,
  hashToken,
  SESSION_COOKIE,
  sessionToken,
} from './session';

// Verifying against a real hash for unknown e-mails keeps both answers equally slow (no enumeration by timing).
const DUMMY_HASH = hashPassword('dummy-password-for-timing');

// eslint-disable-next-line no-control-regex -- control characters (NUL above all) cannot be in an address
const noControl = (v: string) => !/[\u0000-\u001f\u007f]/.test(v);
const loginBody = z.object({
  email: z.string().max(254).refine(noControl),
  password: z.string().max(200),
});

// login_failures.ip holds 64 characters; a longer "address" can only come from a forged header.
const clientAddress = (req: Request): string => (req.ip ?? 'unbekannt').slice(0, 64);

export function authRouter(db: Knex, config: ThrottleConfig): Router {
  const router = Router();

  router.post('/auth/login', async (req: Request, res: Response) => {
    const parsed = loginBody.safeParse(req.body);
    if (!parsed.success) throw badRequest('Bitte E-Mail-Adresse und Passwort angeben.');
    const email = parsed.data.email.trim().toLowerCase();
    await reserveAttempt(db, config, email, clientAddress(req));
    const user = (await db('users')
      .whereRaw('lower(email) = ?', [email])
      .andWhere('active', true)
      .first()) as
      { id: number; email: string; name: string; role: string; password_hash: string } | undefined;
    const ok = await verifyPassword(user?.password_hash ?? (await DUMMY_HASH), parsed.data.password);
    // The reserved attempt stays as a failure.
    if (!user || !ok) throw new AppError(401, 'invalid_credentials', 'E-Mail oder Passwort ist falsch.');
    // A fresh session id at every login; an old one the browser still sends is ended (no fixation).
    const previous = sessionToken(req);
    if (previous) await db('sessions').where('id_hash', hashToken(previous)).delete();
    await clearFailures(db, email);
    const token = await createSession(db, user.id);
    res.cookie(SESSION_COOKIE, token, cookieOptions(req));
    const municipality_ids = (await db('guide_municipalities')
      .where('user_id', user.id)
      .orderBy('municipality_id')
      .pluck('municipality_id')) as number[];
    res.json({ id: user.id, email: user.email, name: user.name, role: user.role, municipality_ids });
  });

  router.post('/auth/logout', async (req: Request, res: Response) => {
    const token = sessionToken(req);
    if (token) await db('sessions').where('id_hash', hashToken(token)).delete();
    res.clearCookie(SESSION_COOKIE, cookieOptions(req));
    res.json({ ok: true });
  });

  router.get('/auth/me', (req: Request, res: Response) => {
    res.json(currentUser(req));
  });

  router.post('/auth/password', async (req: Request, res: Response) => {
    const user = currentUser(req);
    const body = z
      .object({ current_password: z.string().max(200), new_password: z.string().max(200) })
      .safeParse(req.body);
    if (!body.success) throw badRequest('Bitte das aktuelle und das neue Passwort angeben.');
    const { current_password: current, new_password: chosen } = body.data;
    // A wrong current password counts like a failed login: a stolen session must not guess it freely.
    const account = user.email.toLowerCase();
    await reserveAttempt(db, config, account, clientAddress(req));
    const row = (await db('users').where('id', user.id).first()) as { password_hash: string };
    if (!(await verifyPassword(row.password_hash, current)))
      throw validationError({ current_password: 'Das aktuelle Passwort ist falsch.' });
    await clearFailures(db, account);
    const problem = passwordProblem(chosen, user.email, user.name);
    if (problem) throw validationError({ new_password: problem });
    if (chosen === current || (await verifyPassword(row.password_hash, chosen)))
      throw validationError({
        new_password: 'Das neue Passwort muss sich vom bisherigen unterscheiden.',
      });
    const token = sessionToken(req)!;
    await db.transaction(async (trx) => {
      await trx('users')
        .where('id', user.id)
        .update({
          password_hash: await hashPassword(chosen),
          // Like a reset by the CDO: the secret calendar address ends with the old password.
          calendar_token_hash: null,
          updated_at: trx.fn.now(),
          version: trx.raw('version + 1'),
        });
      // Other sessions of this user end; the current one stays.
      await trx('sessions').where('user_id', user.id).whereNot('id_hash', hashToken(token)).delete();
      await writeAudit(trx, user, 'update', 'users', user.id, { password: ['***', '***'] });
    });
    res.json({ ok: true });
  });

  // Database errors of these routes (a value PostgreSQL refuses, a conflict) answer 4xx, never 500.
  router.use((err: unknown, _req: Request, _res: Response, next: NextFunction) =>
    next(translateDbError(err)),
  );

  return router;
}
