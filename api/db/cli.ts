import { loadConfig } from '../config';
import { checkConnection, createDb, DatabaseStartError } from './knex';
import { migrateLatest, rollbackAll } from './migrate';

async function main(command: string | undefined): Promise<void> {
  const config = loadConfig();
  const db = createDb(config.db);
  try {
    await checkConnection(db, config.db);
    if (command === 'migrate') await migrateLatest(db);
    else if (command === 'rollback') await rollbackAll(db);
    else throw new Error('Verwendung: tsx api/db/cli.ts migrate|rollback');
    console.log(
      command === 'migrate' ? 'Datenbank ist auf dem neuesten Stand.' : 'Alle Migrationen zurückgenommen.',
    );
  } finally {
    await db.destroy();
  }
}

main(process.argv[2]).catch((err: unknown) => {
  console.error(err instanceof DatabaseStartError || err instanceof Error ? err.message : err);
  process.exit(1);
});
