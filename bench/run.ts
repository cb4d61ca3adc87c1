import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createDb } from '../api/db/knex';
import { adminWeight } from './adminWeight';
import { explainRoutes, type ExplainReport } from './explain';
import type { FloorSpec } from './floor';
import {
  cpuMs,
  machineInfo,
  freePort,
  ROOT,
  percentile,
  RESULTS_DIR,
  round1,
  RssSampler,
  startNodeOptions,
  startTs,
  table,
  waitFor200,
  type CapturedRoute,
  type Child,
  type RouteDef,
  type Statement,
} from './lib';
import { benchSession, ensureDatabase, prepareData, routeParams, type RouteParams } from './prepare';
import { startupBench, type StartupResult } from './startup';

/**
 * `npm run bench`: the API (a child process, NODE_ENV=production) against the FLOOR (bench/floor.ts: bare
 * node:http + one pool replaying the API's own captured SQL), per route, alternating API and floor so drift on
 * the machine hits both; then RSS over 20,000 mixed requests, EXPLAIN of every statement, admin JS weight.
 * PostgreSQL (DATABASE_URL) at factor 10 by default; `--pglite` runs the embedded database at factor 1.
 * Last step: start-up time and idle/peak RSS of `npm start`, tsx loader (before) against compiled (after) on the
 * same database; `--startup` runs only that step (a few minutes; without DATABASE_URL on a fresh embedded one).
 */

const { values: opt } = parseArgs({
  options: {
    pglite: { type: 'boolean', default: false },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '2' },
    connections: { type: 'string', default: '10' },
    factor: { type: 'string' },
    q: { type: 'string', default: 'Hochwasser' },
    'memory-requests': { type: 'string', default: '20000' },
    only: { type: 'string' },
    startup: { type: 'boolean', default: false },
    'startup-runs': { type: 'string', default: '3' },
  },
});

const DURATION = Number(opt.duration);
const WARMUP = Number(opt.warmup);
const ROUNDS = Math.max(1, Number(opt.rounds));
const CONNECTIONS = Number(opt.connections);
const MEMORY_REQUESTS = Number(opt['memory-requests']);
const PGLITE = opt.pglite;
const FACTOR = Number(opt.factor ?? (PGLITE ? 1 : 10));
const POOL_MAX = PGLITE ? 1 : 10;

const TARGET = { p99Ms: 50, dashboardP99MsPglite: 200, listRatio: 0.6, rssMb: 200 };

const children: Child[] = [];
const stopAll = () => Promise.all(children.map((c) => c.stop()));
process.on('SIGINT', () => void stopAll().finally(() => process.exit(130)));

function routes(p: RouteParams): RouteDef[] {
  const q = (o: unknown) => encodeURIComponent(JSON.stringify(o));
  const all: RouteDef[] = [
    {
      name: 'measures list (filter+sort)',
      path: `/api/measures?filter=${q({ status: 'implementation' })}&sort=${q(['title', 'ASC'])}&range=${q([0, 24])}`,
      kind: 'list',
    },
    {
      name: 'contacts full-text search',
      path: `/api/contacts?filter=${q({ q: p.q })}&sort=${q(['contact_on', 'DESC'])}&range=${q([0, 24])}`,
      kind: 'list',
    },
    {
      name: 'measures getMany (25 ids)',
      path: `/api/measures?filter=${q({ id: p.measureIds })}`,
      kind: 'list',
    },
    { name: 'dashboard', path: '/api/dashboard', kind: 'report', optional: true },
    {
      name: 'funding report (phase B, 2025)',
      path: `/api/reports/funding?grant_id=${p.grantB ?? 0}&fiscal_year=2025`,
      kind: 'report',
      optional: true,
    },
  ];
  return opt.only ? all.filter((r) => r.name.includes(opt.only!)) : all;
}

interface Sample {
  latencies: number[];
  seconds: number;
  non2xx: number;
  errors: number;
  /** CPU ms the server process used during the run (less sensitive to a busy machine than latency) */
  cpuMs?: number;
}

