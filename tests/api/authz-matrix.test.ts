import supertest from 'supertest';
import type { Role } from '../../api/domain';
import { resources } from '../../api/features';
import { DEMO_EMAIL, DEMO_PASSWORD, testApp, type Agent, type TestApp } from '../support/app';
import { dbChecksum } from '../support/checksum';
import { createBody, UPDATE_PATCH, type Body } from '../support/fixtures';
import { signInWithSso, startProvider, type TestProvider } from '../support/oidc';

/**
 * The role matrix of DESIGN.md §5 as ONE table (resource × role → what each method answers); every cell becomes a
 * test. A granted write works on a record of the caller's own (for a guide: her entry, her municipality); a denied
 * one answers 403 (a PUT on create/delete-only link rows 405) and changes nothing. Without a session everything
 * answers 401. Every cell runs twice: with a session signed in by password and with one signed in by single sign-on
 * through a real OpenID provider (issue #18), each signed in once per role.
 */

type Method = 'list' | 'getOne' | 'create' | 'update' | 'delete';
type Cell = Record<Method, number>;

const W: Cell = { list: 200, getOne: 200, create: 201, update: 200, delete: 200 };
const R: Cell = { list: 200, getOne: 200, create: 403, update: 403, delete: 403 };
const N: Cell = { list: 403, getOne: 403, create: 403, update: 403, delete: 403 };
// Link rows are only created and deleted: a PUT answers 405 to every role that may read them.
const WL: Cell = { ...W, update: 405 };
const RL: Cell = { ...R, update: 405 };

const ROLES: Role[] = ['cdo', 'steering', 'funding', 'guide', 'viewer'];
/** The two ways of signing in. */
type Way = 'password' | 'sso';
const WAYS: Way[] = ['password', 'sso'];
const METHODS: Method[] = ['list', 'getOne', 'create', 'update', 'delete'];

/* prettier-ignore */
const MATRIX: Record<string, Record<Role, Cell>> = {
  //                        cdo        steering     funding      guide        viewer
  municipalities:         { cdo: W, steering: R, funding: R, guide: R, viewer: R },
  fields_of_action:       { cdo: W, steering: R, funding: R, guide: R, viewer: R },
  measures:               { cdo: W, steering: W, funding: R, guide: R, viewer: R },
  milestones:             { cdo: W, steering: W, funding: R, guide: R, viewer: R },
  milestone_forecasts:    { cdo: WL, steering: WL, funding: RL, guide: RL, viewer: RL },
  indicators:             { cdo: W, steering: W, funding: R, guide: R, viewer: R },
  // values also the measure's owner (tests/features/indicators/rights.test.ts); these roles own no demo measure
  indicator_values:       { cdo: W, steering: W, funding: R, guide: R, viewer: R },
  partners:               { cdo: W, steering: W, funding: R, guide: R, viewer: R },
  measure_partners:       { cdo: W, steering: W, funding: R, guide: R, viewer: R },
  measure_municipalities: { cdo: WL, steering: WL, funding: RL, guide: RL, viewer: RL },
  grants:                 { cdo: W, steering: R, funding: W, guide: N, viewer: R },
  grant_years:            { cdo: W, steering: R, funding: W, guide: N, viewer: R },
  budget_lines:           { cdo: W, steering: R, funding: W, guide: N, viewer: R },
  tranches:               { cdo: W, steering: R, funding: W, guide: N, viewer: R },
  expenditures:           { cdo: W, steering: R, funding: W, guide: N, viewer: R },
  transfers:              { cdo: W, steering: R, funding: W, guide: N, viewer: R },
  // guide: reads all; creates for her municipalities, changes and deletes her own entries (targets are hers)
  contacts:               { cdo: W, steering: R, funding: N, guide: W, viewer: N },
  contact_measures:       { cdo: WL, steering: RL, funding: N, guide: WL, viewer: N },
  users:                  { cdo: W, steering: R, funding: R, guide: R, viewer: R },
  guide_municipalities:   { cdo: WL, steering: RL, funding: RL, guide: RL, viewer: RL },
  status_reports:         { cdo: W, steering: W, funding: R, guide: R, viewer: R },
  proof_reports:          { cdo: W, steering: R, funding: W, guide: N, viewer: R },
  base_rates:             { cdo: W, steering: R, funding: W, guide: N, viewer: R },
  ledger_accounts:        { cdo: W, steering: R, funding: W, guide: N, viewer: R },
  audit_entries:          { cdo: R, steering: R, funding: R, guide: N, viewer: N },
  // own rows only, for every role (tests/features/reminders/notifications.test.ts); marked read by their own route
  notifications:          { cdo: RL, steering: RL, funding: RL, guide: RL, viewer: RL },
  mail_outbox:            { cdo: RL, steering: N, funding: N, guide: N, viewer: N },
};

