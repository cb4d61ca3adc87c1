import supertest from 'supertest';
import { FREE_ATTEMPTS } from '../../../api/http/loginThrottle';
import { totpAt } from '../../../api/features/auth/totp';
import { testApp, type Agent, type TestApp } from '../../support/app';
import { createBody, TEST_PASSWORD, type Body } from '../../support/fixtures';

/**
 * The second factor of a local sign-in (issue #18): TOTP set-up with QR code and recovery codes, the half-signed-in
 * state after the password, wrong, replayed and recovery codes, the throttle, the roles that must set it up, and
 * the CDO's reset. Each test uses a user of its own; codes are computed here from the secret the API handed out.
 */

let t: TestApp;
beforeAll(async () => {
  t = await testApp({
    config: { trustProxy: 'loopback', loginBackoffBaseMs: 60_000, mfaRequiredRoles: ['funding'] },
  });
});
afterAll(async () => t?.close());

let ipCounter = 0;
const freshIp = () => `10.30.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;

async function newUser(overrides: Body = {}): Promise<Body> {
  const cdo = await t.as('cdo');
  const res = await cdo.post('/api/users').send({ ...(await createBody(t.db, 'users')), ...overrides });
  if (res.status !== 201) throw new Error(`user: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Body;
}

/** A client of its own address, signed in with the password (maybe only half, when TOTP is on). */
async function passwordLogin(email: string, ip = freshIp()) {
  const agent = supertest.agent(t.app);
  const res = await agent
    .post('/api/auth/login')
    .set('X-Forwarded-For', ip)
    .send({ email, password: TEST_PASSWORD });
  return { agent, res, ip };
}

/** A user with a confirmed authenticator: her secret, recovery codes and a fully signed-in client. */
async function userWithTotp(overrides: Body = {}) {
  const user = await newUser(overrides);
  const { agent, ip } = await passwordLogin(user.email as string);
  const setup = await agent.post('/api/auth/mfa/totp').set('X-Forwarded-For', ip).send({});
  expect(setup.status).toBe(200);
  const secret = setup.body.secret as string;
  const confirm = await agent
    .post('/api/auth/mfa/totp/confirm')
    .set('X-Forwarded-For', ip)
    .send({ code: totpAt(secret, Date.now()) });
  expect(confirm.status).toBe(200);
  return { user, secret, agent, recovery: confirm.body.recovery_codes as string[] };
}

/** A code of the next 30-second step: the current one was used by the confirmation. */
const nextCode = (secret: string) => totpAt(secret, Date.now() + 30_000);

const mfa = (agent: Agent, code: string, ip = freshIp()) =>
  agent.post('/api/auth/mfa').set('X-Forwarded-For', ip).send({ code });

