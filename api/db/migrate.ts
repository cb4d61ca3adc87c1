import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';

const MIGRATIONS_DIR = path.resolve(__dirname, '../../migrations');

interface MigrationModule {
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

// Loads the migration files with the process's own module loader, so tsx and jest both run the .ts sources.
const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () =>
    fs
      .readdirSync(MIGRATIONS_DIR)
      .filter((f) => /^\d{14}_.+\.ts$/.test(f))
      .sort(),
  getMigrationName: (name) => name,
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
