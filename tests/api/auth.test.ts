import crypto from 'node:crypto';
import supertest from 'supertest';
import { DEMO_EMAIL, DEMO_PASSWORD, testApp, type TestApp } from '../support/app';
import { dbChecksum } from '../support/checksum';
import { createBody, TEST_PASSWORD, uniq, type Body } from '../support/fixtures';
import { listen, loginCookie } from '../support/provider';

/**
 * Sign-in, sessions and the defences around them. The app trusts the loopback proxy here, so each test can
 * speak from an address of its own (X-Forwarded-For) and the login throttle of one test does not hit another.
 */

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ config: { trustProxy: 'loopback' } });
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

const login = (email: string, password: string, ip = freshIp(), cookie?: string) => {
  const req = supertest(t.app).post('/api/auth/login').set('X-Forwarded-For', ip);
  if (cookie) req.set('Cookie', `myk10_sid=${cookie}`);
  return req.send({ email, password });
};

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
    const user = await newUser();
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
  it('answers 429 with Retry-After after 10 failed logins for one account, even from changing addresses', async () => {
    const user = await newUser();
    for (let i = 0; i < 10; i++)
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

  it('answers 429 after 10 failed logins from one address across different e-mails', async () => {
    const ip = freshIp();
    for (let i = 0; i < 10; i++)
      await login(`unbekannt-${uniq()}@myk10.example`, 'Falsches-Passwort-2026', ip);

    const blocked = await login(DEMO_EMAIL.steering, DEMO_PASSWORD, ip);
    const elsewhere = await login(DEMO_EMAIL.steering, DEMO_PASSWORD, freshIp());

    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(elsewhere.status).toBe(200);
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
