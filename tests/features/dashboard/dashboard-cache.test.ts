import { testApp, type TestApp } from '../../support/app';

/**
 * The dashboard is aggregated once per database state and role: repeated page loads cost one small statement, and
 * every committed change, through the API or straight in the database (another process), shows at the next load.
 */

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t?.close());

interface Dashboard {
  role: string;
  measures: { total: number; by_health: Record<string, number> };
  contacts?: unknown;
}

async function load(who: 'cdo' | 'funding' = 'cdo'): Promise<{ body: Dashboard; statements: string[] }> {
  const agent = await t.as(who);
  const statements: string[] = [];
  const listen = (q: { sql: string }) => statements.push(q.sql);
  t.db.on('query', listen);
  try {
    const res = await agent.get('/api/dashboard').expect(200).expect('Content-Type', /json/);
    return { body: res.body as Dashboard, statements };
  } finally {
    t.db.off('query', listen);
  }
}

const aggregations = (statements: string[]) =>
  statements.filter((s) => !/pg_current_snapshot|from sessions/.test(s));

const snapshot = async (): Promise<string> =>
  ((await t.db.raw('select pg_current_snapshot()::text as s')) as { rows: { s: string }[] }).rows[0]!.s;

it('answers a repeated load without aggregating again', async () => {
  // On PostgreSQL another test file's commit between the two loads is a data change too (the snapshot is
  // cluster-wide): the check holds for a pair of loads while no commit happened anywhere.
  for (let tries = 1; ; tries++) {
    // A transaction id of its own moves the snapshot, so the first load of every try aggregates.
    await t.db.raw('select txid_current()');
    const before = await snapshot();
    const first = await load();
    const second = await load();
    if ((await snapshot()) !== before && tries < 20) continue;
    expect(aggregations(first.statements).length).toBeGreaterThanOrEqual(4);
    expect(aggregations(second.statements)).toEqual([]);
    expect(second.body).toEqual(first.body);
    return;
  }
});

it('shows a change made through the API at the next load', async () => {
  const before = (await load()).body;
  const measure = (await t.db('measures').where('health', 'green').orderBy('id').first()) as {
    id: number;
    version: number;
  };
  await (
    await t.as('cdo')
  )
    .put(`/api/measures/${measure.id}`)
    .send({ health: 'red', version: measure.version })
    .expect(200);
  const after = (await load()).body;
  expect(after.measures.by_health.red).toBe(before.measures.by_health.red! + 1);
  expect(after.measures.by_health.green).toBe(before.measures.by_health.green! - 1);
});

it('shows a change committed outside this process (straight in the database) at the next load', async () => {
  const before = (await load()).body;
  const field = (await t.db('fields_of_action').first('id')) as { id: number };
  await t.db('measures').insert({
    code: 'M-CACHE',
    title: 'Neu angelegt von einem anderen Prozess',
    field_of_action_id: field.id,
    phase: 'strategy',
    status: 'idea',
    health: 'amber',
  });
  const after = (await load()).body;
  expect(after.measures.total).toBe(before.measures.total + 1);
  expect(after.measures.by_health.amber).toBe(before.measures.by_health.amber! + 1);
});

it('keeps one answer per role: the funding officer never gets the CDO’s contact figures', async () => {
  expect((await load('cdo')).body.contacts).toBeDefined();
  const funding = (await load('funding')).body;
  expect(funding.role).toBe('funding');
  expect(funding.contacts).toBeUndefined();
  expect((await load('cdo')).body.role).toBe('cdo');
});
