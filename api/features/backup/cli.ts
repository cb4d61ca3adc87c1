import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { Knex } from 'knex';
import { loadConfig } from '../../config';
import { checkConnection, createDb, createPglite, DatabaseStartError, redactUrl } from '../../db/knex';
import { knownMigrations, migrateLatest, migrateUpTo } from '../../db/migrate';
import { BackupError, restoreBackup, writeBackup } from './snapshot';

/**
 * `npm run backup -- --out FILE` and `npm run restore -- FILE`, on the database the environment names
 * (DATABASE_URL, else the embedded one in DATA_DIR). The embedded database belongs to one process at a time:
 * stop the cockpit before running either on DATA_DIR.
 */
const USAGE = 'Verwendung: npm run backup -- --out DATEI   |   npm run restore -- DATEI';

function stamp(d = new Date()): string {
  return d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

async function open(): Promise<{ db: Knex; where: string; close(): Promise<void> }> {
  const config = loadConfig();
  let pglite: PGlite | undefined;
  if (!config.db.databaseUrl) pglite = createPglite(config.db.dataDir ?? './data');
  const db = createDb(config.db, pglite);
  await checkConnection(db, config.db);
  return {
    db,
    where: config.db.databaseUrl
      ? `PostgreSQL ${redactUrl(config.db.databaseUrl)}`
      : `eingebettete Datenbank ${path.resolve(config.db.dataDir ?? './data')}`,
    close: async () => {
      await db.destroy();
      if (pglite && !pglite.closed) await pglite.close();
    },
  };
}

async function main(command: string | undefined, args: string[]): Promise<void> {
  if (command === 'backup') {
    const i = args.indexOf('--out');
    const out = i >= 0 ? args[i + 1] : `myk10-${stamp()}.jsonl.gz`;
    if (!out) throw new BackupError(USAGE);
    const { db, where, close } = await open();
    try {
      const started = Date.now();
      const summary = await writeBackup(db, out);
      const rows = Object.values(summary.tables).reduce((n, t) => n + t.rows, 0);
      console.log(
        `Sicherung von ${where} geschrieben: ${summary.file} (${Object.keys(summary.tables).length} Tabellen, ${rows} Zeilen, ${(summary.bytes / 1024).toFixed(0)} KB, ${Date.now() - started} ms).`,
      );
    } finally {
      await close();
    }
  } else if (command === 'restore') {
    const file = args.find((a) => !a.startsWith('--'));
    if (!file) throw new BackupError(USAGE);
    const { db, where, close } = await open();
    try {
      const summary = await restoreBackup(db, file, {
        knownMigrations: await knownMigrations(),
        migrateUp: (name) => migrateUpTo(db, name),
      });
      await migrateLatest(db);
      const rows = Object.values(summary.tables).reduce((n, t) => n + t.rows, 0);
      console.log(
        `Sicherung vom ${summary.header.created_at} in ${where} eingespielt: ${Object.keys(summary.tables).length} Tabellen, ${rows} Zeilen, alle Prüfsummen stimmen.`,
      );
    } finally {
      await close();
    }
  } else throw new BackupError(USAGE);
}

main(process.argv[2], process.argv.slice(3)).catch((err: unknown) => {
  const known = err instanceof BackupError || err instanceof DatabaseStartError;
  console.error(known ? `Abgebrochen: ${err.message}` : err);
  process.exit(1);
});
