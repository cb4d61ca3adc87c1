import crypto from 'node:crypto';
import knexFactory from 'knex';
import { migrateLatest } from '../../api/db/migrate';
import { createDb } from '../../api/db/knex';
import { seedDemo } from '../../seeds/demo';

/**
 * On PostgreSQL (DATABASE_URL set) one template database is migrated and seeded once; every test file then
 * gets its own copy (CREATE DATABASE … TEMPLATE), so files run in parallel without seeing each other.
 * On PGlite every test file starts its own in-memory instance instead (see db.ts).
 */
export default async function globalSetup(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const template = `myk10_tmpl_${crypto.randomBytes(4).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: url });
  await admin.raw(`create database ${template}`);
  await admin.destroy();
  const templateUrl = new URL(url);
  templateUrl.pathname = `/${template}`;
  const db = createDb({ databaseUrl: templateUrl.toString() });
  await migrateLatest(db);
  await seedDemo(db);
  await db.destroy();
  process.env.MYK10_TEST_TEMPLATE = template;
}
