import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import type { Config } from '../../config';
import { z } from 'zod';
import { AppError, badRequest, conflict, validationError } from '../../errors';
import { clearFailures, reserveAttempt, type ThrottleConfig } from '../../http/loginThrottle';
import { writeAudit } from '../../rest/audit';
import {
  beginTotpSetup,
  checkSecondFactor,
  confirmTotpSetup,
  invalidCode,
  loadTotpUser,
  newRecoveryCodes,
  removeTotp,
} from './mfa';
import { verifyPassword } from './passwords';
import { currentUser, mfaSetupRequired } from './session';

const codeBody = z.object({ code: z.string().max(40) });
const passwordBody = z.object({ password: z.string().max(200) });

/** The user's own second factor: set up with a QR code, confirm, new recovery codes, remove (with the password). */
export function mfaRouter(
  db: Knex,
  config: ThrottleConfig & Pick<Config, 'mfaRequiredRoles'>,
  clientAddress: (req: Request) => string,
): Router {
  const router = Router();

  /** Every code or password checked here counts against the account's login throttle, like a password. */
  const throttled = async (req: Request, check: () => Promise<boolean>): Promise<boolean> => {
    const account = currentUser(req).email.toLowerCase();
    await reserveAttempt(db, config, account, clientAddress(req));
    const ok = await check();
    if (ok) await clearFailures(db, account);
    return ok;
  };

  router.get('/auth/mfa', async (req: Request, res: Response) => {
    const user = currentUser(req);
    const row = await loadTotpUser(db, user.id);
    const left = (await db('user_recovery_codes')
      .where('user_id', user.id)
      .whereNull('used_at')
      .count<{ n: number }[]>({ n: '*' })) as { n: number | string }[];
    res.json({
      // How this session was signed in: with single sign-on the provider's own second factor applies.
      sso: res.locals.session?.method === 'oidc',
      setup_required: mfaSetupRequired(config, user, res.locals.session),
      totp: !!row.totp_enabled_at,
      enabled_at: row.totp_enabled_at,
      recovery_codes_left: Number(left[0]?.n ?? 0),
    });
  });

  router.post('/auth/mfa/totp', async (req: Request, res: Response) => {
    res.json(await beginTotpSetup(db, currentUser(req)));
  });

  router.post('/auth/mfa/totp/confirm', async (req: Request, res: Response) => {
    const body = codeBody.safeParse(req.body);
    if (!body.success) throw badRequest('Bitte den Code aus der Authenticator-App angeben.');
    let codes: string[] | null = null;
    const ok = await throttled(req, async () => {
      codes = await confirmTotpSetup(db, currentUser(req), body.data.code);
      return codes !== null;
    });
    if (!ok || !codes)
      throw validationError({ code: 'Der Code passt nicht. Bitte den aktuellen Code eingeben.' });
    res.json({ recovery_codes: codes });
  });

  router.post('/auth/mfa/recovery_codes', async (req: Request, res: Response) => {
    const user = currentUser(req);
    const body = codeBody.safeParse(req.body);
    if (!body.success) throw badRequest('Bitte einen aktuellen Code aus der Authenticator-App angeben.');
    const row = await loadTotpUser(db, user.id);
    if (!row.totp_enabled_at) throw conflict('Es ist kein zweiter Faktor eingerichtet.');
    if (!(await throttled(req, () => checkSecondFactor(db, row, body.data.code)))) throw invalidCode();
    const codes = await db.transaction(async (trx) => {
      const fresh = await newRecoveryCodes(trx, user.id);
      await writeAudit(trx, user, 'update', 'users', user.id, { recovery_codes: ['***', '***'] });
      return fresh;
    });
    res.json({ recovery_codes: codes });
  });

  router.delete('/auth/mfa/totp', async (req: Request, res: Response) => {
    const user = currentUser(req);
    const body = passwordBody.safeParse(req.body);
    if (!body.success) throw badRequest('Bitte zur Bestätigung Ihr Passwort angeben.');
    const row = (await db('users').where('id', user.id).first('password_hash', 'totp_enabled_at')) as {
      password_hash: string;
      totp_enabled_at: string | null;
    };
    if (!row.totp_enabled_at) throw new AppError(409, 'conflict', 'Es ist kein zweiter Faktor eingerichtet.');
    if (!(await throttled(req, () => verifyPassword(row.password_hash, body.data.password))))
      throw validationError({ password: 'Das Passwort ist falsch.' });
    await removeTotp(db, user, user.id, { endSessions: false });
    res.json({ ok: true });
  });

  return router;
}
