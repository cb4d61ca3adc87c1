import { DEMO_EMAIL, login, testApp, type Agent, type TestApp } from '../support/app';
import { dbChecksum } from '../support/checksum';
import { createBody, TEST_PASSWORD, type Body } from '../support/fixtures';

/**
 * There is always at least one active CDO: she alone manages the accounts. The last one can neither give up
 * the role nor be deactivated or deleted, by herself or anyone else, also when two such changes race.
 * The demo data has exactly one CDO (cdo@myk10.example).
 */

let t: TestApp;
let first: Body;
beforeAll(async () => {
  t = await testApp();
  first = (await t.db('users').where('email', DEMO_EMAIL.cdo).first()) as Body;
});
afterAll(async () => t?.close());

const activeCdos = async () =>
  Number(
    ((await t.db('users').where({ role: 'cdo', active: true }).count({ n: '*' })) as [{ n: number }])[0].n,
  );

/** The record as the CDO reads it (with the version a PUT needs). */
const read = async (agent: Agent, id: unknown) => (await agent.get(`/api/users/${id}`)).body as Body;

async function newCdo(overrides: Body = {}): Promise<Body> {
  const res = await (
    await t.as('cdo')
  )
    .post('/api/users')
    .send({ ...(await createBody(t.db, 'users')), role: 'cdo', ...overrides });
  if (res.status !== 201) throw new Error(`user: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Body;
}

describe('the last active CDO', () => {
  it('cannot give up her role; the answer names the field, and nothing changes', async () => {
    const cdo = await t.as('cdo');
    const before = await dbChecksum(t.db);

    const res = await cdo
      .put(`/api/users/${first.id}`)
      .send({ ...(await read(cdo, first.id)), role: 'steering' });

    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/mindestens eine aktive Person/);
    expect(res.body.errors.role).toEqual(expect.any(String));
    expect(await dbChecksum(t.db)).toEqual(before);
    expect((await cdo.get('/api/auth/me')).body.role).toBe('cdo');
  });

  it('cannot deactivate herself', async () => {
    const cdo = await t.as('cdo');
    const before = await dbChecksum(t.db);

    const res = await cdo
      .put(`/api/users/${first.id}`)
      .send({ ...(await read(cdo, first.id)), active: false });

    expect(res.status).toBe(409);
    expect(res.body.errors.active).toEqual(expect.any(String));
    expect(await dbChecksum(t.db)).toEqual(before);
  });

  it('cannot delete herself', async () => {
    const cdo = await t.as('cdo');
    const before = await dbChecksum(t.db);

    const res = await cdo.delete(`/api/users/${first.id}`);

    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/mindestens eine aktive Person/);
    expect(await dbChecksum(t.db)).toEqual(before);
  });

  it('counts only active CDOs: a deactivated second one does not help', async () => {
    await newCdo({ active: false });
    const cdo = await t.as('cdo');

    const res = await cdo
      .put(`/api/users/${first.id}`)
      .send({ ...(await read(cdo, first.id)), role: 'viewer' });

    expect(res.status).toBe(409);
    expect(await activeCdos()).toBe(1);
  });
});

describe('with a second active CDO', () => {
  it('a CDO can be demoted', async () => {
    const second = await newCdo();
    const cdo = await t.as('cdo');

    const res = await cdo.put(`/api/users/${second.id}`).send({ ...second, role: 'steering' });

    expect(res.status).toBe(200);
    expect(res.body.role).toBe('steering');
  });

  it('a CDO can be deactivated', async () => {
    const second = await newCdo();
    const cdo = await t.as('cdo');

    const res = await cdo.put(`/api/users/${second.id}`).send({ ...second, active: false });

    expect(res.status).toBe(200);
    expect(res.body.active).toBe(false);
  });

  it('a CDO can be deleted', async () => {
    const second = await newCdo();
    const cdo = await t.as('cdo');

    const res = await cdo.delete(`/api/users/${second.id}`);

    expect(res.status).toBe(200);
    expect(
      await t
        .db('users')
        .where('id', second.id as number)
        .first(),
    ).toBeUndefined();
  });

  it('a CDO can give up her own role or deactivate herself while another remains', async () => {
    const second = await newCdo();
    const agent = await login(t.app, second.email as string, TEST_PASSWORD);
    const third = await newCdo();
    const thirdAgent = await login(t.app, third.email as string, TEST_PASSWORD);

    const demoted = await agent.put(`/api/users/${second.id}`).send({ ...second, role: 'viewer' });
    const deactivated = await thirdAgent.put(`/api/users/${third.id}`).send({ ...third, active: false });

    expect([demoted.status, deactivated.status]).toEqual([200, 200]);
    expect(await activeCdos()).toBe(1);
  });

  // Last: one of the two CDOs (possibly the demo CDO) loses the role here.
  it('two CDOs demoting each other at the same time: one succeeds, the other is refused, one CDO remains', async () => {
    const second = await newCdo();
    const agent = await login(t.app, second.email as string, TEST_PASSWORD);
    const cdo = await t.as('cdo');
    const firstRecord = await read(cdo, first.id);
    expect(await activeCdos()).toBe(2);

    const results = await Promise.all([
      cdo.put(`/api/users/${second.id}`).send({ ...second, role: 'steering' }),
      agent.put(`/api/users/${first.id}`).send({ ...firstRecord, role: 'steering' }),
    ]);

    // The loser is refused by the check (409), or finds her session already ended by the winner's change (401).
    const [won, lost] = results.map((r) => r.status).sort();
    expect(won).toBe(200);
    expect([401, 409]).toContain(lost);
    expect(await activeCdos()).toBe(1);
  });
});
