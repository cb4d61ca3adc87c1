import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, ROOT, RssSampler, round1, sleep, startNodeOptions, table, type Child } from './lib';

/**
 * Start-up time and memory of `npm start` before (TypeScript through the tsx loader) and after (compiled
 * JavaScript from dist/server), on the same embedded database with the demo data (or DATABASE_URL):
 * time from spawn to the first 200 of /api/health, RSS when idle 3 s later, peak RSS over 300 requests.
 * A step of `npm run bench`; alone: `npm run bench -- --startup [--startup-runs N]` (builds dist/server first).
 */
const VARIANTS = {
  'tsx (before)': [...startNodeOptions(), '--import', 'tsx', 'scripts/start.ts'],
  'compiled (after)': [...startNodeOptions(), 'dist/server/scripts/start.js'],
};

function start(args: string[], env: NodeJS.ProcessEnv): Child {
  const proc = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'ignore' });
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  return {
    proc,
    stderr: () => '',
    stop: async () => {
      if (proc.exitCode === null) proc.kill('SIGTERM');
      await exited;
    },
  };
}

async function until200(url: string): Promise<void> {
  for (;;) {
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not yet listening
    }
    await sleep(20);
  }
}

async function load(base: string): Promise<void> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'cdo@myk10.example', password: 'myk10-demo-2026' }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const paths = ['/api/measures', '/api/contacts', '/api/dashboard', '/api/tranches', '/api/milestones'];
  for (let i = 0; i < 300; i++)
    await (await fetch(`${base}${paths[i % paths.length]}`, { headers: { cookie } })).text();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export interface StartupRow {
  variant: string;
  start_ms: number;
  idle_rss_mb: number;
  peak_rss_mb: number;
}

export interface StartupResult {
  database: string;
  runs: number;
  rows: StartupRow[];
  text: string;
}

export async function startupBench(RUNS = 3): Promise<StartupResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'myk10-startup-'));
  const env: NodeJS.ProcessEnv = {
    DATA_DIR: path.join(dataDir, 'data'),
    BACKUP_NIGHTLY: 'false',
    LOG_LEVEL: 'warn',
  };
  // Migrate and load the demo data once, so every measured start finds a ready database.
  const port0 = await freePort();
  const prep = start(VARIANTS['compiled (after)'], { ...env, PORT: String(port0) });
  await until200(`http://127.0.0.1:${port0}/api/health`);
  await prep.stop();

  const rows: StartupRow[] = [];
  for (const [name, args] of Object.entries(VARIANTS)) {
    const startMs: number[] = [];
    const idle: number[] = [];
    const peak: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const port = await freePort();
      const began = performance.now();
      const child = start(args, { ...env, PORT: String(port) });
      await until200(`http://127.0.0.1:${port}/api/health`);
      startMs.push(performance.now() - began);
      const sampler = new RssSampler(child.proc.pid);
      await sleep(3000);
      idle.push(sampler.now() ?? NaN);
      sampler.start(50);
      await load(`http://127.0.0.1:${port}`);
      sampler.stop();
      peak.push(sampler.peak() ?? NaN);
      await child.stop();
    }
    rows.push({
      variant: name,
      start_ms: Math.round(median(startMs)),
      idle_rss_mb: round1(median(idle)),
      peak_rss_mb: round1(median(peak)),
    });
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  const database = process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded database';
  const text = `npm start, ${database} with demo data, median of ${RUNS} runs\n\n${table(
    ['variant', 'start to first 200 (ms)', 'idle RSS (MB)', 'peak RSS, 300 requests (MB)'],
    rows.map((r) => [r.variant, r.start_ms, r.idle_rss_mb, r.peak_rss_mb]),
  )}`;
  return { database, runs: RUNS, rows, text };
}
