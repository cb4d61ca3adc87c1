import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { AppError, badRequest, validationError } from '../../errors';
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

const WINDOW_MINUTES = 15;
const MAX_FAILURES = 10;
// Verifying against a real hash for unknown e-mails keeps both answers equally slow (no enumeration by timing).
const DUMMY_HASH = hashPassword('dummy-password-for-timing');

const loginBody = z.object({ email: z.string().max(254), password: z.string().max(200) });

async function throttled(db: Knex, email: string, ip: string): Promise<number | undefined> {
  const [row] = (await db('login_failures')
    .select(
      db.raw(`count(*) filter (where lower(email) = ?) as by_email`, [email]),
      db.raw(`count(*) filter (where ip = ?) as by_ip`, [ip]),
      db.raw(`min(at) as oldest`),
    )
    .where('at', '>', db.raw(`now() - make_interval(mins => ?)`, [WINDOW_MINUTES]))
    .andWhere((w) => w.whereRaw('lower(email) = ?', [email]).orWhere('ip', ip))) as {
    by_email: number;
    by_ip: number;
    oldest: string | null;
  }[];
  if (!row || (Number(row.by_email) < MAX_FAILURES && Number(row.by_ip) < MAX_FAILURES)) return undefined;
  const oldest = row.oldest ? Date.parse(row.oldest) : Date.now();
  return Math.max(1, Math.ceil((oldest + WINDOW_MINUTES * 60_000 - Date.now()) / 1000));
}

export function authRouter(db: Knex): Router {
  const router = Router();

  router.post('/auth/login', async (req: Request, res: Response) => {
    const parsed = loginBody.safeParse(req.body);
    if (!parsed.success) throw badRequest('Bitte E-Mail-Adresse und Passwort angeben.');
    const email = parsed.data.email.trim().toLowerCase();
    const ip = req.ip ?? 'unknown';
    const retryAfter = await throttled(db, email, ip);
    if (retryAfter)
      throw new AppError(
        429,
        'too_many_attempts',
        'Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie einige Minuten.',
        undefined,
        { 'Retry-After': String(retryAfter) },
      );
    const user = (await db('users')
      .whereRaw('lower(email) = ?', [email])
      .andWhere('active', true)
      .first()) as
      { id: number; email: string; name: string; role: string; password_hash: string } | undefined;
    const ok = await verifyPassword(user?.password_hash ?? (await DUMMY_HASH), parsed.data.password);
    if (!user || !ok) {
      await db('login_failures').insert({ email, ip });
      throw new AppError(401, 'invalid_credentials', 'E-Mail oder Passwort ist falsch.');
    }
    // A fresh session id at every login; an old one the browser still sends is ended (no fixation).
    const previous = sessionToken(req);
    if (previous) await db('sessions').where('id_hash', hashToken(previous)).delete();
    await db('login_failures').whereRaw('lower(email) = ?', [email]).delete();
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
    const row = (await db('users').where('id', user.id).first()) as { password_hash: string };
    if (!(await verifyPassword(row.password_hash, body.data.current_password)))
      throw validationError({ current_password: 'Das aktuelle Passwort ist falsch.' });
    const problem = passwordProblem(body.data.new_password, user.email);
    if (problem) throw validationError({ new_password: problem });
    const token = sessionToken(req)!;
    await db.transaction(async (trx) => {
      await trx('users')
        .where('id', user.id)
        .update({
          password_hash: await hashPassword(body.data.new_password),
          updated_at: trx.fn.now(),
          version: trx.raw('version + 1'),
        });
      // Other sessions of this user end; the current one stays.
      await trx('sessions').where('user_id', user.id).whereNot('id_hash', hashToken(token)).delete();
      await writeAudit(trx, user, 'update', 'users', user.id, { password: ['***', '***'] });
    });
    res.json({ ok: true });
  });

  return router;
}
