import crypto from 'node:crypto';
import knexFactory, { type Knex } from 'knex';
import { createDb } from '../../api/db/knex';
import { migrateLatest } from '../../api/db/migrate';
import { seedDemo } from '../../seeds/demo';

export const onPostgres = Boolean(process.env.DATABASE_URL);

export interface TestDb {
  db: Knex;
  /** The connection string of this file's own database (PostgreSQL only). */
  url?: string;
  close(): Promise<void>;
}

/**
 * A database of this test file's own: migrated and (by default) with the demo data.
 * `empty: true` gives one with no tables at all, for migration tests.
 */
export async function testDb({ seed = true, empty = false } = {}): Promise<TestDb> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const db = createDb({ dataDir: 'memory://' });
    if (!empty) await migrateLatest(db);
    if (seed && !empty) await seedDemo(db);
    return { db, close: () => db.destroy() };
  }
  const template = process.env.MYK10_TEST_TEMPLATE!;
  const name = `myk10_t_${template.slice(11)}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: url });
  const from = seed && !empty ? template : 'template0';
  await admin.raw(`create database ${name} template ${from}`);
  const ownUrl = new URL(url);
  ownUrl.pathname = `/${name}`;
  const db = createDb({ databaseUrl: ownUrl.toString() });
  if (!seed && !empty) await migrateLatest(db);
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
