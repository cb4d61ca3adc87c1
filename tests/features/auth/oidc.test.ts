import pino from 'pino';
import supertest from 'supertest';
import { createApp } from '../../../api/app';
import type { Config, OidcConfig } from '../../../api/config';
import { isLoopback, issuerProblem, OidcService } from '../../../api/features/auth/oidc';
import { hashToken } from '../../../api/features/auth/session';
import { DEMO_EMAIL, DEMO_PASSWORD, testApp, type Agent, type TestApp } from '../../support/app';
import {
  freeLoopbackPort,
  signInAtProvider,
  ssoRoundTrip,
  startProvider,
  type TestProvider,
} from '../../support/oidc';

/**
 * Single sign-on against a real OpenID provider (oidc-provider in a child process on a loopback port): the whole
 * round trip login → provider → callback → session, and every way a callback is refused without a session.
 */

const ORIGIN = 'http://127.0.0.1:3999';
const UNVERIFIED = 'unbestaetigt@myk10.example';

let provider: TestProvider;
let t: TestApp;
let oidc: OidcConfig;

beforeAll(async () => {
  provider = await startProvider({
    redirectUris: [`${ORIGIN}/api/auth/oidc/callback`],
    postLogoutRedirectUris: [`${ORIGIN}/`],
    accounts: { [UNVERIFIED]: { email_verified: false } },
  });
  oidc = {
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    label: 'Mit dem Dienstkonto anmelden',
  };
  t = await testApp({ config: { publicOrigin: ORIGIN, oidc, mfaRequiredRoles: ['steering'] } });
});
afterAll(async () => {
  await t?.close();
  await provider?.stop();
});

const quiet = pino({ level: 'silent' });
/** Another API process on the same database with its own configuration. */
const appWith = (config: Partial<Config>) =>
  createApp({ db: t.db, config: { ...t.config, ...config }, logger: quiet });

/** Starts an SSO sign-in: the agent keeps the state cookie; answers the provider's authorization URL. */
async function startLogin(agent: Agent): Promise<URL> {
  const res = await agent.get('/api/auth/oidc/login');
  expect(res.status).toBe(302);
  return new URL(res.headers.location as string);
}

/** The whole round trip for `login` at the provider; answers the agent and the callback's response. */
async function ssoSignIn(login: string, app = t.app) {
  const agent = supertest.agent(app);
  return { agent, ...(await ssoRoundTrip(agent, login)) };
}

/** Whether a response set a (non-empty) session cookie. */
const setsSession = (res: supertest.Response): boolean =>
  ((res.headers['set-cookie'] as unknown as string[] | undefined) ?? []).some((c) =>
    /^myk10_sid=[^;]/.test(c),
  );

const ssoError = (res: supertest.Response) =>
  /sso_error=(\w+)/.exec((res.headers.location as string | undefined) ?? '')?.[1];

describe('GET /api/auth/config', () => {
  it('tells the login page to show the SSO button with its label', async () => {
    const res = await supertest(t.app).get('/api/auth/config');

    expect(res.body).toEqual({ password_login: true, oidc: { label: 'Mit dem Dienstkonto anmelden' } });
  });
});

describe('GET /api/auth/oidc/login', () => {
  it('sends the browser to the provider with PKCE (S256), state, nonce and the redirect URI of PUBLIC_ORIGIN', async () => {
    const url = await startLogin(supertest.agent(t.app));

    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(url.searchParams.get('nonce')).toMatch(/^[\w-]{20,}$/);
    expect(url.searchParams.get('redirect_uri')).toBe(`${ORIGIN}/api/auth/oidc/callback`);
  });
});

