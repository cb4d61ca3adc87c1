import type { Knex } from 'knex';
import { testDb, type TestDb } from '../support/db';
import {
  loginCookie,
  onPostgres,
  skipNotice,
  sleep,
  startApiProcess,
  TcpProxy,
  timed,
  until200,
  type ApiProcess,
  type Timed,
} from './support';

/**
 * Database faults against the real server process: PostgreSQL terminating the API's connections under load,
 * and PostgreSQL refusing connections for a few seconds (a TCP proxy in front of this file's own database is
 * taken down and brought back). Catalogue E 38: 503 with a clear message, no crash, recovery without restart,
 * no half-done write. PostgreSQL only.
 */

skipNotice('tests/resilience/db-faults.test.ts');
const describeOnPostgres = onPostgres ? describe : describe.skip;

const LIST =
  '/api/measures?filter=%7B%22status%22%3A%22implementation%22%7D&sort=%5B%22title%22%2C%22ASC%22%5D&range=%5B0%2C24%5D';

/** Ends every connection to this file's database except the caller's own (the admin's). */
async function terminateBackends(admin: Knex): Promise<number> {
  const { rows } = (await admin.raw(
    'select count(*) filter (where pg_terminate_backend(pid)) as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
  )) as { rows: { n: number }[] };
  return Number(rows[0]!.n);
}

/** Runs `worker` in `n` parallel loops until `ms` have passed; collects every answer. */
async function hammer(
  n: number,
  ms: number,
  worker: (w: number, i: number) => Promise<Timed>,
): Promise<Timed[]> {
  const until = Date.now() + ms;
  const out: Timed[] = [];
  await Promise.all(
    Array.from({ length: n }, async (_, w) => {
      for (let i = 0; Date.now() < until; i++) out.push(await worker(w, i));
    }),
  );
  return out;
}

function expectClear503(r: Timed): void {
  expect(r.status).toBe(503);
  expect(typeof r.body?.message).toBe('string');
  expect((r.body?.message as string).length).toBeGreaterThan(10);
}

