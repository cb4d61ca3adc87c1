import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';

const MIGRATIONS_DIR = path.resolve(__dirname, '../../migrations');

interface MigrationModule {
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

// Loads the migration files with the process's own module loader, so tsx and jest both run the .ts sources and the
// compiled build (npm start) its .js files. A migration keeps its .ts name either way: the recorded history is one.
const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () =>
    fs
      .readdirSync(MIGRATIONS_DIR)
      .filter((f) => /^\d{14}_.+\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))
      .sort(),
  getMigrationName: (name) => name.replace(/\.js$/, '.ts'),
  getMigration: async (name) =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous load keeps jest and tsx alike
    require(path.join(MIGRATIONS_DIR, name)) as MigrationModule,
};

export const migrationConfig: Knex.MigratorConfig = { migrationSource };

export async function migrateLatest(db: Knex): Promise<void> {
  await db.migrate.latest(migrationConfig);
}

export async function rollbackAll(db: Knex): Promise<void> {
  await db.migrate.rollback(migrationConfig, true);
}

/** Every migration this program knows, by its recorded name, in order. */
export async function knownMigrations(): Promise<string[]> {
  const files = await migrationSource.getMigrations([]);
  return files.map((f) => migrationSource.getMigrationName(f));
}

/** Runs one pending migration by its recorded name (a restore brings an empty database to the backup's version). */
export async function migrateUpTo(db: Knex, name: string): Promise<void> {
  await db.migrate.up({ ...migrationConfig, name });
}
