import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory from 'knex';
import { migrateLatest } from '../../api/db/migrate';
import { createDb, createPglite } from '../../api/db/knex';
import { hashPassword, setPasswordHashCostForTests } from '../../api/features/auth/passwords';
import { DEMO_PASSWORD, seedDemo } from '../../seeds/demo';
import { TEST_HASH_COST } from './hashCost';

/**
 * Migrate and seed once per run; every test file then starts from a copy (see db.ts), so files run in parallel
 * without seeing each other and a file's set-up costs a copy, not migrations, the demo data and argon2 hashes.
 * PostgreSQL: one template database, copied with CREATE DATABASE … TEMPLATE.
 * PGlite: data-directory tarballs (empty, migrated, and migrated with the demo data), loaded into a new instance.
 */
export default async function globalSetup(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (url) await preparePostgres(url);
  else await preparePglite();
}

async function preparePostgres(url: string): Promise<void> {
  const template = `myk10_tmpl_${crypto.randomBytes(4).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: url });
  const open = (name: string) => {
    const own = new URL(url);
    own.pathname = `/${name}`;
    return createDb({ databaseUrl: own.toString() });
  };
  await admin.raw(`create database ${template}_migrated`);
  const migrated = open(`${template}_migrated`);
  await migrateLatest(migrated);
  await migrated.destroy();
  await admin.raw(`create database ${template} template ${template}_migrated`);
  const seeded = open(template);
  await seedDemo(seeded);
  await cheapenDemoHashes(seeded);
  await seeded.destroy();
  await admin.destroy();
  process.env.MYK10_TEST_TEMPLATE = template;
}

async function preparePglite(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'myk10-test-'));
  const pglite = createPglite('memory://');
  const db = createDb({ dataDir: 'memory://' }, pglite);
  const dump = async (name: string) => {
    const tar = await pglite.dumpDataDir('none');
    fs.writeFileSync(path.join(dir, `${name}.tar`), Buffer.from(await tar.arrayBuffer()));
  };
  await pglite.waitReady;
  await dump('empty');
  await migrateLatest(db);
  await dump('migrated');
  await seedDemo(db);
  await cheapenDemoHashes(db);
  await dump('seeded');
  await db.destroy();
  process.env.MYK10_TEST_PGLITE_DIR = dir;
}

/** The test template's demo users get the product's hash of their password at the suite's cost (hashCost.ts). */
async function cheapenDemoHashes(db: knexFactory.Knex): Promise<void> {
  setPasswordHashCostForTests(TEST_HASH_COST);
  await db('users').update({ password_hash: await hashPassword(DEMO_PASSWORD) });
}
