import crypto from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import type { Config } from '../../config';
import { AppError } from '../../errors';
import { loadOpenidClient } from '../../lazyModules';
import type { Logger } from '../../logger';
import { writeAudit } from '../../rest/audit';
import type { OidcService } from './oidc';
import { hashPassword } from './passwords';
import { hashToken, startSession } from './session';

/**
 * Single sign-on over OpenID Connect: authorization code flow with PKCE, `state` bound to the browser by a cookie
 * and kept server-side for one use, `nonce` checked in the ID token. Users are matched by the provider's verified
 * e-mail; roles and municipalities stay in the cockpit.
 */

const STATE_COOKIE = 'myk10_oidc';
const CALLBACK_PATH = '/api/auth/oidc/callback';
/** Minutes a started SSO sign-in may take at the provider. */
const LOGIN_MINUTES = 10;

/** Why a callback was refused: the login page shows the German text of the code. */
export type SsoError = 'state' | 'provider' | 'token' | 'unverified' | 'unknown_user' | 'unavailable';

export const originOf = (config: Pick<Config, 'publicOrigin'>, req: Request): string =>
  config.publicOrigin ?? `${req.protocol}://${req.get('host')}`;

const redirectUri = (config: Pick<Config, 'publicOrigin'>, req: Request): string =>
  `${originOf(config, req)}${CALLBACK_PATH}`;

const stateCookieOptions = (req: Request) => ({
  httpOnly: true,
  // Lax: the provider sends the browser back with a top-level GET, which carries Lax cookies.
  sameSite: 'lax' as const,
  secure: req.secure,
  path: '/api/auth/oidc',
  maxAge: LOGIN_MINUTES * 60_000,
});

function readStateCookie(req: Request): string | undefined {
  const match = /(?:^|;\s*)myk10_oidc=([^;]+)/.exec(req.headers.cookie ?? '');
  return match?.[1];
}

interface PendingLogin {
  nonce: string;
  code_verifier: string;
}

