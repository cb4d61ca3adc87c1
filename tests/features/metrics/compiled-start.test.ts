import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import supertest from 'supertest';
import { onPostgres, testDb, type TestDb } from '../../support/db';

/**
 * `npm start` runs the compiled server (dist/server, tsconfig.build.json) with plain node: it migrates with the
 * compiled .js migrations, loads the demo data, and serves the API, sign-in and /metrics.
 */
jest.setTimeout(300_000);

const root = path.resolve(__dirname, '../../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'myk10-compiled-'));
let server: ChildProcess;
let database: TestDb | undefined;
let base: string;
let output = '';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  const build = spawnSync(process.execPath, ['scripts/build.mjs', 'server', '--if-stale'], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(build.status).toBe(0);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), NODE_OPTIONS: '', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  if (onPostgres) {
    database = await testDb();
    env.DATABASE_URL = database.url;
  } else env.DATA_DIR = path.join(dataDir, 'data');
  env.BACKUP_DIR = path.join(dataDir, 'backups');
  server = spawn(process.execPath, ['dist/server/scripts/start.js'], { cwd: root, env });
  await new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d.toString();
      if (output.includes('läuft auf')) resolve();
    };
    server.stdout!.on('data', onData);
    server.stderr!.on('data', onData);
    server.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
});

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
  await database?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the compiled server (npm start)', () => {
  it('runs without a TypeScript loader', () => {
    const cmdline = fs.readFileSync(`/proc/${server.pid}/cmdline`, 'utf8');
    expect(cmdline).toContain('dist/server/scripts/start.js');
    expect(cmdline).not.toContain('tsx');
  });

  it('answers GET /api/health', async () => {
    const res = await supertest(base).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: 'ok' });
  });

  it('signs in a demo user and serves a list', async () => {
    const agent = supertest.agent(base);
    const login = await agent
      .post('/api/auth/login')
      .send({ email: 'cdo@myk10.example', password: 'myk10-demo-2026' });
    expect(login.status).toBe(200);
    const list = await agent.get('/api/measures');
    expect(list.status).toBe(200);
    expect(list.body.length).toBeGreaterThan(0);
  });

  it('serves /metrics to a loopback caller', async () => {
    const res = await supertest(base).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.text).toContain('myk10_http_requests_total');
  });
});
