import { Router, type NextFunction, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { AppError, badRequest, translateDbError, validationError } from '../../errors';
import { clearFailures, reserveAttempt, type ThrottleConfig } from '../../http/loginThrottle';
import { writeAudit } from '../../rest/audit';
import { hashPassword, passwordProblem, verifyPassword } from './passwords';
import type { Role } from '../../domain';
import type { Config } from '../../config';
import type { SessionUser } from '../../rest/resource';
import type { Logger } from '../../logger';
import { mfaRouter } from './mfaRoutes';
import { sessionRouter } from './sessionRoutes';
import type { OidcService } from './oidc';
import { endSessionUrl, oidcRouter } from './oidcRoutes';
import { checkSecondFactor, invalidCode, loadTotpUser, MFA_PENDING_MINUTES } from './mfa';
import {
  cookieOptions,
  currentUser,
  hashToken,
  mfaToken,
  MFA_COOKIE,
  SESSION_COOKIE,
  sessionToken,
  startSession,
} from './session';

// Verifying against a real hash for unknown e-mails keeps both answers equally slow (no enumeration by timing).
const DUMMY_HASH = hashPassword('dummy-password-for-timing');

/** With PASSWORD_LOGIN=false: the one answer to every failed password sign-in. */
const passwordLoginDisabled = (): AppError =>
  new AppError(
    403,
    'password_login_disabled',
    'Die Anmeldung mit Passwort ist abgeschaltet (außer für Notfallzugänge mit richtigem Passwort). Bitte melden Sie sich mit dem Dienstkonto an.',
  );

// eslint-disable-next-line no-control-regex -- control characters (NUL above all) cannot be in an address
const noControl = (v: string) => !/[\u0000-\u001f\u007f]/.test(v);
const loginBody = z.object({
  email: z.string().max(254).refine(noControl),
  password: z.string().max(200),
});

// login_failures.ip holds 64 characters; a longer "address" can only come from a forged header.
export const clientAddress = (req: Request): string => (req.ip ?? 'unbekannt').slice(0, 64);

export type AuthConfig = ThrottleConfig &
  Pick<Config, 'passwordLogin' | 'mfaRequiredRoles' | 'sessionIdleMinutes' | 'sessionAbsoluteHours'>;

async function signedInUser(db: Knex, id: number) {
  const user = (await db('users').where('id', id).first('id', 'email', 'name', 'role')) as Omit<
    SessionUser,
    'municipality_ids'
  >;
  const municipality_ids = (await db('guide_municipalities')
    .where('user_id', id)
    .orderBy('municipality_id')
    .pluck('municipality_id')) as number[];
  return { ...user, municipality_ids };
}

export function authRouter(
  db: Knex,
  config: AuthConfig & Pick<Config, 'publicOrigin'>,
  oidc?: OidcService,
  logger?: Logger,
): Router {
  const router = Router();
  router.use(oidcRouter(db, config, oidc, logger));

  router.post('/auth/login', async (req: Request, res: Response) => {
    const parsed = loginBody.safeParse(req.body);
    if (!parsed.success) throw badRequest('Bitte E-Mail-Adresse und Passwort angeben.');
    const email = parsed.data.email.trim().toLowerCase();
    await reserveAttempt(db, config, email, clientAddress(req));
    const user = (await db('users')
      .whereRaw('lower(email) = ?', [email])
      .andWhere('active', true)
      .first('id', 'password_hash', 'break_glass', 'totp_enabled_at', 'role')) as
      | {
          id: number;
          password_hash: string;
          break_glass: boolean;
          totp_enabled_at: string | null;
          role: Role;
        }
      | undefined;
    // With PASSWORD_LOGIN=false only a break-glass account's own hash is checked, decided before any check: every
    // other account (and an unknown one) spends the same time on the dummy hash, and every refusal is the same,
    // so the answer tells neither whether the password was right nor which account is a break-glass one.
    const checked = config.passwordLogin || !!user?.break_glass ? user : undefined;
    const ok = await verifyPassword(checked?.password_hash ?? (await DUMMY_HASH), parsed.data.password);
    // The reserved attempt stays as a failure.
    if (!config.passwordLogin && !(checked && ok)) throw passwordLoginDisabled();
    if (!user || !ok) throw new AppError(401, 'invalid_credentials', 'E-Mail oder Passwort ist falsch.');
    if (user.totp_enabled_at) {
      // Half signed in: a session that opens nothing until POST /auth/mfa. The reserved attempt stays counted
      // until the second factor is right, so a known password does not reset the throttle of the codes.
      await startSession(db, req, res, user.id, { stage: 'mfa' });
      res.json({ mfa_required: true });
      return;
    }
    await clearFailures(db, email);
    await startSession(db, req, res, user.id);
    res.json(await signedInUser(db, user.id));
  });

  router.post('/auth/mfa', async (req: Request, res: Response) => {
    const body = z.object({ code: z.string().max(40) }).safeParse(req.body);
    if (!body.success) throw badRequest('Bitte den Code aus der Authenticator-App angeben.');
    const token = mfaToken(req);
    const pending = token
      ? ((await db('sessions')
          .join('users', 'users.id', 'sessions.user_id')
          .where({ 'sessions.id_hash': hashToken(token), 'sessions.stage': 'mfa', 'users.active': true })
          .andWhere(
            'sessions.created_at',
            '>',
            db.raw('now() - make_interval(mins => ?)', [MFA_PENDING_MINUTES]),
          )
          .first('users.id', 'users.email')) as { id: number; email: string } | undefined)
      : undefined;
    if (!pending)
      throw new AppError(
        401,
        'mfa_expired',
        'Die Anmeldung ist abgelaufen. Bitte erneut mit E-Mail und Passwort anmelden.',
      );
    const account = pending.email.toLowerCase();
    await reserveAttempt(db, config, account, clientAddress(req));
    if (!(await checkSecondFactor(db, await loadTotpUser(db, pending.id), body.data.code)))
      throw invalidCode();
    await clearFailures(db, account);
    await startSession(db, req, res, pending.id);
    res.json(await signedInUser(db, pending.id));
  });

  router.post('/auth/logout', async (req: Request, res: Response) => {
    const tokens = [sessionToken(req), mfaToken(req)].filter((v): v is string => !!v).map(hashToken);
    const ended = tokens.length
      ? ((await db('sessions').whereIn('id_hash', tokens).delete().returning(['method', 'id_token'])) as {
          method: string;
          id_token: string | null;
        }[])
      : [];
    res.clearCookie(SESSION_COOKIE, cookieOptions(req));
    res.clearCookie(MFA_COOKIE, cookieOptions(req));
    // After SSO the browser also signs out at the provider, when it offers an end-session endpoint.
    const sso = ended.find((s) => s.method === 'oidc');
    const end_session_url = sso ? await endSessionUrl(oidc, config, req, sso.id_token) : undefined;
    res.json(end_session_url ? { ok: true, end_session_url } : { ok: true });
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

  router.use(mfaRouter(db, config, clientAddress));
  router.use(sessionRouter(db, config));

  // Database errors of these routes (a value PostgreSQL refuses, a conflict) answer 4xx, never 500.
  router.use((err: unknown, _req: Request, _res: Response, next: NextFunction) =>
    next(translateDbError(err)),
  );

  return router;
}
