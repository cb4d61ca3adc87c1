import crypto from 'node:crypto';
import type { Express } from 'express';
import pino from 'pino';
import supertest from 'supertest';
import { createApp } from '../../api/app';
import type { Config } from '../../api/config';
import { PASSWORD_HASH_COST, setPasswordHashCostForTests } from '../../api/features/auth/passwords';
import { ADDRESS_LIMIT, accountWait, FREE_ATTEMPTS } from '../../api/http/loginThrottle';
import { DEMO_EMAIL, DEMO_PASSWORD, testApp, type TestApp } from '../support/app';
import { dbChecksum } from '../support/checksum';
import { createBody, TEST_PASSWORD, uniq, type Body } from '../support/fixtures';
import { TEST_HASH_COST } from '../support/hashCost';
import { listen, loginCookie } from '../support/provider';

/**
 * Sign-in, sessions and the defences around them. The app trusts the loopback proxy here, so each test can
 * speak from an address of its own (X-Forwarded-For) and the login throttle of one test does not hit another.
 * Its login backoff starts at a minute, so "during the pause" holds however slow the machine is; tests of the
 * pause's end use a second app on the same database with short pauses.
 */

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ config: { trustProxy: 'loopback', loginBackoffBaseMs: 60_000 } });
});
afterAll(async () => t?.close());

let ipCounter = 0;
/** A client address no other request of this file uses. */
const freshIp = () => `10.20.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

/** The non-empty session cookie a response sets, if any. */
function sessionCookie(res: supertest.Response): string | undefined {
  const raw = res.headers['set-cookie'] as unknown as string[] | undefined;
  return raw?.find((c) => /^myk10_sid=[^;]+/.test(c));
}
const tokenOf = (cookie: string | undefined) =>
  decodeURIComponent(/^myk10_sid=([^;]+)/.exec(cookie ?? '')![1]!);

const login = (email: string, password: string, ip = freshIp(), cookie?: string, app?: Express) => {
  const req = supertest(app ?? t.app)
    .post('/api/auth/login')
    .set('X-Forwarded-For', ip);
  if (cookie) req.set('Cookie', `myk10_sid=${cookie}`);
  return req.send({ email, password });
};

/** Another API process on the same database (its own memory, its own configuration). */
const otherApp = (config: Partial<Config> = {}) =>
  createApp({ db: t.db, config: { ...t.config, ...config }, logger: pino({ level: 'silent' }) });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const statuses = (responses: supertest.Response[]) =>
  responses.reduce<Record<number, number>>((n, r) => ({ ...n, [r.status]: (n[r.status] ?? 0) + 1 }), {});

async function loginToken(email: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await login(email, password);
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status}`);
  return tokenOf(sessionCookie(res));
}

const withToken = (token: string) => ({
  get: (path: string) => supertest(t.app).get(path).set('Cookie', `myk10_sid=${token}`),
  post: (path: string) => supertest(t.app).post(path).set('Cookie', `myk10_sid=${token}`),
});
const meStatus = async (token: string) => (await withToken(token).get('/api/auth/me')).status;

