import crypto from 'node:crypto';
import knexFactory, { type Knex } from 'knex';
import { createDb, createPglite } from '../../../api/db/knex';
import { knownMigrations, migrateUpTo } from '../../../api/db/migrate';
import { restoreBackup, type RestoreSummary } from '../../../api/features/backup/snapshot';
import { onPostgres, testDb } from '../../support/db';

/** The PostgreSQL server for the cross-database round trips: the test run's own, or MYK10_TEST_POSTGRES_URL. */
export const postgresUrl = process.env.DATABASE_URL || process.env.MYK10_TEST_POSTGRES_URL || undefined;

export interface Empty {
  db: Knex;
  url?: string;
  close(): Promise<void>;
}

/**
 * An empty database of the kind asked for: of the test run's own kind a migrated copy without data (quick), of the
 * other kind one without any tables (the restore migrates it).
 */
export async function emptyDb(kind: 'pglite' | 'postgresql'): Promise<Empty> {
  if ((kind === 'postgresql') === onPostgres) return testDb({ seed: false });
  if (kind === 'pglite') {
    const pglite = createPglite('memory://');
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
  const admin = knexFactory({ client: 'pg', connection: postgresUrl });
  const name = `myk10_bk_${crypto.randomBytes(4).toString('hex')}`;
  await admin.raw(`create database ${name} template template0`);
  const url = new URL(postgresUrl!);
  url.pathname = `/${name}`;
  const db = createDb({ databaseUrl: url.toString() });
  return {
    db,
    url: url.toString(),
    close: async () => {
      await db.destroy();
      await admin.raw(`drop database if exists ${name} with (force)`);
      await admin.destroy();
    },
  };
}

export async function restore(db: Knex, file: string, known?: string[]): Promise<RestoreSummary> {
  return restoreBackup(db, file, {
    knownMigrations: known ?? (await knownMigrations()),
    migrateUp: (name) => migrateUpTo(db, name),
  });
}
