import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Shared helpers of the benchmark: child processes, ports, RSS, percentiles, the table. */

export const ROOT = path.resolve(__dirname, '..');
export const RESULTS_DIR = path.join(ROOT, 'bench', 'results');

/** Tables that must never be read by a Seq Scan on the benchmark routes (DESIGN.md §7 data sizes). */
export const LARGE_TABLES = [
  'contacts',
  'expenditures',
  'milestones',
  'milestone_forecasts',
  'tranches',
  'measures',
];

export interface Statement {
  sql: string;
  bindings: unknown[];
}

export interface RouteDef {
  name: string;
  path: string;
  /** list routes are held to the throughput target against the floor; reports only to the latency target */
  kind: 'list' | 'report';
  /** being built elsewhere: left out (with a note) while it answers 404 */
  optional?: boolean;
}

export interface CapturedRoute extends RouteDef {
  statements: Statement[];
  /** the API's JSON body, as sent */
  apiBody: string;
  contentRange: string | null;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface Child {
  proc: ChildProcess;
  /** the last few KB of stderr, for error messages */
  stderr(): string;
  stop(): Promise<void>;
}

/** The Node options of `npm start` (e.g. the heap's young generation size), so the bench runs the API as users do. */
export function startNodeOptions(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const [node, ...argv] = pkg.scripts.start.split(/\s+/);
  if (node !== 'node') throw new Error(`npm start is expected to run node: ${pkg.scripts.start}`);
  return argv.filter((a) => a.startsWith('--max-'));
}

/**
 * Runs an entry point in its own Node process (no npm or tsx wrapper process, so the pid is the server's); a
 * TypeScript one through the tsx loader.
 */
export function startNode(
  script: string,
  env: NodeJS.ProcessEnv,
  stdout: 'ignore' | 'pipe' = 'ignore',
  args: string[] = [],
  nodeOptions: string[] = [],
): Child {
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const proc = spawn(process.execPath, [...nodeOptions, ...loader, script, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', stdout, 'pipe'],
  });
  let err = '';
  proc.stderr?.on('data', (chunk: Buffer) => {
    err = (err + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  return {
    proc,
    stderr: () => err,
    stop: async () => {
      if (proc.exitCode === null && proc.signalCode === null) {
        proc.kill('SIGTERM');
        const timer = setTimeout(() => proc.kill('SIGKILL'), 12_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls a URL until it answers 200 (or the child dies, or the time is up). */
export async function waitFor200(url: string, child: Child, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.proc.exitCode !== null)
      throw new Error(`process exited (${child.proc.exitCode}): ${child.stderr()}`);
    try {
      const res = await fetch(url);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms: ${child.stderr()}`);
}

/** Resident set size of a process in MB (Linux /proc), or undefined elsewhere. */
export function rssMb(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 102.4) / 10 : undefined;
  } catch {
    return undefined;
  }
}

/** CPU time (user + system) a process has used so far, in ms (Linux /proc), or undefined elsewhere. */
export function cpuMs(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    // Fields after the command name: state is field 3, utime 14 and stime 15 (clock ticks, 100 per second).
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** Samples a process's RSS every `everyMs` while running. */
export class RssSampler {
  readonly samples: { t: number; mb: number }[] = [];
  private timer?: NodeJS.Timeout;
  constructor(private readonly pid: number | undefined) {}
  start(everyMs = 500): void {
    this.timer = setInterval(() => this.now(), everyMs);
  }
  now(): number | undefined {
    const mb = rssMb(this.pid);
    if (mb !== undefined) this.samples.push({ t: Date.now(), mb });
    return mb;
  }
  stop(): void {
    clearInterval(this.timer);
  }
  /** The highest sample (since `from`, a Date.now() value). */
  peak(from = 0): number | undefined {
    const mbs = this.samples.filter((s) => s.t >= from).map((s) => s.mb);
    return mbs.length ? Math.max(...mbs) : undefined;
  }
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export const round1 = (n: number): number => Math.round(n * 10) / 10;

export function machineInfo() {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model ?? 'unknown',
    memory_gb: round1(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadavg_at_start: os.loadavg().map(round1),
  };
}

/** A plain fixed-width table for the terminal. */
export function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join(
    '\n',
  );
}