// The redirect URI the provider knows; with PUBLIC_ORIGIN the app builds it from there, whatever serves the test.
const ORIGIN = 'http://127.0.0.1:3998';

let provider: TestProvider;
let t: TestApp;
const sessions: Record<Way, Partial<Record<Role, Agent>>> = { password: {}, sso: {} };
const me: Partial<Record<Role, { id: number; municipality_ids: number[] }>> = {};
/** One record per resource, written by the CDO: the target of every read and of every denied write. */
const shared: Record<string, Body> = {};
/** Notifications are read by their owner only: each role reads one of her own. */
const ownNotification: Partial<Record<Role, Body>> = {};

beforeAll(async () => {
  provider = await startProvider({ redirectUris: [`${ORIGIN}/api/auth/oidc/callback`] });
  t = await testApp({
    config: {
      publicOrigin: ORIGIN,
      oidc: {
        issuer: provider.issuer,
        clientId: provider.clientId,
        clientSecret: provider.clientSecret,
        label: 'Mit dem Dienstkonto anmelden',
      },
    },
  });
  for (const role of ROLES) {
    sessions.password[role] = await t.as(role);
    sessions.sso[role] = await signInWithSso(supertest.agent(t.app), DEMO_EMAIL[role]);
    me[role] = (await sessions.password[role].get('/api/auth/me')).body;
  }
  const cdo = await t.as('cdo');
  for (const def of resources) {
    if (def.access.write.length) {
      const res = await cdo.post(`/api/${def.name}`).send(await createBody(t.db, def.name));
      if (res.status !== 201) throw new Error(`setup ${def.name}: ${res.status} ${JSON.stringify(res.body)}`);
      shared[def.name] = res.body as Body;
    }
  }
  shared.audit_entries = (await cdo.get('/api/audit_entries?range=[0,0]')).body[0];
  // Written by the reminder run only: one notification of each role's own, and a mail.
  for (const role of ROLES) {
    const [row] = (await t
      .db('notifications')
      .insert({
        user_id: me[role]!.id,
        rule: 'milestone_due',
        record_id: 0,
        due_on: '2026-01-01',
        title: 'T',
        body: 'B',
      })
      .returning('*')) as Body[];
    ownNotification[role] = row!;
  }
  shared.notifications = ownNotification.cdo!;
  shared.mail_outbox = (
    (await t
      .db('mail_outbox')
      .insert({ recipient: 'cdo@myk10.example', subject: 'S', text_body: 'T', html_body: '<p>T</p>' })
      .returning('*')) as Body[]
  )[0]!;
});
afterAll(async () => {
  await t?.close();
  await provider?.stop();
});

it('the matrix covers every resource', () => {
  expect(Object.keys(MATRIX).sort()).toEqual(resources.map((r) => r.name).sort());
});

it.each(ROLES)('the SSO session of %s is one of the same user, made by SSO', async (role) => {
  const sso = sessions.sso[role]!;

  expect((await sso.get('/api/auth/me')).body).toEqual(
    (await sessions.password[role]!.get('/api/auth/me')).body,
  );
  expect((await sso.get('/api/auth/mfa')).body.sso).toBe(true);
  expect((await sessions.password[role]!.get('/api/auth/mfa')).body.sso).toBe(false);
});

/** A body for a create by this role (a guide writes for her own municipality and contacts). */
const bodyFor = (resource: string, role: Role) =>
  createBody(t.db, resource, role === 'guide' ? { guide: me.guide! } : {});