function load(
  base: string,
  cookie: string,
  target: {
    path?: string;
    amount?: number;
    seconds?: number;
    requests?: { method: 'GET'; path: string }[];
    pid?: number;
  },
) {
  const cpuBefore = cpuMs(target.pid);
  return new Promise<Sample>((resolve, reject) => {
    const latencies: number[] = [];
    let non2xx = 0;
    const inst = autocannon(
      {
        url: base + (target.path ?? ''),
        connections: CONNECTIONS,
        headers: { cookie, accept: 'application/json' },
        timeout: 10,
        ...(target.amount ? { amount: target.amount } : { duration: target.seconds }),
        ...(target.requests ? { requests: target.requests } : {}),
      },
      (err, result) => {
        if (err) reject(err);
        else {
          const cpuAfter = cpuMs(target.pid);
          const cpu = cpuBefore !== undefined && cpuAfter !== undefined ? cpuAfter - cpuBefore : undefined;
          resolve({ latencies, seconds: result.duration, non2xx, errors: result.errors, cpuMs: cpu });
        }
      },
    );
    inst.on('response', (_client, status: number, _bytes: number, ms: number) => {
      latencies.push(ms);
      if (status < 200 || status > 299) non2xx++;
    });
  });
}

function summarise(samples: Sample[]) {
  const latencies = samples.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const seconds = samples.reduce((s, x) => s + x.seconds, 0);
  const cpu = samples.every((x) => x.cpuMs !== undefined)
    ? samples.reduce((s, x) => s + x.cpuMs!, 0)
    : undefined;
  return {
    rps: Math.round(latencies.length / seconds),
    p50_ms: round1(percentile(latencies, 50)),
    p99_ms: round1(percentile(latencies, 99)),
    max_ms: round1(latencies[latencies.length - 1] ?? NaN),
    requests: latencies.length,
    non2xx: samples.reduce((s, x) => s + x.non2xx, 0),
    errors: samples.reduce((s, x) => s + x.errors, 0),
    cpu_ms_per_req: cpu !== undefined ? Math.round((cpu / latencies.length) * 100) / 100 : undefined,
  };
}

/** The API in its own process; BENCH_CAPTURE_SQL makes it log every statement for the floor. */
async function startApi(
  db: { url?: string; dataDir?: string },
  captureFile?: string,
): Promise<{ child: Child; base: string }> {
  const port = await freePort();
  const child = startTs(
    'scripts/start.ts',
    {
      PORT: String(port),
      NODE_ENV: 'production',
      DATABASE_URL: db.url ?? '',
      DATA_DIR: db.dataDir ?? '',
      DB_POOL_MAX: String(POOL_MAX),
      BENCH_CAPTURE_SQL: captureFile ?? '',
    },
    'ignore',
    [],
    startNodeOptions(),
  );
  children.push(child);
  const base = `http://127.0.0.1:${port}`;
  await waitFor200(`${base}/api/health`, child);
  return { child, base };
}

/** One request per route against a capturing API: its statements, body and Content-Range. */
async function capture(
  db: { url?: string; dataDir?: string },
  cookie: string,
  defs: RouteDef[],
): Promise<{ captured: CapturedRoute[]; skipped: { name: string; reason: string }[] }> {
  const file = path.join(os.tmpdir(), `myk10-bench-sql-${process.pid}.jsonl`);
  fs.writeFileSync(file, '');
  const { child, base } = await startApi(db, file);
  const captured: CapturedRoute[] = [];
  const skipped: { name: string; reason: string }[] = [];
  const lines = () => fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
  try {
    for (const def of defs) {
      const before = lines().length;
      const res = await fetch(base + def.path, { headers: { cookie, accept: 'application/json' } });
      const text = await res.text();
      if (res.status !== 200) {
        const reason = `answers ${res.status}${def.optional && res.status === 404 ? ' (not built yet)' : ''}: ${text.slice(0, 200)}`;
        if (!def.optional) throw new Error(`${def.name}: ${reason}`);
        skipped.push({ name: def.name, reason });
        continue;
      }
      const statements = lines()
        .slice(before)
        .map((l) => JSON.parse(l) as Statement);
      captured.push({ ...def, statements, apiBody: text, contentRange: res.headers.get('content-range') });
    }
  } finally {
    await child.stop();
    fs.rmSync(file, { force: true });
  }
  return { captured, skipped };
}

async function startFloor(spec: Omit<FloorSpec, 'port'>): Promise<{ child: Child; base: string }> {
  const port = await freePort();
  const specFile = path.join(os.tmpdir(), `myk10-bench-floor-${process.pid}.json`);
  fs.writeFileSync(specFile, JSON.stringify({ ...spec, port }));
  const child = startTs('bench/floor.ts', {}, 'pipe', [specFile]);
  children.push(child);
  // The floor reads its spec once at start; the file goes with the process.
  child.proc.once('exit', () => fs.rmSync(specFile, { force: true }));
  return { child, base: `http://127.0.0.1:${port}` };
}

