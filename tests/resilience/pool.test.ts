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
 * 200 concurrent requests must end in prompt 503s, and the process must recover. A second process with patient
 * timeouts shows that routes without database work keep answering while every pooled connection waits.
 */

skipNotice('tests/resilience/pool.test.ts');
const describeOnPostgres = onPostgres ? describe : describe.skip;

const LIST = '/api/measures?sort=%5B%22title%22%2C%22ASC%22%5D&range=%5B0%2C24%5D';

/** Other connections of this database whose `state` or `wait_event_type` has the given value. */
async function connections(admin: Knex, column: 'state' | 'wait_event_type', value: string): Promise<number> {
  const { rows } = (await admin.raw(
    'select count(*) as n from pg_stat_activity where datname = current_database() and ?? = ? and pid <> pg_backend_pid()',
    [column, value],
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

  it('answers 200 concurrent requests blocked by a lock with prompt 503s and recovers after the lock', async () => {
    expect((await get(LIST)).status).toBe(200);
    const lock = await t.db.transaction();
    await lock.raw('lock table measures in access exclusive mode');
    let storm: Timed[];
    try {
      storm = await Promise.all(Array.from({ length: 200 }, () => get(LIST)));
    } finally {
      await lock.commit();
    }

    expect(storm.map((r) => r.status).filter((s) => s !== 503)).toEqual([]);
    for (const r of storm) {
      expect(r.body).toMatchObject({ code: 'unavailable' });
      expect(r.headers.get('retry-after')).toBe('5');
    }
    // statement timeout 500 ms, acquire timeout 1 s: nobody waits anywhere near a client timeout.
    expect(Math.max(...storm.map((r) => r.ms))).toBeLessThan(5_000);

    expect(await until200(() => get(LIST), 5_000)).toBeLessThan(5_000);
    // Cancelled statements left no transaction open and nothing still waiting on the lock.
    expect(await connections(t.db, 'state', 'idle in transaction')).toBe(0);
    expect(await connections(t.db, 'state', 'active')).toBe(0);
  }, 60_000);

  it('answers a route without database work while every pooled connection waits on a lock', async () => {
    // Timeouts far beyond the test: the requests below wait on the lock until the test releases it, so the probe is
    // answered while all of them are provably still waiting (an order, not a stopwatch that a busy machine can fool).
    const patient = await startApiProcess({
      DATABASE_URL: t.url!,
      DB_POOL_MAX: '2',
      DB_STATEMENT_TIMEOUT_MS: '30000',
      DB_ACQUIRE_TIMEOUT_MS: '30000',
    });
    try {
      const patientCookie = await loginCookie(patient.base);
      const list = () => timed(`${patient.base}${LIST}`, { headers: { cookie: patientCookie } });
      expect((await list()).status).toBe(200);
      const lock = await t.db.transaction();
      await lock.raw('lock table measures in access exclusive mode');
      let answered = 0;
      let storm: Promise<Timed[]>;
      let probe: Timed;
      let answeredBeforeProbe: number;
      try {
        storm = Promise.all(Array.from({ length: 50 }, () => list().finally(() => (answered += 1))));
        const until = Date.now() + 10_000;
        while ((await connections(t.db, 'wait_event_type', 'Lock')) < 2 && Date.now() < until)
          await sleep(50);
        expect(await connections(t.db, 'wait_event_type', 'Lock')).toBe(2);
        probe = await timed(`${patient.base}/api/openapi.json`);
        answeredBeforeProbe = answered;
      } finally {
        await lock.commit();
      }
      expect(probe.status).toBe(200);
      expect(answeredBeforeProbe).toBe(0);
      expect((await storm).map((r) => r.status)).toEqual(Array(50).fill(200));
      expect(patient.stderr()).not.toMatch(/uncaught|unhandled/i);
    } finally {
      await patient.stop();
    }
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