export function oidcRouter(
  db: Knex,
  config: Pick<Config, 'publicOrigin' | 'passwordLogin'>,
  oidc: OidcService | undefined,
  logger?: Logger,
): Router {
  const router = Router();

  // What the login page offers: the password form, the SSO button (with its label), or both.
  router.get('/auth/config', (_req: Request, res: Response) => {
    res.json({
      password_login: config.passwordLogin,
      oidc: oidc ? { label: oidc.settings.label } : null,
    });
  });

  if (!oidc) return router;

  /** Back to the login page with the reason; no session, and the started sign-in is gone. */
  const refuse = (req: Request, res: Response, reason: SsoError, detail?: unknown) => {
    if (detail)
      logger?.warn({ reason, detail: detail instanceof Error ? detail.message : detail }, 'SSO refused');
    res.clearCookie(STATE_COOKIE, { ...stateCookieOptions(req), maxAge: undefined });
    res.redirect(302, `${originOf(config, req)}/#/login?sso_error=${reason}`);
  };

  /** The discovered provider and the library, or a redirect to the login page saying SSO is unavailable. */
  const providerOrRefuse = async (req: Request, res: Response) => {
    try {
      return { provider: await oidc.client(), client: await loadOpenidClient() };
    } catch {
      refuse(req, res, 'unavailable');
      return undefined;
    }
  };

  router.get('/auth/oidc/login', async (req: Request, res: Response) => {
    const ready = await providerOrRefuse(req, res);
    if (!ready) return;
    const { provider, client } = ready;
    const state = client.randomState();
    const nonce = client.randomNonce();
    const verifier = client.randomPKCECodeVerifier();
    await db('oidc_logins')
      .where('created_at', '<', db.raw('now() - make_interval(mins => ?)', [LOGIN_MINUTES]))
      .delete();
    await db('oidc_logins').insert({ state_hash: hashToken(state), nonce, code_verifier: verifier });
    res.cookie(STATE_COOKIE, state, stateCookieOptions(req));
    const url = client.buildAuthorizationUrl(provider, {
      redirect_uri: redirectUri(config, req),
      scope: 'openid email profile',
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    res.redirect(302, url.href);
  });

  router.get('/auth/oidc/callback', async (req: Request, res: Response) => {
    const state = typeof req.query.state === 'string' ? req.query.state : undefined;
    const cookieState = readStateCookie(req);
    // The state must be the one this browser started with (no login CSRF) ...
    if (
      !state ||
      !cookieState ||
      state.length !== cookieState.length ||
      !crypto.timingSafeEqual(Buffer.from(state), Buffer.from(cookieState))
    )
      return refuse(req, res, 'state');
    // ... and is used once: a replayed callback finds nothing.
    const pending = (
      (await db('oidc_logins')
        .where('state_hash', hashToken(state))
        .andWhere('created_at', '>', db.raw('now() - make_interval(mins => ?)', [LOGIN_MINUTES]))
        .delete()
        .returning(['nonce', 'code_verifier'])) as PendingLogin[]
    )[0];
    if (!pending) return refuse(req, res, 'state');
    if (req.query.error) return refuse(req, res, 'provider', String(req.query.error).slice(0, 100));

    const ready = await providerOrRefuse(req, res);
    if (!ready) return;
    const { provider, client } = ready;
    const current = new URL(redirectUri(config, req));
    current.search = new URL(req.originalUrl, 'http://callback.invalid').search;
    let claims: Record<string, unknown>;
    let idToken: string | undefined;
    try {
      const tokens = await client.authorizationCodeGrant(provider, current, {
        pkceCodeVerifier: pending.code_verifier,
        expectedState: state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims()!;
      idToken = tokens.id_token;
      claims = { ...idClaims };
      // Many providers (oidc-provider, some Keycloak set-ups) put the e-mail only into the userinfo answer.
      if (typeof claims.email !== 'string' || claims.email_verified === undefined)
        claims = { ...claims, ...(await client.fetchUserInfo(provider, tokens.access_token, idClaims.sub)) };
    } catch (err) {
      return refuse(req, res, 'token', err);
    }

    const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
    if (!email || claims.email_verified !== true) return refuse(req, res, 'unverified');
    let user = (await db('users').whereRaw('lower(email) = ?', [email]).first('id', 'active')) as
      { id: number; active: boolean } | undefined;
    if (user && !user.active) return refuse(req, res, 'unknown_user');
    if (!user) {
      const role = oidc.settings.autoCreateRole;
      if (!role) return refuse(req, res, 'unknown_user');
      user = await createSsoUser(db, email, typeof claims.name === 'string' ? claims.name : email, role);
    }
    await startSession(db, req, res, user.id, { method: 'oidc', idToken });
    res.clearCookie(STATE_COOKIE, { ...stateCookieOptions(req), maxAge: undefined });
    res.redirect(302, `${originOf(config, req)}/`);
  });

  return router;
}

/** OIDC_AUTO_CREATE_ROLE: a user at her first SSO sign-in, with a local password nobody knows (audited). */
async function createSsoUser(
  db: Knex,
  email: string,
  name: string,
  role: NonNullable<OidcService['settings']['autoCreateRole']>,
): Promise<{ id: number; active: boolean }> {
  const password_hash = await hashPassword(crypto.randomBytes(32).toString('base64url'));
  return db.transaction(async (trx) => {
    const [row] = (await trx('users')
      .insert({ email, name: name.slice(0, 120), role, password_hash, active: true })
      .returning(['id', 'email', 'name', 'role'])) as {
      id: number;
      email: string;
      name: string;
      role: typeof role;
    }[];
    const user = row!;
    await writeAudit(trx, { ...user, municipality_ids: [] }, 'create', 'users', user.id, {
      email: [null, user.email],
      name: [null, user.name],
      role: [null, user.role],
      sso: [null, 'automatisch angelegt'],
    });
    return { id: user.id, active: true };
  });
}

/**
 * Where the browser goes after the cockpit's logout: the provider's end-session endpoint (with the ID token as
 * hint) when the session came from SSO and the provider offers one; undefined otherwise.
 */
export async function endSessionUrl(
  oidc: OidcService | undefined,
  config: Pick<Config, 'publicOrigin'>,
  req: Request,
  idToken: string | null,
): Promise<string | undefined> {
  if (!oidc || !idToken) return undefined;
  try {
    const provider = await oidc.client();
    if (!provider.serverMetadata().end_session_endpoint) return undefined;
    const client = await loadOpenidClient();
    return client.buildEndSessionUrl(provider, {
      id_token_hint: idToken,
      post_logout_redirect_uri: `${originOf(config, req)}/`,
    }).href;
  } catch (err) {
    if (err instanceof AppError) return undefined;
    throw err;
  }
}
