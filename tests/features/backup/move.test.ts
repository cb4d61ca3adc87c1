import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import supertest from 'supertest';
import { createApp } from '../../../api/app';
import { loadConfig } from '../../../api/config';
import { createDb, createPglite } from '../../../api/db/knex';
import { tableChecksums, writeBackup, type TableSum } from '../../../api/features/backup/snapshot';
import { testDb } from '../../support/db';
import { emptyDb, postgresUrl, restore, type Empty } from './support';

/**
 * The README's move from the embedded database to a server and back, exactly as an operator runs it:
 * `npm run backup -- --out FILE` on DATA_DIR, `DATABASE_URL=… npm run restore -- FILE`, start against the server.
 */
jest.setTimeout(240_000);

const root = path.resolve(__dirname, '../../..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'myk10-move-'));
const embedded = path.join(work, 'data');
const embeddedBack = path.join(work, 'data-back');

function cli(args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  const clean = { ...process.env };
  delete clean.DATABASE_URL;
  delete clean.DATA_DIR;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'api/features/backup/cli.ts', ...args], {
      cwd: root,
      env: { ...clean, NODE_OPTIONS: '', ...env },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

async function embeddedChecksums(dir: string): Promise<Record<string, TableSum>> {
  const pglite = createPglite(dir);
  await pglite.waitReady; // as checkConnection does: a busy machine can outlast the pool's create timeout
  const db = createDb({ dataDir: dir }, pglite);
  try {
    return await tableChecksums(db);
  } finally {
    await db.destroy();
    if (!pglite.closed) await pglite.close();
  }
}

let server: Empty | undefined;
let embeddedSums: Record<string, TableSum>;

beforeAll(async () => {
  // An embedded installation with the demo data in a folder, as `npm start` leaves it.
  const source = await testDb();
  const seedFile = path.join(work, 'seed.jsonl.gz');
  await writeBackup(source.db, seedFile);
  await source.close();
  const pglite = createPglite(embedded);
  await pglite.waitReady;
  const db = createDb({ dataDir: embedded }, pglite);
  await restore(db, seedFile);
  await db.destroy();
  if (!pglite.closed) await pglite.close();
  embeddedSums = await embeddedChecksums(embedded);
});
afterAll(async () => {
  await server?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

const withServer = postgresUrl ? it : it.skip;

it('npm run backup writes the embedded database to a file', async () => {
  const { code, out } = await cli(['backup', '--out', path.join(work, 'move.jsonl.gz')], {
    DATA_DIR: embedded,
  });
  expect(out).toMatch(/Sicherung von eingebettete Datenbank .* geschrieben/);
  expect(code).toBe(0);
});

withServer(
  'DATABASE_URL=… npm run restore loads it into an empty PostgreSQL database: same rows, same checksums',
  async () => {
    server = await emptyDb('postgresql');
    const { code, out } = await cli(['restore', path.join(work, 'move.jsonl.gz')], {
      DATABASE_URL: server.url!,
    });
    expect(out).toMatch(/eingespielt: .* alle Prüfsummen stimmen/);
    expect(code).toBe(0);
    expect(await tableChecksums(server.db)).toEqual(embeddedSums);
  },
);

withServer('refuses to restore a second time into the now filled server, with a German message', async () => {
  const { code, out } = await cli(['restore', path.join(work, 'move.jsonl.gz')], {
    DATABASE_URL: server!.url!,
  });
  expect(code).toBe(1);
  expect(out).toMatch(/Abgebrochen: Die Zieldatenbank ist nicht leer/);
});

withServer('and back: the server restored into a new embedded folder, checksums equal', async () => {
  const back = path.join(work, 'back.jsonl.gz');
  expect((await cli(['backup', '--out', back], { DATABASE_URL: server!.url! })).code).toBe(0);
  const { code } = await cli(['restore', back], { DATA_DIR: embeddedBack });
  expect(code).toBe(0);
  expect(await embeddedChecksums(embeddedBack)).toEqual(embeddedSums);
});

withServer(
  'the cockpit then works against the server: sign-in, lists, a new record with a fresh id',
  async () => {
    const app = createApp({ db: server!.db, config: loadConfig({}), logger: pino({ level: 'silent' }) });
    const agent = supertest.agent(app);
    expect(
      (await agent.post('/api/auth/login').send({ email: 'cdo@myk10.example', password: 'myk10-demo-2026' }))
        .status,
    ).toBe(200);
    const list = await agent.get('/api/measures');
    expect(list.status).toBe(200);
    expect(list.body.length).toBeGreaterThan(0);
    const before = (await server!.db('fields_of_action').max('id as m').first()) as { m: number };
    const created = await agent.post('/api/fields_of_action').send({ name: 'Umzugstest', colour: '#123456' });
    expect(created.status).toBe(201);
    expect(created.body.id).toBe(before.m + 1);
  },
);

it('restores the embedded backup into a new embedded folder through the CLI as well', async () => {
  const dir = path.join(work, 'data-copy');
  const { code } = await cli(['restore', path.join(work, 'move.jsonl.gz')], { DATA_DIR: dir });
  expect(code).toBe(0);
  expect(await embeddedChecksums(dir)).toEqual(embeddedSums);
});
