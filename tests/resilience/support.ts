import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { DEMO_EMAIL, DEMO_PASSWORD } from '../support/app';

/** Helpers of the resilience tests: a TCP proxy in front of PostgreSQL, the API as a real process, timed requests. */

export const onPostgres = Boolean(process.env.DATABASE_URL);

export function skipNotice(file: string): void {
  if (!onPostgres)
    console.warn(
      `${file}: übersprungen – diese Fehlertests laufen nur auf PostgreSQL (DATABASE_URL setzen).`,
    );
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * A TCP proxy between the API and PostgreSQL that the test can take down and bring back: `down()` cuts every
 * open connection and stops listening (new connections are refused, as with a stopped server), `up()` listens
 * again on the same port. Only this test's connections go through it; the shared cluster is never touched.
 */
export class TcpProxy {
  port = 0;
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();

  constructor(private readonly target: { host: string; port: number }) {}

  async up(): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The database URL with this proxy as host. */
  url(databaseUrl: string): string {
    const u = new URL(databaseUrl);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }
}

export interface ApiProcess {
  base: string;
  proc: ChildProcess;
  alive(): boolean;
  /** what the process wrote to stderr (crash reports, unhandled errors) */
  stderr(): string;
  stop(): Promise<void>;
}

/** The real server (scripts/start.ts) in its own process, as in production (no demo seeding). */
export async function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const proc = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: path.resolve(__dirname, '../..'),
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  proc.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const api: ApiProcess = {
    base: `http://127.0.0.1:${port}`,
    proc,
    alive: () => proc.exitCode === null && proc.signalCode === null,
    stderr: () => stderr,
    stop: async () => {
      if (!api.alive()) return;
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 12_000);
      await exited;
      clearTimeout(timer);
    },
  };
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (!api.alive()) throw new Error(`API did not start: ${stderr}`);
    try {
      if ((await fetch(`${api.base}/api/health`)).status === 200) return api;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await api.stop();
  throw new Error(`API did not answer within 60 s: ${stderr}`);
}

export interface Timed {
  status: number;
  ms: number;
  body: Record<string, unknown> | undefined;
  headers: Headers;
}

/** A request with its duration; a network failure (no HTTP answer at all) is status 0. */
export async function timed(url: string, init: RequestInit = {}): Promise<Timed> {
  const t0 = performance.now();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
    const text = await res.text();
    let body: Record<string, unknown> | undefined;
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      body = undefined;
    }
    return { status: res.status, ms: performance.now() - t0, body, headers: res.headers };
  } catch {
    return { status: 0, ms: performance.now() - t0, body: undefined, headers: new Headers() };
  }
}

/** Signs in a demo user against a running server; returns the Cookie header value. */
export async function loginCookie(base: string, email = DEMO_EMAIL.cdo): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (res.status !== 200 || !cookie) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return cookie;
}

/** Polls until `probe` answers 200; returns the milliseconds it took, or throws after `withinMs`. */
export async function until200(probe: () => Promise<Timed>, withinMs: number): Promise<number> {
  const t0 = Date.now();
  for (;;) {
    const r = await probe();
    if (r.status === 200) return Date.now() - t0;
    if (Date.now() - t0 > withinMs)
      throw new Error(`still ${r.status} after ${withinMs} ms: ${JSON.stringify(r.body)}`);
    await new Promise((res) => setTimeout(res, 200));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