/** Compiles dist/server from the current sources, then times both ways of starting the server. */
async function startupStep(): Promise<StartupResult> {
  const build = spawnSync(process.execPath, ['scripts/buildServer.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('dist/server konnte nicht übersetzt werden');
  // On the run's database: a fresh embedded one with the demo data (--pglite, or no DATABASE_URL), else DATABASE_URL.
  const saved = process.env.DATABASE_URL;
  if (PGLITE) delete process.env.DATABASE_URL;
  try {
    return await startupBench(Number(opt['startup-runs']));
  } finally {
    if (saved !== undefined) process.env.DATABASE_URL = saved;
  }
}

/** Merges sections into bench/results/latest.json, formatted as the repository's Prettier would (npm run lint). */
async function saveResult(sections: Record<string, unknown>): Promise<void> {
  const file = path.join(RESULTS_DIR, 'latest.json');
  const previous = fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>)
    : {};
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const prettier = await import('prettier');
  const style = (await prettier.resolveConfig(file)) ?? {};
  const merged = { ...previous, ...sections };
  fs.writeFileSync(file, await prettier.format(JSON.stringify(merged), { ...style, filepath: file }));
}

/** The start-up figures per database kind, beside those of the other kind from an earlier run. */
function startupSection(startup: StartupResult): Record<string, unknown> {
  const file = path.join(RESULTS_DIR, 'latest.json');
  const previous = fs.existsSync(file)
    ? ((JSON.parse(fs.readFileSync(file, 'utf8')) as { startup?: Record<string, unknown> }).startup ?? {})
    : {};
  const kind = process.env.DATABASE_URL && !PGLITE ? 'postgres' : 'pglite';
  // An entry of the older single-result form is dropped.
  const kept = Object.fromEntries(
    Object.entries(previous).filter(([k]) => k === 'pglite' || k === 'postgres'),
  );
  return { ...kept, [kind]: { date: new Date().toISOString(), machine: machineInfo(), ...startup } };
}

async function startupOnly(): Promise<void> {
  const startup = await startupStep();
  console.log(startup.text);
  await saveResult({ startup: startupSection(startup) });
  console.log('\nbench/results/latest.json geschrieben (startup).');
}

async function main(): Promise<void> {
  if (opt.startup) return startupOnly();
  const url = process.env.DATABASE_URL;
  if (!PGLITE && !url) {
    console.error(
      [
        'npm run bench misst gegen PostgreSQL und braucht DATABASE_URL, z. B.',
        '  DATABASE_URL=postgres://postgres@127.0.0.1:5432/myk10_bench npm run bench',
        '(die Datenbank wird angelegt und beim ersten Lauf mit der zehnfachen Datenmenge gefüllt).',
        'Die eingebettete Datenbank (PGlite, Faktor 1): npm run bench -- --pglite',
      ].join('\n'),
    );
    process.exit(2);
  }
  const started = new Date();
  const machine = machineInfo();
  console.log(
    `Benchmark auf ${PGLITE ? 'PGlite' : 'PostgreSQL'}, Faktor ${FACTOR}; ${machine.cores} Kerne, Load ${machine.loadavg_at_start.join(' ')}`,
  );

  // 1. Data, bench user and session.
  let dataDir: string | undefined;
  let floorDir: string | undefined;
  if (PGLITE) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'myk10-bench-pglite-'));
    floorDir = `${dataDir}-floor`;
  } else await ensureDatabase(url!);
  // Seeding runs bulk statements far longer than the API's statement timeout.
  const db = createDb(PGLITE ? { dataDir } : { databaseUrl: url, statementTimeoutMs: 600_000 });
  const { counts, seeded } = await prepareData(db, FACTOR);
  const cookie = await benchSession(db);
  const params = await routeParams(db, opt.q!);
  const serverVersion = ((await db.raw('show server_version')) as { rows: { server_version: string }[] })
    .rows[0]!.server_version;
  await db.destroy();
  // The floor gets its own copy of the embedded database (one process per PGlite folder).
  if (PGLITE) fs.cpSync(dataDir!, floorDir!, { recursive: true });
  console.log(`Daten: ${JSON.stringify(counts)}; Suchwort "${params.q}" trifft ${params.qMatches} Kontakte.`);
  if (!params.qMatches) console.warn(`Warnung: "${params.q}" kommt in den Kontakten nicht vor (--q wählen).`);

  // In --pglite mode a DATABASE_URL in the environment must not leak into the API or the floor.
  const dbRef = PGLITE ? { dataDir } : { url };
  const defs = routes(params);

  // 2. Capture the API's SQL per route.
  const { captured, skipped } = await capture(dbRef, cookie, defs);
  for (const s of skipped) console.log(`Ausgelassen: ${s.name} – ${s.reason}`);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(RESULTS_DIR, 'captured.tmp'), JSON.stringify(captured, null, 1));

  // 3. EXPLAIN (PostgreSQL).
  let explain: ExplainReport | undefined;
  if (!PGLITE) {
    explain = await explainRoutes(url!, captured);
    fs.writeFileSync(path.join(RESULTS_DIR, 'explain.txt'), explain.text);
    console.log(
      explain.violations.length
        ? `EXPLAIN: ${explain.violations.join('; ')}`
        : `EXPLAIN: ${explain.text.split('\n')[0]}`,
    );
  }

  // 4. Floor and API side by side.
  const floor = await startFloor({
    databaseUrl: dbRef.url,
    dataDir: floorDir,
    poolMax: POOL_MAX,
    statementTimeoutMs: 10_000,
    routes: captured,
  });
  const notes = await new Promise<Record<string, string>>((resolve, reject) => {
    let out = '';
    floor.child.proc.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /FLOOR_READY (.*)\n/.exec(out);
      if (m) resolve(JSON.parse(m[1]!) as Record<string, string>);
    });
    floor.child.proc.once('exit', () => reject(new Error(`floor exited: ${floor.child.stderr()}`)));
  });
  const api = await startApi(dbRef);
  const sampler = new RssSampler(api.child.proc.pid);
  sampler.start(500);

  let rssAfterWarmup: number | undefined;
  const rows: (ReturnType<typeof routeResult> & { api_rss_peak_mb?: number })[] = [];
  function routeResult(route: CapturedRoute, a: Sample[], f: Sample[]) {
    const apiS = summarise(a);
    const floorS = summarise(f);
    const ratio = Math.round((apiS.rps / floorS.rps) * 100) / 100;
    const p99Limit = PGLITE && route.name === 'dashboard' ? TARGET.dashboardP99MsPglite : TARGET.p99Ms;
    return {
      name: route.name,
      path: route.path,
      kind: route.kind,
      statements: route.statements.length,
      // PostgreSQL's own time for this route's statements (median EXPLAIN ANALYZE, summed): the part no server can save.
      sql_ms: explain
        ? Math.round(
            explain.executionMs
              .filter((e) => e.route === route.name)
              .reduce((sum, e) => sum + e.median_ms, 0) * 100,
          ) / 100
        : undefined,
      api: apiS,
      floor: floorS,
      ratio,
      floor_body: notes[route.name],
      p99_target_ms: p99Limit,
      p99_ok: apiS.p99_ms < p99Limit && apiS.non2xx === 0,
      ratio_ok: route.kind !== 'list' || ratio >= TARGET.listRatio,
    };
  }
  for (const route of captured) {
    process.stdout.write(`${route.name} …`);
    const phaseStart = Date.now();
    await load(api.base, cookie, { path: route.path, seconds: WARMUP });
    rssAfterWarmup ??= sampler.now();
    await load(floor.base, cookie, { path: route.path, seconds: WARMUP });
    const a: Sample[] = [];
    const f: Sample[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      // A B B A …: a drift in the machine's load hits both sides alike.
      const order = r % 2 === 0 ? (['api', 'floor'] as const) : (['floor', 'api'] as const);
      for (const side of order) {
        const s = await load(side === 'api' ? api.base : floor.base, cookie, {
          path: route.path,
          seconds: DURATION / ROUNDS,
          pid: (side === 'api' ? api : floor).child.proc.pid,
        });
        (side === 'api' ? a : f).push(s);
      }
    }
    rows.push({ ...routeResult(route, a, f), api_rss_peak_mb: sampler.peak(phaseStart) });
    process.stdout.write(' ok\n');
  }

  // 5. Memory: RSS before and after MEMORY_REQUESTS mixed requests.
  const rssBefore = sampler.now();
  const mixedStart = Date.now();
  const mixed = await load(api.base, cookie, {
    amount: MEMORY_REQUESTS,
    requests: captured.map((r) => ({ method: 'GET' as const, path: r.path })),
  });
  const rssAfter = sampler.now();
  sampler.stop();
  await stopAll();
  if (floorDir) fs.rmSync(floorDir, { recursive: true, force: true });
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });

  const growth = rssBefore !== undefined && rssAfter !== undefined ? round1(rssAfter - rssBefore) : undefined;
  const peak = sampler.peak();
  const memory = {
    rss_after_warmup_mb: rssAfterWarmup,
    rss_before_mixed_mb: rssBefore,
    rss_after_mixed_mb: rssAfter,
    mixed_requests: mixed.latencies.length,
    mixed_non2xx: mixed.non2xx,
    growth_mb: growth,
    peak_mb: peak,
    peak_in_mixed_mb: sampler.peak(mixedStart),
    target_mb: TARGET.rssMb,
    ok: peak !== undefined && peak < TARGET.rssMb && (growth ?? 0) <= Math.max(10, 0.1 * (rssBefore ?? 0)),
  };
  const weight = adminWeight();

  // 6. Report.
  console.log(
    `\n${table(
      [
        'route',
        'SQL ms',
        'API req/s',
        'p50 ms',
        'p99 ms',
        'cpu ms/req',
        'floor req/s',
        'p50 ms',
        'p99 ms',
        'cpu ms/req',
        'API/floor',
        'targets',
      ],
      rows.map((r) => [
        r.name,
        r.sql_ms ?? '-',
        r.api.rps,
        r.api.p50_ms,
        r.api.p99_ms,
        r.api.cpu_ms_per_req ?? '-',
        r.floor.rps,
        r.floor.p50_ms,
        r.floor.p99_ms,
        r.floor.cpu_ms_per_req ?? '-',
        r.ratio.toFixed(2),
        r.p99_ok && r.ratio_ok
          ? 'ok'
          : `MISS${r.p99_ok ? '' : ` p99≥${r.p99_target_ms}`}${r.ratio_ok ? '' : ` ratio<${TARGET.listRatio}`}`,
      ]),
    )}`,
  );
  console.log(
    `\nRSS der API: ${memory.rss_after_warmup_mb} MB nach dem Aufwärmen, ${memory.rss_before_mixed_mb} → ${memory.rss_after_mixed_mb} MB über ${memory.mixed_requests} gemischte Anfragen (Spitze ${memory.peak_mb} MB, je Route: ${rows.map((r) => `${r.name.split(' ')[0]} ${r.api_rss_peak_mb}`).join(', ')}; Ziel < ${TARGET.rssMb} MB): ${memory.ok ? 'ok' : 'MISS'}`,
  );
  console.log(
    weight
      ? `Admin, initiales JS: ${weight.js_gzip_kb} KB gzip (Ziel ≤ ${weight.target_kb} KB): ${weight.ok ? 'ok' : 'MISS'}`
      : 'Admin-Gewicht: dist/admin fehlt (npm run build).',
  );
  for (const s of skipped) console.log(`Nicht gemessen: ${s.name} (${s.reason.slice(0, 80)})`);
  for (const r of rows)
    if (r.floor_body && !r.floor_body.startsWith('same JSON'))
      console.log(`Floor ${r.name}: ${r.floor_body}`);
  const finished = { ...machine, loadavg_at_end: os.loadavg().map(round1) };
  console.log(
    `Load-Durchschnitt: Beginn ${machine.loadavg_at_start.join(' ')}, Ende ${finished.loadavg_at_end.join(' ')} (geteilte Maschine: Zahlen schwanken).`,
  );

  const result = {
    date: started.toISOString(),
    machine: finished,
    database: PGLITE ? `PGlite (PostgreSQL ${serverVersion})` : `PostgreSQL ${serverVersion}`,
    factor: FACTOR,
    data: { ...counts, seeded_in_this_run: seeded },
    settings: {
      connections: CONNECTIONS,
      duration_s: DURATION,
      warmup_s: WARMUP,
      rounds: ROUNDS,
      pool_max: POOL_MAX,
    },
    routes: rows,
    skipped,
    memory,
    explain: explain ? { statements: explain.statements, violations: explain.violations } : undefined,
  };
  const startup = await startupStep();
  console.log(`\n${startup.text}`);
  await saveResult({
    [PGLITE ? 'pglite' : 'postgres']: result,
    ...(weight ? { admin_weight: weight } : {}),
    startup: startupSection(startup),
  });
  console.log(`\nbench/results/latest.json geschrieben${explain ? ', bench/results/explain.txt' : ''}.`);
}

main().catch(async (err: unknown) => {
  console.error('Benchmark abgebrochen:', err instanceof Error ? err.message : err);
  await stopAll();
  process.exit(1);
});