/** The record a write of this role targets: one of its own when the write is granted, the CDO's otherwise. */
async function targetFor(agent: Agent, resource: string, role: Role, granted: boolean): Promise<Body> {
  if (!granted) return shared[resource]!;
  const res = await agent.post(`/api/${resource}`).send(await bodyFor(resource, role));
  if (res.status !== 201)
    throw new Error(`target ${resource} as ${role}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Body;
}

async function call(agent: Agent, resource: string, role: Role, method: Method, expected: number) {
  const granted = expected < 300;
  switch (method) {
    case 'list':
      return agent.get(`/api/${resource}?range=[0,9]`);
    case 'getOne':
      return agent.get(
        `/api/${resource}/${(resource === 'notifications' ? ownNotification[role]! : shared[resource]!).id}`,
      );
    case 'create':
      return agent.post(`/api/${resource}`).send(await bodyFor(resource, role));
    case 'update': {
      const target = await targetFor(agent, resource, role, granted);
      const current = (await (await t.as('cdo')).get(`/api/${resource}/${target.id}`)).body as Body;
      return agent.put(`/api/${resource}/${target.id}`).send({ ...current, ...UPDATE_PATCH[resource] });
    }
    case 'delete': {
      const target = await targetFor(agent, resource, role, granted);
      return agent.delete(`/api/${resource}/${target.id}`);
    }
  }
}

const cells = Object.entries(MATRIX).flatMap(([resource, row]) =>
  ROLES.flatMap((role) => METHODS.map((method) => [resource, role, method, row[role][method]] as const)),
);

describe.each(Object.keys(MATRIX))('%s', (resource) => {
  it.each(
    cells
      .filter(([r]) => r === resource)
      .flatMap(([, role, method, status]) => WAYS.map((way) => [role, method, status, way] as const)),
  )('%s %s → %i (%s session)', async (role, method, status, way) => {
    const agent = sessions[way][role]!;
    const before = status >= 400 ? await dbChecksum(t.db) : undefined;

    const res = await call(agent, resource, role, method, status);

    expect({ status: res.status, body: res.status === status ? undefined : (res.body as unknown) }).toEqual({
      status,
      body: undefined,
    });
    if (before) {
      expect(res.body).toEqual({
        message: expect.any(String),
        code: status === 405 ? 'method_not_allowed' : 'forbidden',
      });
      expect(await dbChecksum(t.db)).toEqual(before);
    }
  });

  it.each(METHODS)('anonymous %s → 401', async (method) => {
    const anon = t.anonymous();
    const id = shared[resource]!.id;
    const before = await dbChecksum(t.db);

    const res = await {
      list: () => anon.get(`/api/${resource}`),
      getOne: () => anon.get(`/api/${resource}/${id}`),
      create: () => anon.post(`/api/${resource}`).send({}),
      update: () => anon.put(`/api/${resource}/${id}`).send({ ...shared[resource] }),
      delete: () => anon.delete(`/api/${resource}/${id}`),
    }[method]();

    expect(res.status).toBe(401);
    expect(res.body).toEqual({ message: expect.any(String), code: 'unauthenticated' });
    expect(await dbChecksum(t.db)).toEqual(before);
  });
});

describe('password material', () => {
  const keysOf = (value: unknown): string[] =>
    Array.isArray(value)
      ? value.flatMap(keysOf)
      : value && typeof value === 'object'
        ? Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)])
        : [];
  const noSecrets = (body: unknown) => {
    expect(keysOf(body).filter((k) => /password|hash/i.test(k))).toEqual([]);
    expect(JSON.stringify(body)).not.toContain('$argon2');
  };

  it.each(ROLES)('GET /api/users as %s carries no password material', async (role) => {
    const res = await (await t.as(role)).get('/api/users?range=[0,999]');

    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThan(5);
    noSecrets(res.body);
  });

  it('GET /api/users/:id, POST, PUT and DELETE /api/users carry no password material', async () => {
    const cdo = await t.as('cdo');
    const created = await cdo.post('/api/users').send(await createBody(t.db, 'users'));
    const one = await cdo.get(`/api/users/${created.body.id}`);
    const updated = await cdo
      .put(`/api/users/${created.body.id}`)
      .send({ ...one.body, password: 'Ein-anderes-Passwort-2026' });
    const deleted = await cdo.delete(`/api/users/${created.body.id}`);

    expect([created.status, one.status, updated.status, deleted.status]).toEqual([201, 200, 200, 200]);
    for (const res of [created, one, updated, deleted]) noSecrets(res.body);
  });

  it('the users list cannot be filtered or sorted by the password hash', async () => {
    const cdo = await t.as('cdo');

    const filtered = await cdo.get(`/api/users?filter=${encodeURIComponent('{"password_hash":"x"}')}`);
    const sorted = await cdo.get(`/api/users?sort=${encodeURIComponent('["password_hash","ASC"]')}`);

    expect([filtered.status, sorted.status]).toEqual([400, 400]);
  });

  it('login and /api/auth/me carry no password material', async () => {
    const agent = t.anonymous();

    const login = await agent
      .post('/api/auth/login')
      .send({ email: DEMO_EMAIL.funding, password: DEMO_PASSWORD });
    const me = await agent.get('/api/auth/me');

    expect([login.status, me.status]).toEqual([200, 200]);
    noSecrets(login.body);
    noSecrets(me.body);
  });

  it.each(ROLES)('no response of any resource a %s may read contains an argon2 hash', async (role) => {
    const agent = await t.as(role);
    for (const def of resources) {
      const res = await agent.get(`/api/${def.name}?range=[0,999]`);
      expect(JSON.stringify(res.body)).not.toContain('$argon2');
      if (res.status === 200 && res.body[0]) {
        const one = await agent.get(`/api/${def.name}/${res.body[0].id}`);
        expect(JSON.stringify(one.body)).not.toContain('$argon2');
      }
    }
  });
});
