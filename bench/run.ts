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
  percentile,
  RESULTS_DIR,
  round1,
  ROOT,
  RssSampler,
  startNodeOptions,
  startNode,
  table,
  waitFor200,
  type CapturedRoute,
  type Child,
  type Statement,
} from './lib';
import { cellName, listCells, reportCells, type BenchRole, type Cell } from './matrix';
import { benchSession, ensureDatabase, prepareData } from './prepare';
import { startupBench, type StartupResult } from './startup';

/**
 * `npm run bench`: a matrix of cells (bench/matrix.ts: every list route × filters × search words × roles × two
 * sorts, plus every report route), each loaded with autocannon for a few seconds against the API (a child process,
 * NODE_ENV=production, the compiled server with npm start's Node options). The simple lists and the searches are
 * also measured against the FLOOR (bench/floor.ts: bare node:http + one pool replaying the API's own captured SQL),
 * alternating API and floor so drift on the machine hits both. Then RSS over mixed requests, EXPLAIN of the floor cells' statements, admin JS weight.
 * PostgreSQL (DATABASE_URL) at factor 10 by default; `--pglite` runs the embedded database at factor 1.
 * Last step: start-up time and idle/peak RSS of `npm start`, tsx loader (before) against compiled (after) on the
 * same database; `--startup` runs only that step (a few minutes; without DATABASE_URL on a fresh embedded one).
 */