describe('GET /api/auth/oidc/callback', () => {
  it('signs a known user with a verified e-mail in and sends her to the dashboard', async () => {
    const { agent, res } = await ssoSignIn(DEMO_EMAIL.cdo);

    expect(res.status).toBe(302);
    expect(res.headers.location).toBe(`${ORIGIN}/`);
    const me = await agent.get('/api/auth/me');
    expect(me.body).toMatchObject({ email: DEMO_EMAIL.cdo, role: 'cdo' });
    expect((await agent.get('/api/measures')).status).toBe(200);
    expect((await agent.get('/api/auth/mfa')).body.sso).toBe(true);
  });

  it('does not ask an SSO user of a role that needs a second factor for one (the provider’s applies)', async () => {
    const { agent } = await ssoSignIn(DEMO_EMAIL.steering);

    expect((await agent.get('/api/measures')).status).toBe(200);
    expect((await agent.get('/api/auth/mfa')).body.setup_required).toBe(false);
  });

  it('matches the e-mail without regard to case', async () => {
    const { agent } = await ssoSignIn(DEMO_EMAIL.viewer.toUpperCase());

    expect((await agent.get('/api/auth/me')).body.email).toBe(DEMO_EMAIL.viewer);
  });

  it('refuses an e-mail no cockpit user has, and creates no one', async () => {
    const { agent, res } = await ssoSignIn('unbekannt@landkreis.example');

    expect(ssoError(res)).toBe('unknown_user');
    expect((await agent.get('/api/auth/me')).status).toBe(401);
    expect(await t.db('users').where('email', 'unbekannt@landkreis.example')).toHaveLength(0);
  });

  it('refuses an e-mail the provider has not verified', async () => {
    await t
      .db('users')
      .insert({ email: UNVERIFIED, name: 'Unbestätigt', role: 'viewer', password_hash: 'x' });

    const { agent, res } = await ssoSignIn(UNVERIFIED);

    expect(ssoError(res)).toBe('unverified');
    expect((await agent.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses a deactivated user', async () => {
    await t.db('users').insert({
      email: 'inaktiv@myk10.example',
      name: 'Inaktiv',
      role: 'viewer',
      password_hash: 'x',
      active: false,
    });

    const { res } = await ssoSignIn('inaktiv@myk10.example');

    expect(ssoError(res)).toBe('unknown_user');
  });

  it('refuses a callback whose state is not the one this browser started with', async () => {
    const agent = supertest.agent(t.app);
    const back = await signInAtProvider((await startLogin(agent)).href, DEMO_EMAIL.cdo);
    back.searchParams.set('state', 'fremder-state-aus-einer-anderen-anmeldung');

    const res = await agent.get(back.pathname + back.search);

    expect(ssoError(res)).toBe('state');
    expect((await agent.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses a callback in another browser (no state cookie): no login CSRF', async () => {
    const back = await signInAtProvider((await startLogin(supertest.agent(t.app))).href, DEMO_EMAIL.cdo);

    const res = await supertest(t.app).get(back.pathname + back.search);

    expect(ssoError(res)).toBe('state');
    expect(setsSession(res)).toBe(false);
  });

  it('refuses a replayed callback', async () => {
    const back = await signInAtProvider((await startLogin(supertest.agent(t.app))).href, DEMO_EMAIL.cdo);
    const cookie = `myk10_oidc=${back.searchParams.get('state')}`;
    const first = await supertest(t.app)
      .get(back.pathname + back.search)
      .set('Cookie', cookie);

    const replay = await supertest(t.app)
      .get(back.pathname + back.search)
      .set('Cookie', cookie);

    expect(first.headers.location).toBe(`${ORIGIN}/`);
    expect(ssoError(replay)).toBe('state');
    expect(setsSession(first)).toBe(true);
    expect(setsSession(replay)).toBe(false);
  });

  it('refuses an ID token whose nonce is not the one of this sign-in', async () => {
    const agent = supertest.agent(t.app);
    const back = await signInAtProvider((await startLogin(agent)).href, DEMO_EMAIL.cdo);
    await t
      .db('oidc_logins')
      .where('state_hash', hashToken(back.searchParams.get('state')!))
      .update({ nonce: 'eine-andere-nonce-als-im-id-token' });

    const res = await agent.get(back.pathname + back.search);

    expect(ssoError(res)).toBe('token');
    expect((await agent.get('/api/auth/me')).status).toBe(401);
  });

  it('creates a user of OIDC_AUTO_CREATE_ROLE at her first sign-in when configured', async () => {
    const app = appWith({ oidc: { ...oidc, autoCreateRole: 'viewer' } });

    const { agent, res } = await ssoSignIn('neu.im.kreis@landkreis.example', app);

    expect(res.headers.location).toBe(`${ORIGIN}/`);
    expect((await agent.get('/api/auth/me')).body).toMatchObject({
      email: 'neu.im.kreis@landkreis.example',
      role: 'viewer',
    });
    const created = await t.db('users').where('email', 'neu.im.kreis@landkreis.example').first();
    expect(
      await t.db('audit_entries').where({ resource: 'users', record_id: created.id, action: 'create' }),
    ).toHaveLength(1);
  });
});

describe('POST /api/auth/logout after SSO', () => {
  it('ends the cockpit session and answers the provider’s end-session URL', async () => {
    const { agent } = await ssoSignIn(DEMO_EMAIL.funding);

    const res = await agent.post('/api/auth/logout').send({});

    expect(res.status).toBe(200);
    const end = new URL(res.body.end_session_url as string);
    expect(end.origin).toBe(provider.issuer);
    expect(end.searchParams.get('id_token_hint')).toBeTruthy();
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${ORIGIN}/`);
    expect((await agent.get('/api/auth/me')).status).toBe(401);
    expect((await fetch(end)).status).toBe(200);
  });

  it('answers no end-session URL after a password sign-in', async () => {
    const agent = await t.as('viewer');

    const res = await agent.post('/api/auth/logout').send({});

    expect(res.body).toEqual({ ok: true });
  });
});

describe('the provider at start-up', () => {
  it('refuses an http: issuer that is not on this machine, without asking it', async () => {
    const service = new OidcService({ ...oidc, issuer: 'http://idp.landkreis.example/realms/myk10' });

    await service.discover();

    expect(service.problem).toMatch(/https:\/\//);
    expect(issuerProblem('https://idp.landkreis.example/realms/myk10')).toBeNull();
    expect(['localhost', '127.0.0.1', '127.8.9.10', '[::1]'].every(isLoopback)).toBe(true);
    expect(['10.0.0.1', '128.0.0.1', 'localhost.example', '127.0.0.1.nip.io'].some(isLoopback)).toBe(false);
  });

  it('starts the app with an unreachable issuer: password sign-in works, SSO says it is unavailable', async () => {
    const port = await freeLoopbackPort();
    const service = new OidcService({ ...oidc, issuer: `http://127.0.0.1:${port}` });
    await service.discover();
    const app = createApp({ db: t.db, config: t.config, logger: quiet, oidc: service });

    const password = await supertest(app)
      .post('/api/auth/login')
      .send({ email: DEMO_EMAIL.viewer, password: DEMO_PASSWORD });
    const sso = await supertest(app).get('/api/auth/oidc/login');

    expect(service.problem).toMatch(/nicht erreichbar/);
    expect(password.status).toBe(200);
    expect(ssoError(sso)).toBe('unavailable');
  });

  it('refuses the SSO sign-in of an app whose issuer is an http: address elsewhere', async () => {
    const app = appWith({ oidc: { ...oidc, issuer: 'http://idp.landkreis.example' } });

    const res = await supertest(app).get('/api/auth/oidc/login');

    expect(ssoError(res)).toBe('unavailable');
  });
});

describe('PASSWORD_LOGIN=false', () => {
  it('refuses local passwords except for the break-glass account the CDO marked', async () => {
    const cdo = await t.as('cdo');
    const steering = (await t.db('users').where('email', DEMO_EMAIL.steering).first()) as {
      id: number;
      version: number;
    };
    const marked = await cdo
      .put(`/api/users/${steering.id}`)
      .send({ ...(await cdo.get(`/api/users/${steering.id}`)).body, break_glass: true });
    expect(marked.status).toBe(200);
    const app = appWith({ passwordLogin: false });

    const refused = await supertest(app)
      .post('/api/auth/login')
      .send({ email: DEMO_EMAIL.viewer, password: DEMO_PASSWORD });
    const breakGlass = await supertest(app)
      .post('/api/auth/login')
      .send({ email: DEMO_EMAIL.steering, password: DEMO_PASSWORD });
    const config = await supertest(app).get('/api/auth/config');

    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(/Dienstkonto/);
    expect(breakGlass.status).toBe(200);
    expect(config.body.password_login).toBe(false);
  });

  it('refuses a right, a wrong and an unknown account’s password alike, and a break-glass account’s wrong one', async () => {
    const cdo = await t.as('cdo');
    const funding = (await t.db('users').where('email', DEMO_EMAIL.funding).first('id')) as { id: number };
    const marked = await cdo
      .put(`/api/users/${funding.id}`)
      .send({ ...(await cdo.get(`/api/users/${funding.id}`)).body, break_glass: true });
    expect(marked.status).toBe(200);
    // Each attempt from an address of its own: the address throttle is not what is tested here.
    const app = appWith({ passwordLogin: false, trustProxy: 'loopback' });
    let ip = 0;
    const attempt = async (email: string, password: string) => {
      const res = await supertest(app)
        .post('/api/auth/login')
        .set('X-Forwarded-For', `10.40.0.${++ip}`)
        .send({ email, password });
      return { status: res.status, body: res.body as unknown, session: setsSession(res) };
    };

    const answers = [
      await attempt(DEMO_EMAIL.guide, DEMO_PASSWORD),
      await attempt(DEMO_EMAIL.guide, 'falsches-Passwort-123'),
      await attempt('niemand@myk10.example', DEMO_PASSWORD),
      await attempt(DEMO_EMAIL.funding, 'falsches-Passwort-123'),
    ];

    expect(answers[0]).toEqual({
      status: 403,
      body: { code: 'password_login_disabled', message: expect.stringMatching(/Dienstkonto/) },
      session: false,
    });
    for (const other of answers.slice(1)) expect(other).toEqual(answers[0]);
    expect((await attempt(DEMO_EMAIL.funding, DEMO_PASSWORD)).status).toBe(200);
  });
});