/** A user of its own for a test that ends sessions, changes passwords or trips the throttle. */
async function newUser(overrides: Body = {}): Promise<Body> {
  const cdo = await t.as('cdo');
  const res = await cdo.post('/api/users').send({ ...(await createBody(t.db, 'users')), ...overrides });
  if (res.status !== 201) throw new Error(`user: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Body;
}

describe('POST /api/auth/login', () => {
  it('sets an httpOnly, SameSite=Lax session cookie for the whole site', async () => {
    const res = await login(DEMO_EMAIL.viewer, DEMO_PASSWORD);

    const cookie = sessionCookie(res)!;
    expect(res.status).toBe(200);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toMatch(/;\s*Path=\/(;|$)/i);
    expect(cookie).not.toMatch(/;\s*Domain=/i);
  });

  it('uses a session id of at least 128 random bits, stored only as a hash', async () => {
    const token = await loginToken(DEMO_EMAIL.viewer);

    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(await t.db('sessions').where('id_hash', token).first()).toBeUndefined();
    expect(await t.db('sessions').where('id_hash', sha256(token)).first()).toBeDefined();
  });

  it('answers the user without the session id in the body', async () => {
    const res = await login(DEMO_EMAIL.viewer, DEMO_PASSWORD);

    expect(Object.keys(res.body).sort()).toEqual(['email', 'id', 'municipality_ids', 'name', 'role']);
    expect(JSON.stringify(res.body)).not.toContain(tokenOf(sessionCookie(res)));
  });

  it('issues a new session id at every login', async () => {
    const first = await loginToken(DEMO_EMAIL.viewer);
    const second = await loginToken(DEMO_EMAIL.viewer);

    expect(second).not.toBe(first);
  });

  it('does not adopt a session id the browser brought along (fixation)', async () => {
    const planted = crypto.randomBytes(32).toString('base64url');

    const res = await login(DEMO_EMAIL.viewer, DEMO_PASSWORD, freshIp(), planted);

    expect(tokenOf(sessionCookie(res))).not.toBe(planted);
    expect(await meStatus(planted)).toBe(401);
    expect(await meStatus(tokenOf(sessionCookie(res)))).toBe(200);
  });

  it('ends the session the browser had before when it signs in again', async () => {
    const old = await loginToken(DEMO_EMAIL.viewer);

    const res = await login(DEMO_EMAIL.viewer, DEMO_PASSWORD, freshIp(), old);

    expect(res.status).toBe(200);
    expect(await meStatus(old)).toBe(401);
  });

  it('answers 401 for an inactive user with the right password', async () => {
    const user = await newUser({ active: false });

    const res = await login(user.email as string, TEST_PASSWORD);

    expect(res.status).toBe(401);
  });

  it('answers unknown e-mail and wrong password alike: same status and message', async () => {
    const user = await newUser();

    const unknown = await login(`niemand-${uniq()}@myk10.example`, TEST_PASSWORD);
    const wrong = await login(user.email as string, 'Falsches-Passwort-2026');

    expect(unknown.status).toBe(401);
    expect({ status: wrong.status, body: wrong.body }).toEqual({
      status: unknown.status,
      body: unknown.body,
    });
  });

  it('takes about as long for an unknown e-mail as for a wrong password (the hash is checked either way)', async () => {
    // The product's cost, as the stand-in hash for unknown e-mails has it (the suite's own is cheaper).
    setPasswordHashCostForTests(PASSWORD_HASH_COST);
    const user = await newUser().finally(() => setPasswordHashCostForTests(TEST_HASH_COST));
    const median = async (attempt: () => Promise<unknown>) => {
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const start = process.hrtime.bigint();
        await attempt();
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      return times.sort((a, b) => a - b)[1]!;
    };

    const unknown = await median(() => login(`niemand-${uniq()}@myk10.example`, 'Falsches-Passwort-2026'));
    const wrong = await median(() => login(user.email as string, 'Falsches-Passwort-2026'));

    // argon2 verification takes tens of milliseconds; without it an answer takes a few.
    expect(Math.min(unknown, wrong)).toBeGreaterThan(10);
    expect(Math.max(unknown, wrong) / Math.min(unknown, wrong)).toBeLessThan(10);
  });
});

describe('login throttling', () => {
  it(`answers 429 with Retry-After after ${FREE_ATTEMPTS} failed logins for one account, even for the right password from changing addresses`, async () => {
    const user = await newUser();
    for (let i = 0; i < FREE_ATTEMPTS; i++)
      expect((await login(user.email as string, 'Falsches-Passwort-2026')).status).toBe(401);

    const res = await login(user.email as string, TEST_PASSWORD);

    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.body.message).toEqual(expect.any(String));
  });

  it('counts the account case-insensitively', async () => {
    const user = await newUser();
    const email = user.email as string;
    for (let i = 0; i < 10; i++) await login(i % 2 ? email.toUpperCase() : email, 'Falsches-Passwort-2026');

    const res = await login(email, TEST_PASSWORD);

    expect(res.status).toBe(429);
  });

  it(`answers 429 after ${ADDRESS_LIMIT} failed logins from one address across different e-mails`, async () => {
    const ip = freshIp();
    for (let i = 0; i < ADDRESS_LIMIT; i++)
      await login(`unbekannt-${uniq()}@myk10.example`, 'Falsches-Passwort-2026', ip);

    const blocked = await login(DEMO_EMAIL.steering, DEMO_PASSWORD, ip);
    const elsewhere = await login(DEMO_EMAIL.steering, DEMO_PASSWORD, freshIp());

    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(elsewhere.status).toBe(200);
  });

  it(`checks at most ${FREE_ATTEMPTS} of 40 parallel wrong passwords for one account, across two API processes; the rest answer 429`, async () => {
    const user = await newUser();
    const apps = [t.app, otherApp()];

    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        login(user.email as string, 'Falsches-Passwort-2026', freshIp(), undefined, apps[i % 2]),
      ),
    );

    const n = statuses(responses);
    expect(n[401]).toBeGreaterThanOrEqual(1);
    expect(n[401]).toBeLessThanOrEqual(FREE_ATTEMPTS);
    expect(n[429]).toBe(40 - n[401]!);
    for (const r of responses.filter((x) => x.status === 429))
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
  });

  it(`checks at most ${ADDRESS_LIMIT} of 40 parallel wrong logins from one address for different accounts`, async () => {
    const ip = freshIp();
    const apps = [t.app, otherApp()];

    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        login(`unbekannt-${uniq()}@myk10.example`, 'Falsches-Passwort-2026', ip, undefined, apps[i % 2]),
      ),
    );

    const n = statuses(responses);
    expect(n[401]).toBeGreaterThanOrEqual(1);
    expect(n[401]).toBeLessThanOrEqual(ADDRESS_LIMIT);
    expect(n[429]).toBe(40 - n[401]!);
  });

  it('doubles the pause with every further failure, up to the maximum', () => {
    const config = { loginBackoffBaseMs: 1000, loginBackoffMaxMs: 60_000 };
    const pauses = [0, 1, 2, 3, 4, 5, 6, 7, 8, 20, 1000].map((k) =>
      accountWait(config, FREE_ATTEMPTS + k, 0),
    );

    expect(accountWait(config, FREE_ATTEMPTS - 1, 0)).toBe(0);
    expect(pauses).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000, 60_000, 60_000]);
    expect(accountWait(config, FREE_ATTEMPTS + 2, 3000)).toBe(1000);
    expect(accountWait(config, FREE_ATTEMPTS + 2, 5000)).toBe(0);
  });

  it('lets the owner in with the right password after the pause, even after 12 failures; during it 429 with Retry-After', async () => {
    const maxMs = 2000;
    const fast = otherApp({ loginBackoffBaseMs: 50, loginBackoffMaxMs: maxMs });
    const user = await newUser();
    const email = user.email as string;
    let failures = 0;
    while (failures < 12) {
      const res = await login(email, 'Falsches-Passwort-2026', freshIp(), undefined, fast);
      if (res.status === 401) failures++;
      else {
        expect(res.status).toBe(429);
        expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        await sleep(50);
      }
    }

    // On a busy machine the twelfth check alone can outlast the pause: the failures are dated to now, so the
    // right password surely meets the (maximal) pause.
    await t.db('login_failures').where('email', email.toLowerCase()).update({ at: t.db.fn.now() });
    const during = await login(email, TEST_PASSWORD, freshIp(), undefined, fast);
    await sleep(maxMs + 100);
    const after = await login(email, TEST_PASSWORD, freshIp(), undefined, fast);

    expect(during.status).toBe(429);
    expect(Number(during.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(during.headers['retry-after'])).toBeLessThanOrEqual(maxMs / 1000);
    expect(after.status).toBe(200);
    // The success clears the account's failures: the next wrong password is checked again, without a pause.
    expect((await login(email, 'Falsches-Passwort-2026', freshIp(), undefined, fast)).status).toBe(401);
  });

  it('with trust proxy = 1 limits by the address the proxy saw, whatever X-Forwarded-For the client sent', async () => {
    const behindProxy = otherApp({ trustProxy: 1 });
    const seen = freshIp();
    const viaProxy = (forged: string, email: string, password: string) =>
      supertest(behindProxy)
        .post('/api/auth/login')
        // The proxy appends the address it saw to what the client sent.
        .set('X-Forwarded-For', `${forged}, ${seen}`)
        .send({ email, password });
    for (let i = 0; i < ADDRESS_LIMIT; i++)
      expect((await viaProxy(freshIp(), `unbekannt-${uniq()}@myk10.example`, 'Falsch-2026-xy')).status).toBe(
        401,
      );

    const forged = await viaProxy(freshIp(), DEMO_EMAIL.steering, DEMO_PASSWORD);
    const other = await supertest(behindProxy)
      .post('/api/auth/login')
      .set('X-Forwarded-For', freshIp())
      .send({ email: DEMO_EMAIL.steering, password: DEMO_PASSWORD });

    expect(forged.status).toBe(429);
    expect(other.status).toBe(200);
  });
});

describe('malformed input on the auth routes', () => {
  const badCookie = 'myk10_sid=%E0%A4%A';

  it('answers 400, not 500, for a NUL byte in the login e-mail', async () => {
    const res = await login('a\u0000b@x.de', 'Falsches-Passwort-2026');

    expect(res.status).toBe(400);
    expect(res.body.message).toEqual(expect.any(String));
  });

  it('treats a malformed session cookie as no session at login', async () => {
    const res = await supertest(t.app)
      .post('/api/auth/login')
      .set('X-Forwarded-For', freshIp())
      .set('Cookie', badCookie)
      .send({ email: DEMO_EMAIL.viewer, password: DEMO_PASSWORD });

    expect(res.status).toBe(200);
    expect(sessionCookie(res)).toBeDefined();
  });

  it('treats a malformed session cookie as no session at a password change and an ordinary route', async () => {
    const password = await supertest(t.app)
      .post('/api/auth/password')
      .set('Cookie', badCookie)
      .send({ current_password: TEST_PASSWORD, new_password: 'Ein-neues-gutes-Passwort' });
    const measures = await supertest(t.app).get('/api/measures').set('Cookie', badCookie);
    const health = await supertest(t.app).get('/api/health').set('Cookie', badCookie);

    expect([password.status, measures.status, health.status]).toEqual([401, 401, 200]);
  });

  it('keeps a valid session when another cookie is malformed', async () => {
    const token = await loginToken(DEMO_EMAIL.viewer);

    const res = await supertest(t.app)
      .get('/api/measures?range=[0,0]')
      .set('Cookie', `andere=%E0%A4%A; myk10_sid=${token}`);

    expect(res.status).toBe(200);
  });

  it('answers 400 with a field error, not 500, for a NUL byte in a new password', async () => {
    const user = await newUser();
    const token = await loginToken(user.email as string, TEST_PASSWORD);

    const res = await withToken(token)
      .post('/api/auth/password')
      .send({ current_password: TEST_PASSWORD, new_password: 'Ein-neues-\u0000-Passwort' });

    expect(res.status).toBe(400);
    expect(res.body.errors.new_password).toEqual(expect.any(String));
    expect((await login(user.email as string, TEST_PASSWORD)).status).toBe(200);
  });

  it('answers 400, not 500, for a NUL byte on an ordinary resource route', async () => {
    const cdo = await t.as('cdo');
    const user = await newUser();

    const filtered = await cdo.get(`/api/users?filter=${encodeURIComponent('{"q":"a\u0000b"}')}`);
    const put = await cdo.put(`/api/users/${user.id}`).send({ ...user, email: 'a\u0000b@x.de' });

    expect(filtered.status).toBe(400);
    expect(put.status).toBe(400);
  });
});

describe("users' e-mail addresses", () => {
  const others = ['steering', 'funding', 'guide', 'viewer'] as const;

  it.each(others)('GET /api/users as %s carries no e-mail address', async (role) => {
    const agent = await t.as(role);

    const list = await agent.get('/api/users?range=[0,999]');
    const one = await agent.get(`/api/users/${list.body[0].id}`);

    expect(list.status).toBe(200);
    expect(list.body.length).toBeGreaterThan(1);
    expect(JSON.stringify(list.body)).not.toContain('@');
    expect(one.body).not.toHaveProperty('email');
  });

  it.each(others)('GET /api/users as %s can neither filter, sort nor search by e-mail', async (role) => {
    const agent = await t.as(role);

    const filtered = await agent.get(
      `/api/users?filter=${encodeURIComponent(`{"email":"${DEMO_EMAIL.cdo}"}`)}`,
    );
    const sorted = await agent.get(`/api/users?sort=${encodeURIComponent('["email","ASC"]')}`);
    const searched = await agent.get(`/api/users?filter=${encodeURIComponent('{"q":"myk10.example"}')}`);

    expect([filtered.status, sorted.status]).toEqual([400, 400]);
    expect(searched.status).toBe(200);
    expect(searched.body).toEqual([]);
  });

  it('the CDO sees, filters and searches e-mail addresses', async () => {
    const cdo = await t.as('cdo');

    const list = await cdo.get('/api/users?range=[0,999]');
    const searched = await cdo.get(`/api/users?filter=${encodeURIComponent('{"q":"lotsin1@"}')}`);

    expect(list.body.every((u: Body) => typeof u.email === 'string')).toBe(true);
    expect(searched.body.map((u: Body) => u.email)).toEqual([DEMO_EMAIL.guide]);
  });

  it('everyone still reads her own e-mail address from GET /api/auth/me', async () => {
    const res = await (await t.as('viewer')).get('/api/auth/me');

    expect(res.body.email).toBe(DEMO_EMAIL.viewer);
  });
});

describe('sessions', () => {
  it('GET /api/auth/me answers {id, email, name, role, municipality_ids}', async () => {
    const token = await loginToken(DEMO_EMAIL.guide);
    const user = (await t.db('users').where('email', DEMO_EMAIL.guide).first()) as Body;
    const municipalities = (await t
      .db('guide_municipalities')
      .where('user_id', user.id as number)
      .orderBy('municipality_id')
      .pluck('municipality_id')) as number[];

    const res = await withToken(token).get('/api/auth/me');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: user.id,
      email: DEMO_EMAIL.guide,
      name: user.name,
      role: 'guide',
      municipality_ids: municipalities,
    });
  });

  it('answers 401 for /api/auth/me without a session', async () => {
    const res = await t.anonymous().get('/api/auth/me');

    expect(res.status).toBe(401);
  });

  it('logout ends the session: the old cookie answers 401', async () => {
    const token = await loginToken(DEMO_EMAIL.viewer);

    const res = await withToken(token)
      .post('/api/auth/logout')
      .set('Content-Type', 'application/json')
      .send({});

    expect(res.status).toBe(200);
    expect(await meStatus(token)).toBe(401);
    expect(await t.db('sessions').where('id_hash', sha256(token)).first()).toBeUndefined();
  });

  it('ends a session idle for 3 hours', async () => {
    const token = await loginToken(DEMO_EMAIL.viewer);

    await t
      .db('sessions')
      .where('id_hash', sha256(token))
      .update({ last_seen_at: t.db.raw("now() - interval '3 hours'") });

    expect(await meStatus(token)).toBe(401);
  });

  it('keeps a session used a minute ago', async () => {
    const token = await loginToken(DEMO_EMAIL.viewer);

    await t
      .db('sessions')
      .where('id_hash', sha256(token))
      .update({ last_seen_at: t.db.raw("now() - interval '1 minute'") });

    expect(await meStatus(token)).toBe(200);
  });

  it('ends a session 13 hours old however active it is', async () => {
    const token = await loginToken(DEMO_EMAIL.viewer);

    await t
      .db('sessions')
      .where('id_hash', sha256(token))
      .update({ created_at: t.db.raw("now() - interval '13 hours'"), last_seen_at: t.db.fn.now() });

    expect(await meStatus(token)).toBe(401);
  });

  it('ends all sessions of a user the CDO deactivates, at once', async () => {
    const user = await newUser();
    const token = await loginToken(user.email as string, TEST_PASSWORD);
    expect(await meStatus(token)).toBe(200);

    const res = await (await t.as('cdo')).put(`/api/users/${user.id}`).send({ ...user, active: false });

    expect(res.status).toBe(200);
    expect(await meStatus(token)).toBe(401);
    expect((await login(user.email as string, TEST_PASSWORD)).status).toBe(401);
  });

  it('ends all sessions of a user whose role changes', async () => {
    const user = await newUser({ role: 'viewer' });
    const token = await loginToken(user.email as string, TEST_PASSWORD);

    await (
      await t.as('cdo')
    )
      .put(`/api/users/${user.id}`)
      .send({ ...user, role: 'steering' })
      .expect(200);

    expect(await meStatus(token)).toBe(401);
  });

  it("reflects a guide's new municipality at her next request", async () => {
    const guide = await newUser({ role: 'guide' });
    const token = await loginToken(guide.email as string, TEST_PASSWORD);
    const municipality = ((await t.db('municipalities').first('id').orderBy('id')) as { id: number }).id;

    await (
      await t.as('cdo')
    )
      .post('/api/guide_municipalities')
      .send({ user_id: guide.id, municipality_id: municipality })
      .expect(201);

    expect((await withToken(token).get('/api/auth/me')).body.municipality_ids).toEqual([municipality]);
  });
});

describe('password policy', () => {
  // Long enough that the e-mail and its local part pass the length rule and fail only for being the e-mail.
  const email = () => `neu-${uniq()}-langername@myk10.example`;
  const cases: [string, (mail: string) => string][] = [
    ['too short', () => 'kurz-2026'],
    ['equal to the e-mail', (mail) => mail.toUpperCase()],
    ['equal to the e-mail name', (mail) => mail.split('@')[0]!],
    ['a common password', () => 'Passwort1234'],
  ];

  it.each(cases)('POST /api/users refuses a password %s with a field error', async (_label, password) => {
    const cdo = await t.as('cdo');
    const mail = email();
    const before = await dbChecksum(t.db);

    const res = await cdo
      .post('/api/users')
      .send({ ...(await createBody(t.db, 'users')), email: mail, password: password(mail) });

    expect(res.status).toBe(400);
    expect(res.body.errors.password).toEqual(expect.any(String));
    expect(await dbChecksum(t.db)).toEqual(before);
  });

  // Each of them was accepted before: trivial patterns, and the name or e-mail inside a longer password.
  const trivial = [
    'aaaaaaaaaaaa',
    '111111111111',
    'qwerty123456',
    'abcdefghijklm',
    'zyxwvutsrqpo',
    'abcabcabcabc',
    '2026202620262026',
    'asdfghjkl123',
  ];
  const personal: [string, (mail: string, name: string) => string][] = [
    ['containing the e-mail name', (mail) => `Garten-${mail.split('@')[0]!}-2026`],
    ['containing the whole e-mail', (mail) => `x${mail}!`],
    ['containing the name', (_mail, name) => `Garten-${name}-2026`],
    ['containing the family name', (_mail, name) => `Garten-${name.split(' ')[1]!}-2026`],
  ];

  it.each(trivial)('POST /api/users refuses the trivial password %s with a field error', async (password) => {
    const cdo = await t.as('cdo');
    const before = await dbChecksum(t.db);

    const res = await cdo.post('/api/users').send({ ...(await createBody(t.db, 'users')), password });

    expect(res.status).toBe(400);
    expect(res.body.errors.password).toEqual(expect.any(String));
    expect(await dbChecksum(t.db)).toEqual(before);
  });

  it.each(personal)('POST /api/users refuses a password %s', async (_label, password) => {
    const cdo = await t.as('cdo');
    const mail = email();
    const name = `Friederike Mustermann${uniq()}`;

    const res = await cdo
      .post('/api/users')
      .send({ ...(await createBody(t.db, 'users')), email: mail, name, password: password(mail, name) });

    expect(res.status).toBe(400);
    expect(res.body.errors.password).toMatch(/E-Mail-Adresse|Namen/);
  });

  it('POST /api/auth/password refuses trivial passwords and ones with the name or e-mail', async () => {
    const name = `Friederike Mustermann${uniq()}`;
    const user = await newUser({ email: email(), name });
    const token = await loginToken(user.email as string, TEST_PASSWORD);
    const candidates = [...trivial, ...personal.map(([, p]) => p(user.email as string, name))];

    for (const candidate of candidates) {
      const res = await withToken(token)
        .post('/api/auth/password')
        .send({ current_password: TEST_PASSWORD, new_password: candidate });
      expect({ candidate, status: res.status }).toEqual({ candidate, status: 400 });
      expect(res.body.errors.new_password).toEqual(expect.any(String));
    }
    expect((await login(user.email as string, TEST_PASSWORD)).status).toBe(200);
  });

  it('accepts a passphrase that only resembles a pattern', async () => {
    const cdo = await t.as('cdo');

    const res = await cdo
      .post('/api/users')
      .send({ ...(await createBody(t.db, 'users')), password: 'Korrekt Pferd Batterie Heftklammer' });

    expect(res.status).toBe(201);
  });

  it('keeps spaces around a password the CDO sets: the person logs in with exactly that', async () => {
    const password = '  Leerzeichen-Passwort-2026  ';
    const user = await newUser({ password });

    expect((await login(user.email as string, password)).status).toBe(200);
    expect((await login(user.email as string, password.trim())).status).toBe(401);
  });

  it('keeps spaces around a password the CDO resets', async () => {
    const password = ' Zurückgesetzt-mit-Leerzeichen ';
    const user = await newUser();

    const res = await (await t.as('cdo')).put(`/api/users/${user.id}`).send({ ...user, password });

    expect(res.status).toBe(200);
    expect((await login(user.email as string, password)).status).toBe(200);
  });

  it('PUT /api/users refuses to reset a password to the one the person has', async () => {
    const user = await newUser();

    const res = await (
      await t.as('cdo')
    )
      .put(`/api/users/${user.id}`)
      .send({ ...user, password: TEST_PASSWORD });

    expect(res.status).toBe(400);
    expect(res.body.errors.password).toMatch(/unterscheiden/);
  });

  it('POST /api/auth/password refuses the current password as the new one', async () => {
    const user = await newUser();
    const token = await loginToken(user.email as string, TEST_PASSWORD);

    const res = await withToken(token)
      .post('/api/auth/password')
      .send({ current_password: TEST_PASSWORD, new_password: TEST_PASSWORD });

    expect(res.status).toBe(400);
    expect(res.body.errors.new_password).toMatch(/unterscheiden/);
  });

  it('POST /api/auth/password keeps spaces around the new password', async () => {
    const user = await newUser();
    const token = await loginToken(user.email as string, TEST_PASSWORD);
    const password = ' Neues-Passwort-mit-Rand ';

    await withToken(token)
      .post('/api/auth/password')
      .send({ current_password: TEST_PASSWORD, new_password: password })
      .expect(200);

    expect((await login(user.email as string, password)).status).toBe(200);
    expect((await login(user.email as string, password.trim())).status).toBe(401);
  });

  it(`POST /api/auth/password counts a wrong current password like a failed login: 429 after ${FREE_ATTEMPTS}`, async () => {
    const user = await newUser();
    const token = await loginToken(user.email as string, TEST_PASSWORD);
    const change = (current: string) =>
      withToken(token)
        .post('/api/auth/password')
        .set('X-Forwarded-For', freshIp())
        .send({ current_password: current, new_password: 'Ein-neues-gutes-Passwort' });
    for (let i = 0; i < FREE_ATTEMPTS; i++) expect((await change('Falsches-Passwort-2026')).status).toBe(400);

    const right = await change(TEST_PASSWORD);
    const loginNow = await login(user.email as string, TEST_PASSWORD);

    expect(right.status).toBe(429);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    expect(loginNow.status).toBe(429);
  });

  it('POST /api/auth/password ends the secret calendar address, like a reset', async () => {
    const user = await newUser();
    const token = await loginToken(user.email as string, TEST_PASSWORD);
    const feed = (
      await supertest(t.app).post('/api/calendar/token').set('Cookie', `myk10_sid=${token}`).send({})
    ).body as { path: string };
    expect((await t.anonymous().get(feed.path)).status).toBe(200);

    await withToken(token)
      .post('/api/auth/password')
      .send({ current_password: TEST_PASSWORD, new_password: 'Ein-neues-gutes-Passwort' })
      .expect(200);

    expect((await t.anonymous().get(feed.path)).status).toBe(404);
    expect((await withToken(token).get('/api/calendar/token')).body).toEqual({ active: false });
  });

  it.each(cases)(
    'POST /api/auth/password refuses a new password %s with a field error',
    async (_label, password) => {
      const user = await newUser({ email: email() });
      const token = await loginToken(user.email as string, TEST_PASSWORD);

      const res = await withToken(token)
        .post('/api/auth/password')
        .send({ current_password: TEST_PASSWORD, new_password: password(user.email as string) });

      expect(res.status).toBe(400);
      expect(res.body.errors.new_password).toEqual(expect.any(String));
      expect((await login(user.email as string, TEST_PASSWORD)).status).toBe(200);
    },
  );

  it('POST /api/auth/password requires the current password', async () => {
    const user = await newUser();
    const token = await loginToken(user.email as string, TEST_PASSWORD);

    const res = await withToken(token)
      .post('/api/auth/password')
      .send({ current_password: 'Falsches-Passwort-2026', new_password: 'Ein-neues-gutes-Passwort' });

    expect(res.status).toBe(400);
    expect(res.body.errors.current_password).toEqual(expect.any(String));
    expect((await login(user.email as string, TEST_PASSWORD)).status).toBe(200);
  });

  it('POST /api/auth/password changes the password, keeps this session and ends the others', async () => {
    const user = await newUser();
    const current = await loginToken(user.email as string, TEST_PASSWORD);
    const other = await loginToken(user.email as string, TEST_PASSWORD);

    const res = await withToken(current)
      .post('/api/auth/password')
      .send({ current_password: TEST_PASSWORD, new_password: 'Ein-neues-gutes-Passwort' });

    expect(res.status).toBe(200);
    expect(await meStatus(current)).toBe(200);
    expect(await meStatus(other)).toBe(401);
    expect((await login(user.email as string, TEST_PASSWORD)).status).toBe(401);
    expect((await login(user.email as string, 'Ein-neues-gutes-Passwort')).status).toBe(200);
  });

  it('POST /api/auth/password needs a session', async () => {
    const res = await t
      .anonymous()
      .post('/api/auth/password')
      .send({ current_password: 'x', new_password: 'y' });

    expect(res.status).toBe(401);
  });
});

describe('cross-site requests', () => {
  const partner = async () => JSON.stringify(await createBody(t.db, 'partners'));

  it('refuses a POST with Content-Type text/plain (a simple CORS request), and nothing changes', async () => {
    const cdo = await t.as('cdo');
    const before = await dbChecksum(t.db);

    const res = await cdo
      .post('/api/partners')
      .set('Content-Type', 'text/plain')
      .send(await partner());

    expect(res.status).toBe(403);
    expect(await dbChecksum(t.db)).toEqual(before);
  });

  it('refuses a form POST (application/x-www-form-urlencoded), and nothing changes', async () => {
    const cdo = await t.as('cdo');
    const before = await dbChecksum(t.db);

    const res = await cdo
      .post('/api/partners')
      .type('form')
      .send({ name: 'Formular GmbH', sector: 'business' });

    expect(res.status).toBe(403);
    expect(await dbChecksum(t.db)).toEqual(before);
  });

  it('refuses a write with a foreign Origin, and nothing changes', async () => {
    const cdo = await t.as('cdo');
    const before = await dbChecksum(t.db);

    const res = await cdo
      .post('/api/partners')
      .set('Origin', 'https://evil.example')
      .set('Content-Type', 'application/json')
      .send(await partner());

    expect(res.status).toBe(403);
    expect(await dbChecksum(t.db)).toEqual(before);
  });

  it('refuses a DELETE with a foreign Origin', async () => {
    const cdo = await t.as('cdo');
    const before = await dbChecksum(t.db);

    const res = await cdo.delete('/api/partners/1').set('Origin', 'https://evil.example');

    expect(res.status).toBe(403);
    expect(await dbChecksum(t.db)).toEqual(before);
  });

  it('refuses a write marked Sec-Fetch-Site: cross-site, and nothing changes', async () => {
    const cdo = await t.as('cdo');
    const before = await dbChecksum(t.db);

    const res = await cdo
      .post('/api/partners')
      .set('Sec-Fetch-Site', 'cross-site')
      .set('Content-Type', 'application/json')
      .send(await partner());

    expect(res.status).toBe(403);
    expect(await dbChecksum(t.db)).toEqual(before);
  });

  it('refuses a login from another site', async () => {
    const res = await supertest(t.app)
      .post('/api/auth/login')
      .set('Origin', 'https://evil.example')
      .send({ email: DEMO_EMAIL.cdo, password: DEMO_PASSWORD });

    expect(res.status).toBe(403);
    expect(sessionCookie(res)).toBeUndefined();
  });

  it('accepts a write from its own origin', async () => {
    const live = await listen(t.app);
    try {
      const cookie = await loginCookie(live.baseUrl, DEMO_EMAIL.cdo, DEMO_PASSWORD);

      const res = await fetch(`${live.baseUrl}/partners`, {
        method: 'POST',
        headers: {
          Cookie: cookie,
          Origin: new URL(live.baseUrl).origin,
          'Sec-Fetch-Site': 'same-origin',
          'Content-Type': 'application/json',
        },
        body: await partner(),
      });

      expect(res.status).toBe(201);
    } finally {
      await live.close();
    }
  });
});

describe('HTTP hardening', () => {
  it('sends a Content-Security-Policy and no X-Powered-By', async () => {
    const res = await t.anonymous().get('/api/health');

    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('marks API answers as not cacheable', async () => {
    const res = await (await t.as('viewer')).get('/api/measures?range=[0,0]');

    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers 413 for a JSON body over 1 MB, and nothing changes', async () => {
    const cdo = await t.as('cdo');
    const before = await dbChecksum(t.db);

    const res = await cdo
      .post('/api/partners')
      .send({ ...(await createBody(t.db, 'partners')), notes: 'x'.repeat(1_100_000) });

    expect(res.status).toBe(413);
    expect(res.body.message).toEqual(expect.any(String));
    expect(await dbChecksum(t.db)).toEqual(before);
  });
});

describe('guide scoping (lotsin1)', () => {
  let me: { id: number; municipality_ids: number[] };
  let foreignMunicipality: number;
  let othersContact: Body;

  beforeAll(async () => {
    me = (await (await t.as('guide')).get('/api/auth/me')).body;
    foreignMunicipality = (
      (await t.db('municipalities').whereNotIn('id', me.municipality_ids).first('id').orderBy('id')) as {
        id: number;
      }
    ).id;
    const guide2 = (await t.db('users').where('email', DEMO_EMAIL.guide2).first('id')) as { id: number };
    const id = (
      (await t.db('contacts').where('author_id', guide2.id).first('id').orderBy('id')) as { id: number }
    ).id;
    othersContact = (await (await t.as('cdo')).get(`/api/contacts/${id}`)).body as Body;
  });

  it('answers 403 when she logs a contact for a municipality not hers, and nothing changes', async () => {
    const guide = await t.as('guide');
    const before = await dbChecksum(t.db);

    const res = await guide
      .post('/api/contacts')
      .send({ ...(await createBody(t.db, 'contacts', { guide: me })), municipality_id: foreignMunicipality });

    expect(res.status).toBe(403);
    expect(await dbChecksum(t.db)).toEqual(before);
  });

  it("answers 403 when she edits lotsin2's entry, and nothing changes", async () => {
    const guide = await t.as('guide');
    const before = await dbChecksum(t.db);

    const res = await guide
      .put(`/api/contacts/${othersContact.id}`)
      .send({ ...othersContact, notes: 'überschrieben' });

    expect(res.status).toBe(403);
    expect(await dbChecksum(t.db)).toEqual(before);
  });

  it("answers 403 when she deletes lotsin2's entry, and nothing changes", async () => {
    const guide = await t.as('guide');
    const before = await dbChecksum(t.db);

    const res = await guide.delete(`/api/contacts/${othersContact.id}`);

    expect(res.status).toBe(403);
    expect(await dbChecksum(t.db)).toEqual(before);
  });

  it("answers 403 when she links lotsin2's entry to a measure", async () => {
    const guide = await t.as('guide');

    const res = await guide
      .post('/api/contact_measures')
      .send({ contact_id: othersContact.id, measure_id: 1 });

    expect(res.status).toBe(403);
  });

  it('lets her edit and delete her own entry', async () => {
    const guide = await t.as('guide');
    const own = (await guide.post('/api/contacts').send(await createBody(t.db, 'contacts', { guide: me })))
      .body as Body;

    const edited = await guide.put(`/api/contacts/${own.id}`).send({ ...own, notes: 'ergänzt' });
    const deleted = await guide.delete(`/api/contacts/${own.id}`);

    expect([edited.status, deleted.status]).toEqual([200, 200]);
  });

  it('answers 403 when she moves her own entry to a municipality not hers', async () => {
    const guide = await t.as('guide');
    const own = (await guide.post('/api/contacts').send(await createBody(t.db, 'contacts', { guide: me })))
      .body as Body;

    const res = await guide
      .put(`/api/contacts/${own.id}`)
      .send({ ...own, municipality_id: foreignMunicipality });

    expect(res.status).toBe(403);
    expect(
      (
        (await t
          .db('contacts')
          .where('id', own.id as number)
          .first()) as Body
      ).municipality_id,
    ).toBe(own.municipality_id);
  });

  it('lets her read all contacts, of every municipality', async () => {
    const guide = await t.as('guide');
    const total = Number(((await t.db('contacts').count({ n: '*' })) as [{ n: number }])[0].n);

    const res = await guide.get('/api/contacts?range=[0,0]');

    expect(res.status).toBe(200);
    expect(res.headers['x-total-count']).toBe(String(total));
    expect((await guide.get(`/api/contacts/${othersContact.id}`)).status).toBe(200);
  });

  it('makes her the author of what she logs, whatever author_id the body names', async () => {
    const guide = await t.as('guide');

    const res = await guide
      .post('/api/contacts')
      .send({ ...(await createBody(t.db, 'contacts', { guide: me })), author_id: othersContact.author_id });

    expect(res.status).toBe(201);
    expect(res.body.author_id).toBe(me.id);
    expect(((await t.db('contacts').where('id', res.body.id).first()) as Body).author_id).toBe(me.id);
  });

  it('keeps the author when a PUT names another', async () => {
    const guide = await t.as('guide');
    const own = (await guide.post('/api/contacts').send(await createBody(t.db, 'contacts', { guide: me })))
      .body as Body;

    await guide
      .put(`/api/contacts/${own.id}`)
      .send({ ...own, author_id: othersContact.author_id, topic: 'Neu' })
      .expect(200);

    expect(
      (
        (await t
          .db('contacts')
          .where('id', own.id as number)
          .first()) as Body
      ).author_id,
    ).toBe(me.id);
  });
});
