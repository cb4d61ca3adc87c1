import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import knexFactory, { type Knex } from 'knex';
import { createDb, createPglite } from '../../api/db/knex';
import { TEST_DB_SETTINGS } from './dbSettings';

export const onPostgres = Boolean(process.env.DATABASE_URL);

export interface TestDb {
  db: Knex;
  /** The connection string of this file's own database (PostgreSQL only). */
  url?: string;
  close(): Promise<void>;
}

interface PglitePool {
  acquire(kind: 'seeded' | 'migrated'): Promise<PGlite>;
  release(pglite: PGlite): void;
}

/** A prepared database from this jest worker's pool (tests/support/environment.cjs), returned to it on close. */
async function borrowedPglite(kind: 'seeded' | 'migrated'): Promise<TestDb> {
  const pool = (globalThis as { __MYK10_PGLITE_POOL__?: PglitePool }).__MYK10_PGLITE_POOL__;
  if (!pool) throw new Error('jest.config.js: the database projects need tests/support/environment.cjs');
  const pglite = await pool.acquire(kind);
  // knex closes its connection on destroy; the pool keeps this one open for the next file.
  const lent = new Proxy(pglite, {
    get: (target, key) => {
      if (key === 'close') return async () => undefined;
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const db = createDb({ dataDir: 'memory://' }, lent);
  return {
    db,
    close: async () => {
      await db.destroy();
      pool.release(pglite);
    },
  };
}

async function ownPglite(pglite: PGlite): Promise<TestDb> {
  await pglite.waitReady;
  const db = createDb({ dataDir: 'memory://' }, pglite);
  return {
    db,
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

/** A new cluster's data folder, made once by globalSetup: loading it spares initdb (~1.5 s of CPU each). */
function emptyDataDir(): Blob {
  return new Blob([fs.readFileSync(path.join(process.env.MYK10_TEST_PGLITE_DIR!, 'empty.tar'))]);
}

/**
 * A database of this test file's own, copied from the one globalSetup prepared: migrated and (by default) with
 * the demo data. `empty: true` gives one with no tables at all, for migration tests.
 */
export async function testDb({ seed = true, empty = false } = {}): Promise<TestDb> {
  const url = process.env.DATABASE_URL;
  if (!url)
    return empty
      ? ownPglite(createPglite('memory://', emptyDataDir(), TEST_DB_SETTINGS))
      : borrowedPglite(seed ? 'seeded' : 'migrated');
  const template = process.env.MYK10_TEST_TEMPLATE!;
  const name = `myk10_t_${template.slice(11)}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: url });
  const from = empty ? 'template0' : seed ? template : `${template}_migrated`;
  await admin.raw(`create database ${name} template ${from}`);
  for (const setting of TEST_DB_SETTINGS) await admin.raw(`alter database ${name} set ${setting}`);
  const ownUrl = new URL(url);
  ownUrl.pathname = `/${name}`;
  const db = createDb({ databaseUrl: ownUrl.toString() });
  return {
    db,
    url: ownUrl.toString(),
    close: async () => {
      await db.destroy();
      await admin.raw(`drop database if exists ${name} with (force)`);
      await admin.destroy();
    },
  };
}
