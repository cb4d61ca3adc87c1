import supertest from 'supertest';
import { totpAt } from '../../../api/features/auth/totp';
import { testApp, type Agent, type TestApp } from '../../support/app';
import { createBody, TEST_PASSWORD, type Body } from '../../support/fixtures';

/**
 * The list of one's own sessions on the "Sicherheit" page (issue #18): what it shows (never the token's hash),
 * ending one other session or all others, the current one only by logout, nobody else's sessions, no half
 * sign-in, the same-origin check and the audit trail. Each test uses a user of its own.
 */

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t?.close());

const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

interface ListedSession {
  handle: string;
  created_at: string;
  last_seen_at: string;
  method: string;
  device: string | null;
  current: boolean;
}

async function newUser(): Promise<Body> {
  const cdo = await t.as('cdo');
  const res = await cdo.post('/api/users').send(await createBody(t.db, 'users'));
  if (res.status !== 201) throw new Error(`user: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Body;
}

/** A client signed in with the password from a browser of this User-Agent. */
async function signIn(user: Body, userAgent = FIREFOX): Promise<Agent> {
  const agent = supertest.agent(t.app).set('User-Agent', userAgent);
  const res = await agent.post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD });
  expect(res.status).toBe(200);
  return agent;
}

const list = async (agent: Agent) => {
  const res = await agent.get('/api/auth/sessions');
  expect(res.status).toBe(200);
  return res.body as ListedSession[];
};
const handleOf = async (agent: Agent) => (await list(agent)).find((s) => s.current)!.handle;
const signedIn = async (agent: Agent) => (await agent.get('/api/auth/me')).status === 200;
/** The audit rows the user wrote about herself (her account's creation by the CDO is not among them). */
const auditOf = async (userId: number) =>
  (
    await t.db('audit_entries').where({ resource: 'users', record_id: userId, user_id: userId }).orderBy('id')
  ).map((a: { user_id: number; action: string; changes: unknown }) => ({
    user_id: a.user_id,
    action: a.action,
    changes: a.changes,
  }));

describe('GET /api/auth/sessions', () => {
  it('lists the user’s own sessions with device and times, marks the current one and never shows a token', async () => {
    const user = await newUser();
    const laptop = await signIn(user, FIREFOX);
    const phone = await signIn(user, SAFARI);
    await signIn(await newUser()); // someone else's session is not in the list

    const sessions = await list(laptop);

    expect(sessions).toHaveLength(2);
    expect(sessions.map((s) => [s.device, s.current]).sort()).toEqual([
      ['Firefox, Windows', true],
      ['Safari, iOS', false],
    ]);
    for (const s of sessions) {
      expect(Object.keys(s).sort()).toEqual(
        ['created_at', 'current', 'device', 'handle', 'last_seen_at', 'method'].sort(),
      );
      expect(s.handle).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(s.method).toBe('password');
      expect(Date.parse(s.created_at)).not.toBeNaN();
      expect(Date.parse(s.last_seen_at)).not.toBeNaN();
    }
    expect((await list(phone)).find((s) => s.current)!.device).toBe('Safari, iOS');
  });

  it('leaves out sessions that have run out', async () => {
    const user = await newUser();
    const agent = await signIn(user);
    const old = await signIn(user, SAFARI);
    const oldHandle = await handleOf(old);
    await t
      .db('sessions')
      .where('handle', oldHandle)
      .update({ last_seen_at: t.db.raw("now() - interval '1 day'") });

    expect((await list(agent)).map((s) => s.handle)).not.toContain(oldHandle);
  });

  it('answers 401 without a session', async () => {
    expect((await t.anonymous().get('/api/auth/sessions')).status).toBe(401);
  });
});

describe('DELETE /api/auth/sessions/:handle', () => {
  it('ends another session of the user: that device is signed out at once, and the audit trail says so', async () => {
    const user = await newUser();
    const laptop = await signIn(user);
    const phone = await signIn(user, SAFARI);
    const phoneHandle = await handleOf(phone);

    const res = await laptop.delete(`/api/auth/sessions/${phoneHandle}`);

    expect(res.status).toBe(200);
    expect(await signedIn(phone)).toBe(false);
    expect((await phone.get('/api/measures')).status).toBe(401);
    expect(await signedIn(laptop)).toBe(true);
    expect((await list(laptop)).map((s) => s.handle)).not.toContain(phoneHandle);
    expect(await auditOf(user.id as number)).toEqual([
      { user_id: user.id, action: 'update', changes: { sessions: [[phoneHandle], []] } },
    ]);
  });

  it('answers 404 for another user’s session and leaves it signed in', async () => {
    const user = await newUser();
    const mine = await signIn(user);
    const other = await newUser();
    const theirs = await signIn(other);

    const res = await mine.delete(`/api/auth/sessions/${await handleOf(theirs)}`);

    expect(res.status).toBe(404);
    expect(await signedIn(theirs)).toBe(true);
    expect(await auditOf(other.id as number)).toEqual([]);
    expect(await auditOf(user.id as number)).toEqual([]);
  });

  it.each(['00000000-0000-4000-8000-000000000000', 'not-a-handle', '1'])(
    'answers 404 for the unknown handle %s',
    async (handle) => {
      const agent = await signIn(await newUser());

      const res = await agent.delete(`/api/auth/sessions/${handle}`);

      expect(res.status).toBe(404);
      expect(res.body.code).toBe('not_found');
    },
  );

  it('answers 409 for the current session, which ends with logout, and stays signed in', async () => {
    const agent = await signIn(await newUser());

    const res = await agent.delete(`/api/auth/sessions/${await handleOf(agent)}`);

    expect(res.status).toBe(409);
    expect(res.body.code).toBe('current_session');
    expect(await signedIn(agent)).toBe(true);
  });

  it('refuses a request from another site and ends nothing', async () => {
    const user = await newUser();
    const laptop = await signIn(user);
    const phone = await signIn(user, SAFARI);

    const res = await laptop
      .delete(`/api/auth/sessions/${await handleOf(phone)}`)
      .set('Origin', 'https://angreifer.example');

    expect(res.status).toBe(403);
    expect(await signedIn(phone)).toBe(true);
  });
});

describe('DELETE /api/auth/sessions/others', () => {
  it('ends every session of the user but the current one, and nobody else’s', async () => {
    const user = await newUser();
    const laptop = await signIn(user);
    const phone = await signIn(user, SAFARI);
    const tablet = await signIn(user);
    const others = [await handleOf(phone), await handleOf(tablet)];
    const someoneElse = await signIn(await newUser());

    const res = await laptop.delete('/api/auth/sessions/others');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ended: 2 });
    expect([await signedIn(phone), await signedIn(tablet)]).toEqual([false, false]);
    expect(await signedIn(laptop)).toBe(true);
    expect(await signedIn(someoneElse)).toBe(true);
    expect((await list(laptop)).map((s) => s.current)).toEqual([true]);
    const [entry] = await auditOf(user.id as number);
    expect((entry!.changes as { sessions: [string[], string[]] }).sessions[0].sort()).toEqual(others.sort());
  });

  it('ends nothing and writes no audit row when there is no other session', async () => {
    const user = await newUser();
    const agent = await signIn(user);

    const res = await agent.delete('/api/auth/sessions/others');

    expect(res.body).toEqual({ ended: 0 });
    expect(await auditOf(user.id as number)).toEqual([]);
  });
});

describe('a half sign-in (password right, second factor missing)', () => {
  it('can neither list nor end sessions', async () => {
    const user = await newUser();
    const full = await signIn(user);
    const { secret } = (await full.post('/api/auth/mfa/totp').send({})).body as { secret: string };
    const confirm = await full.post('/api/auth/mfa/totp/confirm').send({ code: totpAt(secret, Date.now()) });
    expect(confirm.status).toBe(200);
    const half = supertest.agent(t.app);
    const login = await half.post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD });
    expect(login.body).toEqual({ mfa_required: true });

    expect((await half.get('/api/auth/sessions')).status).toBe(401);
    expect((await half.delete('/api/auth/sessions/others')).status).toBe(401);
    expect((await half.delete(`/api/auth/sessions/${await handleOf(full)}`)).status).toBe(401);
    expect(await signedIn(full)).toBe(true);
  });
});
