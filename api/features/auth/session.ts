import crypto from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Knex } from 'knex';
import type { Config } from '../../config';
import { AppError, unauthenticated } from '../../errors';
import type { SessionUser } from '../../rest/resource';

export const SESSION_COOKIE = 'myk10_sid';
/** The half sign-in between a right password and its second factor: a cookie of its own that opens nothing. */
export const MFA_COOKIE = 'myk10_mfa';
const TOUCH_INTERVAL_MS = 60_000;

export const hashToken = (token: string): string => crypto.createHash('sha256').update(token).digest('hex');
export const newToken = (): string => crypto.randomBytes(32).toString('base64url');

/** How the current session was signed in, for the second-factor rules. */
export interface SessionInfo {
  method: 'password' | 'oidc';
  /** The user has a confirmed TOTP authenticator. */
  totp: boolean;
}

declare module 'express-serve-static-core' {
  interface Locals {
    user?: SessionUser;
    session?: SessionInfo;
  }
}

export function currentUser(req: Request): SessionUser {
  const user = req.res?.locals.user;
  if (!user) throw unauthenticated();
  return user;
}

export interface NewSession {
  method?: SessionInfo['method'];
  /** 'mfa': signed in with the password, waiting for the second factor (opens nothing). */
  stage?: 'mfa' | 'full';
  idToken?: string;
  /** The browser's User-Agent header, shown in the list of one's sessions. */
  userAgent?: string;
}

/** Enough of a User-Agent to tell devices apart; the rest of a long header says nothing more. */
const USER_AGENT_LENGTH = 255;

export async function createSession(
  db: Knex | Knex.Transaction,
  userId: number,
  { method = 'password', stage = 'full', idToken, userAgent }: NewSession = {},
): Promise<string> {
  const token = newToken();
  await db('sessions').insert({
    id_hash: hashToken(token),
    user_id: userId,
    method,
    stage,
    id_token: idToken ?? null,
    user_agent: userAgent?.slice(0, USER_AGENT_LENGTH) || null,
  });
  return token;
}

export async function endSessionsOf(db: Knex | Knex.Transaction, userId: number): Promise<void> {
  await db('sessions').where('user_id', userId).delete();
}

function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) {
      // A malformed value (e.g. "%E0%A4%A") is no session, not an error of every route.
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export function sessionToken(req: Request): string | undefined {
  return readCookie(req, SESSION_COOKIE);
}

export function mfaToken(req: Request): string | undefined {
  return readCookie(req, MFA_COOKIE);
}

export function cookieOptions(req: Request) {
  return { httpOnly: true, sameSite: 'lax' as const, secure: req.secure, path: '/' };
}

interface SessionRow extends SessionUser {
  last_seen_at: string;
  method: SessionInfo['method'];
  totp: boolean;
}

/**
 * SQL condition: the session of table alias `s` is fully signed in and neither idle nor older than allowed; takes
 * the idle minutes and the absolute hours as its two bindings.
 */
export const fullAndAlive = (s: string): string =>
  `${s}.stage = 'full' and ${s}.last_seen_at > now() - make_interval(mins => ?)
    and ${s}.created_at > now() - make_interval(hours => ?)`;

// Written out once: the lookup runs on every request, so no query builder per request.
const SESSION_SQL = `select u.id, u.email, u.name, u.role, s.last_seen_at, s.method,
    u.totp_enabled_at is not null as totp,
    (select coalesce(array_agg(g.municipality_id order by g.municipality_id), '{}') from guide_municipalities g
      where g.user_id = u.id) as municipality_ids
  from sessions s join users u on u.id = s.user_id
  where s.id_hash = ? and u.active and ${fullAndAlive('s')}
  limit 1`;

/**
 * Resolves the session cookie to a user in one query (with the guide's municipalities); idle and absolute
 * expiry and deactivated users are part of the SQL, so a session of a deactivated user ends at once.
 */
export function loadSession(db: Knex, config: Config) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const token = sessionToken(req);
    if (!token) return next();
    const row = (
      (await db.raw(SESSION_SQL, [
        hashToken(token),
        config.sessionIdleMinutes,
        config.sessionAbsoluteHours,
      ])) as {
        rows: SessionRow[];
      }
    ).rows[0];
    if (!row) {
      res.clearCookie(SESSION_COOKIE, cookieOptions(req));
      return next();
    }
    const { last_seen_at: lastSeen, method, totp, ...user } = row;
    res.locals.user = user;
    res.locals.session = { method, totp };
    // Touching the session on every request would be a write per read; once a minute keeps the idle clock.
    if (Date.now() - Date.parse(lastSeen) > TOUCH_INTERVAL_MS)
      await db('sessions').where('id_hash', hashToken(token)).update({ last_seen_at: db.fn.now() });
    next();
  };
}

export function requireUser(req: Request, _res: Response, next: NextFunction): void {
  currentUser(req);
  next();
}

/**
 * Starts a session after a successful sign-in: a fresh id every time, and an old one the browser still sends is
 * ended (no fixation). Sets the cookie and answers nothing itself.
 */
export async function startSession(
  db: Knex,
  req: Request,
  res: Response,
  userId: number,
  options: NewSession = {},
): Promise<void> {
  const previous = [sessionToken(req), mfaToken(req)].filter((t): t is string => !!t);
  if (previous.length) await db('sessions').whereIn('id_hash', previous.map(hashToken)).delete();
  const token = await createSession(db, userId, { userAgent: req.get('user-agent'), ...options });
  if (options.stage === 'mfa') {
    res.clearCookie(SESSION_COOKIE, cookieOptions(req));
    res.cookie(MFA_COOKIE, token, cookieOptions(req));
  } else {
    if (previous.length) res.clearCookie(MFA_COOKIE, cookieOptions(req));
    res.cookie(SESSION_COOKIE, token, cookieOptions(req));
  }
}

/** Whether a signed-in user must set up her second factor before anything else (MFA_REQUIRED_ROLES). */
export const mfaSetupRequired = (
  config: Pick<Config, 'mfaRequiredRoles'>,
  user: SessionUser,
  session: SessionInfo | undefined,
): boolean =>
  !!session && session.method === 'password' && !session.totp && config.mfaRequiredRoles.includes(user.role);

/**
 * Mounted after the sign-in routes: a user who must set up her second factor reaches nothing else until she has
 * (the routes of the set-up itself, /auth/me and logout are in the sign-in router before this).
 */
export function secondFactorGate(config: Pick<Config, 'mfaRequiredRoles'>) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    const { user, session } = res.locals;
    if (user && mfaSetupRequired(config, user, session))
      throw new AppError(
        403,
        'mfa_setup_required',
        'Bitte richten Sie zuerst Ihren zweiten Faktor ein (Seite „Sicherheit“ im Benutzermenü); vorher ist nichts anderes möglich.',
      );
    next();
  };
}
