import type { Knex } from 'knex';
import { testDb, type TestDb } from '../support/db';
import {
  loginCookie,
  onPostgres,
  skipNotice,
  sleep,
  startApiProcess,
  timed,
  until200,
  type ApiProcess,
  type Timed,
} from './support';

/**
 * Pool exhaustion and slow statements (catalogue E 39/40): the server process runs with a pool of 2, a 500 ms
 * statement timeout and a 1 s acquire timeout (DB_POOL_MAX, DB_STATEMENT_TIMEOUT_MS, DB_ACQUIRE_TIMEOUT_MS); a
 * second connection holds an ACCESS EXCLUSIVE lock on measures, so every list request blocks in PostgreSQL.
 * 200 concurrent requests must end in prompt 503s, the process must stay responsive, and it must recover.
 */

skipNotice('tests/resilience/pool.test.ts');
const describeOnPostgres = onPostgres ? describe : describe.skip;

const LIST = '/api/measures?sort=%5B%22title%22%2C%22ASC%22%5D&range=%5B0%2C24%5D';

async function activity(admin: Knex, state: string): Promise<number> {
  const { rows } = (await admin.raw(
    'select count(*) as n from pg_stat_activity where datname = current_database() and state = ? and pid <> pg_backend_pid()',
    [state],
  )) as { rows: { n: number }[] };
  return Number(rows[0]!.n);
}

describeOnPostgres('pool exhaustion and slow statements (PostgreSQL)', () => {
  let t: TestDb;
  let api: ApiProcess;
  let cookie: string;
  const get = (path: string) => timed(`${api.base}${path}`, { headers: { cookie } });

  beforeAll(async () => {
    t = await testDb();
    api = await startApiProcess({
      DATABASE_URL: t.url!,
      DB_POOL_MAX: '2',
      DB_STATEMENT_TIMEOUT_MS: '500',
      DB_ACQUIRE_TIMEOUT_MS: '1000',
    });
    cookie = await loginCookie(api.base);
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
    await t?.close();
  });

  afterEach(() => {
    expect(api.alive()).toBe(true);
    expect(api.stderr()).not.toMatch(/uncaught|unhandled/i);
  });

  it('answers 200 concurrent requests blocked by a lock with prompt 503s, stays responsive and recovers after the lock', async () => {
    expect((await get(LIST)).status).toBe(200);
    const lock = await t.db.transaction();
    await lock.raw('lock table measures in access exclusive mode');
    let storm: Timed[];
    let probe: Timed;
    try {
      const pending = Promise.all(Array.from({ length: 200 }, () => get(LIST)));
      // While 200 requests wait for the database, a route without database work answers at once.
      await sleep(300);
      probe = await timed(`${api.base}/api/openapi.json`);
      storm = await pending;
    } finally {
      await lock.commit();
    }

    expect(probe.status).toBe(200);
    expect(probe.ms).toBeLessThan(1_000);
    expect(storm.map((r) => r.status).filter((s) => s !== 503)).toEqual([]);
    for (const r of storm) {
      expect(r.body).toMatchObject({ code: 'unavailable' });
      expect(r.headers.get('retry-after')).toBe('5');
    }
    // statement timeout 500 ms, acquire timeout 1 s: nobody waits anywhere near a client timeout.
    expect(Math.max(...storm.map((r) => r.ms))).toBeLessThan(5_000);

    expect(await until200(() => get(LIST), 5_000)).toBeLessThan(5_000);
    // Cancelled statements left no transaction open and nothing still waiting on the lock.
    expect(await activity(t.db, 'idle in transaction')).toBe(0);
    expect(await activity(t.db, 'active')).toBe(0);
  }, 60_000);

  it('ends a slow statement at the statement timeout with 503, not 500', async () => {
    // A row lock held elsewhere makes a single write wait: the statement timeout must end it.
    const target = (await t.db('measures').orderBy('id').first('id', 'version')) as {
      id: number;
      version: number;
    };
    const lock = await t.db.transaction();
    await lock('measures').where({ id: target.id }).forUpdate().select('id');
    let answer: Timed;
    try {
      answer = await timed(`${api.base}/api/measures/${target.id}`, {
        method: 'PUT',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ health_note: 'Zeitüberschreitung', version: target.version }),
      });
    } finally {
      await lock.rollback();
    }
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ code: 'unavailable' });
    expect(answer.ms).toBeLessThan(3_000);
    // Nothing of the timed-out write stayed behind.
    const after = (await t.db('measures').where({ id: target.id }).first('version', 'health_note')) as {
      version: number;
      health_note: string | null;
    };
    expect(after.version).toBe(target.version);
    expect(after.health_note).not.toBe('Zeitüberschreitung');
  }, 30_000);

  it('survives its pooled connections being terminated while idle', async () => {
    expect((await get(LIST)).status).toBe(200);
    await t.db.raw(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    await sleep(300);
    expect(api.alive()).toBe(true);
    expect((await get(LIST)).status).toBe(200);
  }, 30_000);
});