const { values: opt } = parseArgs({
  options: {
    pglite: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    duration: { type: 'string', default: '2' },
    warmup: { type: 'string', default: '0.5' },
    rounds: { type: 'string', default: '2' },
    connections: { type: 'string', default: '10' },
    factor: { type: 'string' },
    'memory-requests': { type: 'string', default: '10000' },
    only: { type: 'string' },
    startup: { type: 'boolean', default: false },
    import: { type: 'boolean', default: false },
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
/** Before the first cell: each role's cells in turn, every cell this often and at least WARMUP_REQUESTS in all. */
const WARMUP_PASSES = 20;
const WARMUP_REQUESTS = 3000;

const TARGET = { p99Ms: PGLITE ? 100 : 50, listRatio: 0.75, rssMb: PGLITE ? 300 : 200 };

const children: Child[] = [];
const stopAll = () => Promise.all(children.map((c) => c.stop()));
process.on('SIGINT', () => void stopAll().finally(() => process.exit(130)));

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
  target: {
    cookie: string;
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
        // As browsers and calendar programs send it: the calendar feed is served gzipped to such clients.
        headers: {
          cookie: target.cookie,
          accept: 'application/json',
          'accept-encoding': 'gzip, deflate, br',
        },
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

/**
 * The API in its own process, as `npm start` runs it: the compiled server (scripts/build.mjs) with npm start's
 * Node options. BENCH_CAPTURE_SQL makes it log every statement for the floor.
 */
async function startApi(
  db: { url?: string; dataDir?: string },
  captureFile?: string,
): Promise<{ child: Child; base: string }> {
  const port = await freePort();
  const child = startNode(
    'dist/server/scripts/start.js',
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

interface CapturedCell extends CapturedRoute {
  cell: Cell;
}

/** Requests for autocannon that go through the cells' routes in turn. */
const asRequests = (cells: CapturedCell[]) => cells.map((c) => ({ method: 'GET' as const, path: c.path }));

/** One request per cell against a capturing API: its statements, body and Content-Range. */
async function capture(
  db: { url?: string; dataDir?: string },
  cookies: Record<BenchRole, string>,
  cells: Cell[],
): Promise<{ captured: CapturedCell[]; skipped: { name: string; reason: string }[] }> {
  const file = path.join(os.tmpdir(), `myk10-bench-sql-${process.pid}.jsonl`);
  fs.writeFileSync(file, '');
  const { child, base } = await startApi(db, file);
  const captured: CapturedCell[] = [];
  const skipped: { name: string; reason: string }[] = [];
  const lines = () => fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
  try {
    for (const cell of cells) {
      const before = lines().length;
      const res = await fetch(base + cell.path, {
        headers: { cookie: cookies[cell.role], accept: 'application/json' },
      });
      const text = await res.text();
      if (res.status !== 200) {
        skipped.push({ name: cellName(cell), reason: `answers ${res.status}: ${text.slice(0, 160)}` });
        continue;
      }
      const statements = lines()
        .slice(before)
        .map((l) => JSON.parse(l) as Statement);
      captured.push({
        cell,
        name: cellName(cell),
        path: cell.path,
        kind: cell.kind,
        statements,
        apiBody: text,
        contentRange: res.headers.get('content-range'),
      });
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
  const child = startNode('bench/floor.ts', {}, 'pipe', [specFile]);
  children.push(child);
  // The floor reads its spec once at start; the file goes with the process.
  child.proc.once('exit', () => fs.rmSync(specFile, { force: true }));
  return { child, base: `http://127.0.0.1:${port}` };
}

/** The class of a cell, for the summary: what kind of request it is, whatever the resource. */
function cellClass(c: Cell): string {
  if (c.kind === 'report') return 'report';
  if (c.variant.startsWith('q ')) return c.variant.split(' (')[0]!;
  return c.variant === 'no filter' ? 'no filter' : 'filter';
}

/** Compiles dist/server from the current sources: the API the benchmark measures and npm start runs. */
function buildServer(): void {
  const build = spawnSync(process.execPath, ['scripts/build.mjs', 'server'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('dist/server konnte nicht übersetzt werden');
}

/** Times both ways of starting the server (main() has built dist/server). */
async function startupStep(): Promise<StartupResult> {
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

/**
 * `--import`: the table import of a generated 10,000-row expenditures xlsx (tests/features/imports/speed.test.ts:
 * dry run, apply, unchanged re-run), on PGlite and, with DATABASE_URL, on PostgreSQL; prints the seconds.
 */
function importOnly(): void {
  const url = process.env.DATABASE_URL;
  console.log(
    `Tabellen-Import, Load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  for (const database of url && !PGLITE ? [undefined, url] : [undefined]) {
    const env = { ...process.env, DATABASE_URL: database, IMPORT_ROWS: '10000' };
    if (!database) delete env.DATABASE_URL;
    const args = ['jest', 'tests/features/imports/speed.test.ts', '--selectProjects', 'api', '-w', '1'];
    const run = spawnSync('npx', args, { cwd: ROOT, env, encoding: 'utf8' });
    const line = `${run.stdout}${run.stderr}`.split('\n').find((l) => l.includes('IMPORT '));
    // Dry run and apply each under 15 s (issue #14).
    const seconds = [...(line ?? '').matchAll(/(dry run|apply) ([\d.]+) s/g)].map((m) => Number(m[2]));
    const over = seconds.some((x) => x >= 15);
    console.log(
      line
        ? `${line.trim()}${over ? '  ← über 15 s' : ''}`
        : `${database ? 'PostgreSQL' : 'PGlite'}: kein Ergebnis (Exit ${run.status})`,
    );
    if (run.status !== 0 || over) process.exitCode = 1;
  }
}

async function main(): Promise<void> {
  if (opt.import) return importOnly();
  buildServer();
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

  // 1. Data, bench users (cdo, guide) and sessions, the cells.
  let dataDir: string | undefined;
  let floorDir: string | undefined;
  if (PGLITE) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'myk10-bench-pglite-'));
    floorDir = `${dataDir}-floor`;
  } else await ensureDatabase(url!);
  // Seeding runs bulk statements far longer than the API's statement timeout; a new embedded database takes
  // longer than the API's 5 s to start on a busy machine.
  const db = createDb(
    PGLITE ? { dataDir, acquireTimeoutMs: 120_000 } : { databaseUrl: url, statementTimeoutMs: 600_000 },
  );
  const { counts, seeded } = await prepareData(db, FACTOR);
  const guideMunicipalities = (await db('municipalities').orderBy('id').limit(3).pluck('id')) as number[];
  const cookies: Record<BenchRole, string> = {
    cdo: await benchSession(db, 'cdo'),
    guide: await benchSession(db, 'guide', guideMunicipalities),
  };
  const allCells = [
    ...(await listCells(db, { quick: opt.quick!, guideMunicipalities })),
    ...(await reportCells(db)),
  ];
  const cells = opt.only ? allCells.filter((c) => cellName(c).includes(opt.only!)) : allCells;
  const serverVersion = ((await db.raw('show server_version')) as { rows: { server_version: string }[] })
    .rows[0]!.server_version;
  await db.destroy();
  // The floor gets its own copy of the embedded database (one process per PGlite folder).
  if (PGLITE) fs.cpSync(dataDir!, floorDir!, { recursive: true });
  console.log(`Daten: ${JSON.stringify(counts)}; ${cells.length} Zellen.`);

  // In --pglite mode a DATABASE_URL in the environment must not leak into the API or the floor.
  const dbRef = PGLITE ? { dataDir } : { url };

  // 2. Capture the API's SQL per cell.
  const { captured, skipped } = await capture(dbRef, cookies, cells);
  for (const s of skipped) console.log(`Ausgelassen: ${s.name} – ${s.reason}`);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const floorCells = captured.filter((c) => c.cell.floor);
  fs.writeFileSync(path.join(RESULTS_DIR, 'captured.tmp'), JSON.stringify(floorCells, null, 1));

  // 3. EXPLAIN (PostgreSQL) of the floor cells' statements.
  let explain: ExplainReport | undefined;
  if (!PGLITE && floorCells.length) {
    explain = await explainRoutes(url!, floorCells, 3);
    fs.writeFileSync(path.join(RESULTS_DIR, 'explain.txt'), explain.text);
    console.log(
      explain.violations.length
        ? `EXPLAIN: ${explain.violations.join('; ')}`
        : `EXPLAIN: ${explain.text.split('\n')[0]}`,
    );
  }

  // 4. Floor and API.
  let floor: { child: Child; base: string } | undefined;
  let notes: Record<string, string> = {};
  if (floorCells.length) {
    floor = await startFloor({
      databaseUrl: dbRef.url,
      dataDir: floorDir,
      poolMax: POOL_MAX,
      statementTimeoutMs: 10_000,
      routes: floorCells,
    });
    const f = floor;
    notes = await new Promise<Record<string, string>>((resolve, reject) => {
      let out = '';
      f.child.proc.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /FLOOR_READY (.*)\n/.exec(out);
        if (m) resolve(JSON.parse(m[1]!) as Record<string, string>);
      });
      f.child.proc.once('exit', () => reject(new Error(`floor exited: ${f.child.stderr()}`)));
    });
  }
  const api = await startApi(dbRef);
  const sampler = new RssSampler(api.child.proc.pid);
  sampler.start(250);
  // A new process runs cold (interpreted, then compiled as code gets hot): the first cells of a run measured that,
  // not the route. Both processes first answer every cell of each role a few times, as a running server has.
  const warm = async (base: string, role: BenchRole, cells: CapturedCell[]) => {
    if (cells.length)
      await load(base, {
        cookie: cookies[role],
        amount: Math.max(WARMUP_REQUESTS, WARMUP_PASSES * cells.length),
        requests: asRequests(cells),
      });
  };
  for (const role of ['cdo', 'guide'] as const) {
    const own = captured.filter((c) => c.cell.role === role);
    await warm(api.base, role, own);
    if (floor)
      await warm(
        floor.base,
        role,
        own.filter((c) => c.cell.floor),
      );
  }

  const head = [
    'cell',
    'total',
    'req/s',
    'p50 ms',
    'p99 ms',
    'cpu ms/req',
    'floor req/s',
    'floor p99',
    'API/floor',
    'target',
  ];
  console.log(`\n${table(head, [])}`);
  const results: ReturnType<typeof cellResult>[] = [];
  function cellResult(c: CapturedCell, a: Sample[], f: Sample[]) {
    const apiS = summarise(a);
    const floorS = f.length ? summarise(f) : undefined;
    const ratio = floorS ? Math.round((apiS.rps / floorS.rps) * 100) / 100 : undefined;
    const p99Ok = apiS.p99_ms < TARGET.p99Ms && apiS.non2xx === 0 && apiS.errors === 0;
    const ratioOk = ratio === undefined || ratio >= TARGET.listRatio;
    return {
      name: c.name,
      class: cellClass(c.cell),
      group: c.cell.group,
      role: c.cell.role,
      path: c.path,
      total: c.contentRange?.split('/').pop() ?? null,
      statements: c.statements.length,
      sql_ms: explain
        ? Math.round(
            explain.executionMs.filter((e) => e.route === c.name).reduce((sum, e) => sum + e.median_ms, 0) *
              100,
          ) / 100
        : undefined,
      api: apiS,
      floor: floorS,
      ratio,
      floor_body: notes[c.name],
      p99_ok: p99Ok,
      ratio_ok: ratioOk,
    };
  }
  for (const c of captured) {
    const measure = (base: string, pid: number | undefined, seconds: number) =>
      load(base, { cookie: cookies[c.cell.role], path: c.path, seconds, pid });
    // Reports computed once per data state: the first request computes (under load that can outlast a short
    // cell), the cell measures what follows. The first computation itself is in the README.
    await fetch(api.base + c.path, { headers: { cookie: cookies[c.cell.role] } }).then((r) =>
      r.arrayBuffer(),
    );
    await measure(api.base, undefined, WARMUP);
    const a: Sample[] = [];
    const f: Sample[] = [];
    if (c.cell.floor && floor) {
      await measure(floor.base, undefined, WARMUP);
      for (let r = 0; r < ROUNDS; r++) {
        // A B B A …: a drift in the machine's load hits both sides alike.
        const order = r % 2 === 0 ? (['api', 'floor'] as const) : (['floor', 'api'] as const);
        for (const side of order) {
          const target = side === 'api' ? api : floor;
          (side === 'api' ? a : f).push(await measure(target.base, target.child.proc.pid, DURATION / ROUNDS));
        }
      }
    } else a.push(await measure(api.base, api.child.proc.pid, DURATION));
    const r = cellResult(c, a, f);
    results.push(r);
    console.log(
      table(head, [
        [
          r.name,
          r.total ?? '-',
          r.api.rps,
          r.api.p50_ms,
          r.api.p99_ms,
          r.api.cpu_ms_per_req ?? '-',
          r.floor?.rps ?? '',
          r.floor?.p99_ms ?? '',
          r.ratio?.toFixed(2) ?? '',
          r.p99_ok && r.ratio_ok
            ? 'ok'
            : `MISS${r.p99_ok ? '' : ` p99≥${TARGET.p99Ms}`}${r.ratio_ok ? '' : ` ratio<${TARGET.listRatio}`}${r.api.non2xx ? ` ${r.api.non2xx}×non-2xx` : ''}`,
        ],
      ])
        .split('\n')
        .pop(),
    );
  }

  // 5. Memory: RSS before and after mixed requests over every cell (cdo's).
  const rssBefore = sampler.now();
  const mixedStart = Date.now();
  const mixed = await load(api.base, {
    cookie: cookies.cdo,
    amount: MEMORY_REQUESTS,
    requests: asRequests(captured.filter((c) => c.cell.role === 'cdo')),
  });
  const rssAfter = sampler.now();
  sampler.stop();
  await stopAll();
  if (floorDir) fs.rmSync(floorDir, { recursive: true, force: true });
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });

  const growth = rssBefore !== undefined && rssAfter !== undefined ? round1(rssAfter - rssBefore) : undefined;
  const peak = sampler.peak();
  const memory = {
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

  // 6. Summary per class of cell.
  const classes = [...new Set(results.map((r) => r.class))];
  console.log(
    `\n${table(
      ['class', 'cells', 'p99 median', 'p99 max', 'req/s min', 'API/floor min', 'over target'],
      classes.map((k) => {
        const rs = results.filter((r) => r.class === k);
        const p99s = rs.map((r) => r.api.p99_ms).sort((x, y) => x - y);
        const ratios = rs.flatMap((r) => (r.ratio === undefined ? [] : [r.ratio]));
        return [
          k,
          rs.length,
          percentile(p99s, 50),
          p99s[p99s.length - 1]!,
          Math.min(...rs.map((r) => r.api.rps)),
          ratios.length ? Math.min(...ratios).toFixed(2) : '-',
          rs.filter((r) => !r.p99_ok || !r.ratio_ok).length,
        ];
      }),
    )}`,
  );
  const misses = results.filter((r) => !r.p99_ok || !r.ratio_ok);
  console.log(
    misses.length
      ? `\nÜber dem Ziel (p99 < ${TARGET.p99Ms} ms, Listen ≥ ${TARGET.listRatio} × Floor): ${misses.length} von ${results.length} Zellen:\n${misses.map((r) => `  ${r.name}: p99 ${r.api.p99_ms} ms${r.ratio !== undefined ? `, ${r.ratio} × Floor` : ''}`).join('\n')}`
      : `\nAlle ${results.length} Zellen im Ziel (p99 < ${TARGET.p99Ms} ms, Listen ≥ ${TARGET.listRatio} × Floor).`,
  );
  console.log(
    `RSS der API: Spitze ${memory.peak_mb} MB, ${memory.rss_before_mixed_mb} → ${memory.rss_after_mixed_mb} MB über ${memory.mixed_requests} gemischte Anfragen (Ziel < ${TARGET.rssMb} MB): ${memory.ok ? 'ok' : 'MISS'}`,
  );
  console.log(
    weight
      ? `Admin, initiales JS: ${weight.js_gzip_kb} KB gzip (Ziel ≤ ${weight.target_kb} KB): ${weight.ok ? 'ok' : 'MISS'}`
      : 'Admin-Gewicht: dist/admin fehlt (npm run build).',
  );
  for (const r of results)
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
      quick: opt.quick,
      only: opt.only ?? null,
    },
    targets: TARGET,
    cells: results,
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
