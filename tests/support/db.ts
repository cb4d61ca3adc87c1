import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { createDb, createPglite } from '../../api/db/knex';

export const onPostgres = Boolean(process.env.DATABASE_URL);

export interface TestDb {
  db: Knex;
  /** The connection string of this file's own database (PostgreSQL only). */
  url?: string;
  close(): Promise<void>;
}

/**
 * A database of this test file's own, copied from the one globalSetup prepared: migrated and (by default) with
 * the demo data. `empty: true` gives one with no tables at all, for migration tests.
 */
export async function testDb({ seed = true, empty = false } = {}): Promise<TestDb> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const prepared = empty ? undefined : seed ? 'seeded' : 'migrated';
    const tar = prepared && fs.readFileSync(path.join(process.env.MYK10_TEST_PGLITE_DIR!, `${prepared}.tar`));
    const pglite = createPglite('memory://', tar ? new Blob([tar]) : undefined);
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
  const template = process.env.MYK10_TEST_TEMPLATE!;
  const name = `myk10_t_${template.slice(11)}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: url });
  const from = empty ? 'template0' : seed ? template : `${template}_migrated`;
  await admin.raw(`create database ${name} template ${from}`);
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
