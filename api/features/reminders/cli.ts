import { loadConfig } from '../../config';
import { createDb } from '../../db/knex';
import { checkReminders } from './job';

/**
 * One check of the reminders on the database the environment names, then exit: the daily run if its day is due,
 * the immediate rules, the mails that are due. For a cron job beside a stopped cockpit, and for the test that
 * starts two processes against one PostgreSQL database. (`node --import tsx api/features/reminders/cli.ts`)
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const db = createDb(config.db);
  try {
    const result = await checkReminders(db, config);
    console.log(JSON.stringify(result));
  } finally {
    await db.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