describe('POST /api/auth/mfa/totp (set-up)', () => {
  it('answers a new secret, its otpauth URL and a QR code drawn as SVG', async () => {
    const user = await newUser();
    const { agent } = await passwordLogin(user.email as string);

    const res = await agent.post('/api/auth/mfa/totp').send({});

    expect(res.status).toBe(200);
    expect(res.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(res.body.otpauth_url).toContain(`secret=${res.body.secret}`);
    expect(res.body.qr_svg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
  });

  it('switches TOTP on only with a right first code, and answers ten recovery codes once', async () => {
    const user = await newUser();
    const { agent } = await passwordLogin(user.email as string);
    const { secret } = (await agent.post('/api/auth/mfa/totp').send({})).body as { secret: string };

    const wrong = await agent
      .post('/api/auth/mfa/totp/confirm')
      .send({ code: totpAt(secret, Date.now() - 120_000) });
    const right = await agent.post('/api/auth/mfa/totp/confirm').send({ code: totpAt(secret, Date.now()) });

    expect(wrong.status).toBe(400);
    expect(right.status).toBe(200);
    expect(right.body.recovery_codes).toHaveLength(10);
    expect(new Set(right.body.recovery_codes).size).toBe(10);
    const stored = (await t.db('user_recovery_codes').where('user_id', user.id as number)) as {
      code_hash: string;
    }[];
    expect(stored).toHaveLength(10);
    expect(stored.every((r) => r.code_hash.startsWith('$argon2id$'))).toBe(true);
    expect((await agent.get('/api/auth/mfa')).body).toMatchObject({ totp: true, recovery_codes_left: 10 });
  });

  it('shows the CDO whether a user has a second factor, never the secret', async () => {
    const { user } = await userWithTotp();
    const cdo = await t.as('cdo');

    const res = await cdo.get(`/api/users/${user.id as number}`);

    expect(Date.parse(res.body.totp_enabled_at as string)).toBeGreaterThan(Date.now() - 600_000);
    expect(JSON.stringify(res.body)).not.toMatch(/totp_secret|pending|last_step|recovery/);
  });
});

describe('POST /api/auth/login with TOTP', () => {
  it('answers mfa_required and a session that opens nothing', async () => {
    const { user } = await userWithTotp();

    const { agent, res } = await passwordLogin(user.email as string);

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ mfa_required: true });
    expect((await agent.get('/api/auth/me')).status).toBe(401);
    expect((await agent.get('/api/measures')).status).toBe(401);
  });

  it('completes the sign-in with the current code under a new session id', async () => {
    const { user, secret } = await userWithTotp();
    const { agent, res: first } = await passwordLogin(user.email as string);

    const res = await mfa(agent, nextCode(secret));

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: user.id, email: user.email });
    expect(res.headers['set-cookie']?.[0]).not.toBe(first.headers['set-cookie']?.[0]);
    expect((await agent.get('/api/measures')).status).toBe(200);
  });

  it('refuses a wrong code with 401 and opens nothing', async () => {
    const { user, secret } = await userWithTotp();
    const { agent } = await passwordLogin(user.email as string);

    const res = await mfa(agent, totpAt(secret, Date.now() - 300_000));

    expect(res.status).toBe(401);
    expect(res.body.message).toMatch(/Code/);
    expect((await agent.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses a code already used in its window', async () => {
    const { user, secret } = await userWithTotp();
    const code = nextCode(secret);
    const first = await passwordLogin(user.email as string);
    expect((await mfa(first.agent, code)).status).toBe(200);

    const second = await passwordLogin(user.email as string);
    const replay = await mfa(second.agent, code);

    expect(replay.status).toBe(401);
    expect((await second.agent.get('/api/auth/me')).status).toBe(401);
  });

  it('accepts a recovery code once, and not a second time', async () => {
    const { user, recovery } = await userWithTotp();
    const first = await passwordLogin(user.email as string);
    expect((await mfa(first.agent, recovery[0]!.toLowerCase())).status).toBe(200);

    const second = await passwordLogin(user.email as string);
    const again = await mfa(second.agent, recovery[0]!);

    expect(again.status).toBe(401);
    expect((await first.agent.get('/api/auth/mfa')).body.recovery_codes_left).toBe(9);
  });

  it('throttles wrong codes like wrong passwords, even with the right one after them', async () => {
    const { user, secret } = await userWithTotp();
    const { agent } = await passwordLogin(user.email as string);
    const wrong = totpAt(secret, Date.now() - 300_000);

    const statuses: number[] = [];
    for (let i = 0; i < FREE_ATTEMPTS; i++) statuses.push((await mfa(agent, wrong)).status);
    const right = await mfa(agent, nextCode(secret));

    expect(statuses).toContain(429);
    expect(right.status).toBe(429);
    expect(right.headers['retry-after']).toBeDefined();
  });

  it('does not let a repeated right password reset the throttle of the codes', async () => {
    const { user, secret } = await userWithTotp();
    const wrong = totpAt(secret, Date.now() - 300_000);
    const ip = freshIp();
    let last = 0;
    for (let i = 0; i < FREE_ATTEMPTS && last !== 429; i++) {
      const { agent, res } = await passwordLogin(user.email as string, ip);
      last = res.status === 429 ? 429 : (await mfa(agent, wrong, ip)).status;
    }
    expect(last).toBe(429);
  });

  it('refuses a half sign-in that is older than its few minutes', async () => {
    const { user, secret } = await userWithTotp();
    const { agent } = await passwordLogin(user.email as string);
    await t
      .db('sessions')
      .where({ user_id: user.id as number, stage: 'mfa' })
      .update({ created_at: t.db.raw("now() - interval '6 minutes'") });

    const res = await mfa(agent, nextCode(secret));

    expect(res.status).toBe(401);
    expect(res.body.code).toBe('mfa_expired');
  });
});