describeOnPostgres('database faults (PostgreSQL)', () => {
  let t: TestDb;
  let proxy: TcpProxy;
  let api: ApiProcess;
  let cookie: string;
  const get = (path: string) => timed(`${api.base}${path}`, { headers: { cookie } });

  beforeAll(async () => {
    t = await testDb();
    const target = new URL(t.url!);
    proxy = new TcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    await proxy.up();
    // Production defaults (pool 10, acquire 5 s, statement 10 s): the answers below must come from them.
    api = await startApiProcess({ DATABASE_URL: proxy.url(t.url!) });
    cookie = await loginCookie(api.base);
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
    await proxy?.down();
    await t?.close();
  });

  afterEach(() => {
    // The process must never have died or reported an unhandled error.
    expect(api.alive()).toBe(true);
    expect(api.stderr()).not.toMatch(/uncaught|unhandled/i);
  });

  it('answers 200 or a clear 503, never 500, while PostgreSQL terminates its connections under load', async () => {
    let kills = 0;
    let stop = false;
    const killer = (async () => {
      while (!stop) {
        await sleep(250);
        kills += await terminateBackends(t.db);
      }
    })();
    const answers = await hammer(10, 4_000, (_, i) => get(i % 2 ? LIST : '/api/contacts?range=%5B0%2C24%5D'));
    stop = true;
    await killer;

    expect(kills).toBeGreaterThan(0);
    const statuses = new Set(answers.map((a) => a.status));
    expect([...statuses].filter((s) => s !== 200 && s !== 503)).toEqual([]);
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThan(0);
    // Requests were cut in flight (not only idle connections), and each of those got a clear 503.
    expect(answers.filter((a) => a.status === 503).length).toBeGreaterThan(0);
    for (const a of answers.filter((x) => x.status === 503)) expectClear503(a);
    // Every answer came back; none hung until a client timeout.
    expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(10_000);
    // And it serves again at once, without a restart.
    expect(await until200(() => get(LIST), 5_000)).toBeLessThan(5_000);
  }, 60_000);

  it('survives connections terminated while idle in the pool (no unhandled client error)', async () => {
    expect((await get(LIST)).status).toBe(200);
    expect(await terminateBackends(t.db)).toBeGreaterThan(0);
    await sleep(500);
    expect(api.alive()).toBe(true);
    expect((await get(LIST)).status).toBe(200);
  }, 30_000);

  it('answers 503 promptly with a clear message while PostgreSQL refuses connections, and recovers without a restart', async () => {
    expect((await get(LIST)).status).toBe(200);
    await proxy.down();
    const outage: Timed[] = [];
    // Two waves: at once (pooled connections are cut) and after two seconds (nothing left to reuse).
    for (const wave of [0, 2_000]) {
      await sleep(wave);
      outage.push(
        ...(await Promise.all([
          ...Array.from({ length: 8 }, () => get(LIST)),
          get('/api/auth/me'),
          timed(`${api.base}/api/health`),
          timed(`${api.base}/api/health`),
        ])),
      );
    }
    await proxy.up();
    const recoveredAfter = await until200(() => get(LIST), 10_000);

    for (const r of outage) {
      expectClear503(r);
      expect(r.ms).toBeLessThan(5_000);
    }
    const health = outage.filter((r) => r.body?.database !== undefined);
    expect(health).toHaveLength(4);
    for (const h of health) expect(h.body).toMatchObject({ status: 'error', database: 'unavailable' });
    for (const r of outage.filter((x) => x.body?.code === 'unavailable'))
      expect(r.headers.get('retry-after')).toBe('5');
    expect(recoveredAfter).toBeLessThan(10_000);
    expect((await timed(`${api.base}/api/health`)).status).toBe(200);
  }, 60_000);

  it('never leaves a write half done when its connection is cut: a measure and its audit row exist together or not at all', async () => {
    const field = (await t.db('fields_of_action').first('id')) as { id: number };
    const targets = (await t.db('measures').orderBy('id').limit(4).select('id', 'version')) as {
      id: number;
      version: number;
    }[];
    const updateAudits = async (id: number) => {
      const [{ n }] = (await t
        .db('audit_entries')
        .where({ resource: 'measures', action: 'update', record_id: id })
        .count({ n: '*' })) as [{ n: number }];
      return Number(n);
    };
    const before = new Map<number, { version: number; audits: number }>();
    for (const m of targets) before.set(m.id, { version: m.version, audits: await updateAudits(m.id) });
    const json = { cookie, 'content-type': 'application/json' };
    let stop = false;
    let kills = 0;
    // Cuts come at changing gaps, so some writes are cut midway and others (even on a busy machine) get through.
    const gaps = [150, 400, 800];
    const killer = (async () => {
      for (let round = 0; !stop; round++) {
        await sleep(gaps[round % gaps.length]!);
        kills += await terminateBackends(t.db);
      }
    })();
    const answers = await hammer(8, 4_000, async (w, i) => {
      if (w % 2 === 0)
        return timed(`${api.base}/api/measures`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({
            code: `R-${w}-${i}`,
            title: `Ausfalltest ${w}-${i}`,
            field_of_action_id: field.id,
            phase: 'implementation',
            status: 'planning',
            health: 'green',
            progress: 0,
            budget_cents: 100,
          }),
        });
      const id = targets[(w - 1) / 2]!.id;
      const current = await get(`/api/measures/${id}`);
      if (current.status !== 200) return current;
      return timed(`${api.base}/api/measures/${id}`, {
        method: 'PUT',
        headers: json,
        body: JSON.stringify({ title: `Ausfalltest ${w}-${i}`, version: current.body!.version }),
      });
    });
    stop = true;
    await killer;

    expect(kills).toBeGreaterThan(0);
    expect(
      [...new Set(answers.map((a) => a.status))].filter((s) => ![200, 201, 409, 503].includes(s)),
    ).toEqual([]);
    const created = answers.filter((a) => a.status === 201).map((a) => a.body!.id as number);
    expect(created.length).toBeGreaterThan(0);

    // Every created measure has exactly its one create audit row, and no create audit row lacks its measure.
    const { rows: orphans } = (await t.db.raw(
      `select m.id, a.id as audit_id from measures m
       full join (select * from audit_entries where resource = 'measures' and action = 'create') a on a.record_id = m.id
       where (m.code like 'R-%' and a.id is null) or (a.changes->'code'->>1 like 'R-%' and m.id is null)`,
    )) as { rows: unknown[] };
    expect(orphans).toEqual([]);
    const { rows: doubles } = (await t.db.raw(
      "select record_id from audit_entries where resource = 'measures' and action = 'create' group by record_id having count(*) > 1",
    )) as { rows: unknown[] };
    expect(doubles).toEqual([]);
    const existing = (await t.db('measures').whereIn('id', created).pluck('id')) as number[];
    expect(existing.sort()).toEqual([...created].sort());

    // Each committed update raised the version by one and wrote one audit row; a cut one did neither.
    for (const [id, was] of before) {
      const now = (await t.db('measures').where({ id }).first('version')) as { version: number };
      expect(now.version - was.version).toBe((await updateAudits(id)) - was.audits);
    }
  }, 60_000);
});