describe('MFA_REQUIRED_ROLES', () => {
  it('lets a user of a required role do nothing but set up her second factor', async () => {
    const user = await newUser({ role: 'funding' });
    const { agent } = await passwordLogin(user.email as string);

    const blocked = await agent.get('/api/grants');
    const me = await agent.get('/api/auth/me');
    const state = await agent.get('/api/auth/mfa');
    const { secret } = (await agent.post('/api/auth/mfa/totp').send({})).body as { secret: string };
    await agent.post('/api/auth/mfa/totp/confirm').send({ code: totpAt(secret, Date.now()) });
    const after = await agent.get('/api/grants');

    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('mfa_setup_required');
    expect(me.status).toBe(200);
    expect(state.body).toMatchObject({ setup_required: true, totp: false, sso: false });
    expect(after.status).toBe(200);
  });

  it('leaves other roles free to work without a second factor', async () => {
    const user = await newUser({ role: 'viewer' });
    const { agent } = await passwordLogin(user.email as string);

    expect((await agent.get('/api/auth/mfa')).body.setup_required).toBe(false);
    expect((await agent.get('/api/measures')).status).toBe(200);
  });
});

describe('DELETE /api/auth/mfa/totp', () => {
  it('removes the second factor only with the right password', async () => {
    const { user, agent } = await userWithTotp();

    const wrong = await agent.delete('/api/auth/mfa/totp').send({ password: 'falsch-falsch-falsch' });
    const right = await agent.delete('/api/auth/mfa/totp').send({ password: TEST_PASSWORD });

    expect(wrong.status).toBe(400);
    expect(right.status).toBe(200);
    expect((await passwordLogin(user.email as string)).res.body).toMatchObject({ id: user.id });
    expect(await t.db('user_recovery_codes').where('user_id', user.id as number)).toHaveLength(0);
  });
});

describe('POST /api/auth/mfa/recovery_codes', () => {
  it('replaces the recovery codes after a current code; the old ones no longer work', async () => {
    const { user, secret, agent, recovery } = await userWithTotp();

    const res = await agent.post('/api/auth/mfa/recovery_codes').send({ code: nextCode(secret) });

    expect(res.status).toBe(200);
    expect(res.body.recovery_codes).toHaveLength(10);
    const { agent: other } = await passwordLogin(user.email as string);
    expect((await mfa(other, recovery[1]!)).status).toBe(401);
  });
});

describe('POST /api/users/:id/mfa_reset', () => {
  it('lets the CDO remove a second factor, ends the user’s sessions and writes the audit trail', async () => {
    const { user, agent } = await userWithTotp();
    const cdo = await t.as('cdo');

    const res = await cdo.post(`/api/users/${user.id as number}/mfa_reset`).send({});

    expect(res.status).toBe(200);
    expect((await agent.get('/api/auth/me')).status).toBe(401);
    expect((await passwordLogin(user.email as string)).res.body).toMatchObject({ id: user.id });
    const audit = await t.db('audit_entries').where({ resource: 'users', record_id: user.id as number });
    expect(audit.map((a: { changes: unknown }) => JSON.stringify(a.changes))).toEqual(
      expect.arrayContaining([expect.stringContaining('"totp":[true,false]')]),
    );
  });

  it('is refused to every other role', async () => {
    const { user } = await userWithTotp();
    const steering = await t.as('steering');

    const res = await steering.post(`/api/users/${user.id as number}/mfa_reset`).send({});

    expect(res.status).toBe(403);
    expect(
      (
        await t
          .db('users')
          .where('id', user.id as number)
          .first()
      ).totp_enabled_at,
    ).not.toBeNull();
  });

  it('answers 404 for an unknown user', async () => {
    const cdo = await t.as('cdo');
    expect((await cdo.post('/api/users/999999/mfa_reset').send({})).status).toBe(404);
  });
});
