import type { Server } from 'node:http';
import type { Knex } from 'knex';
import { createApp, startOidc } from './app';
import { loadConfig } from './config';
import { captureStatements, checkConnection, createDb, DatabaseStartError } from './db/knex';
import { migrateLatest } from './db/migrate';
import { startNightlyBackups } from './features/backup/nightly';
import { startRetentionJob } from './features/privacy/retentionJob';
import { startReminderJob } from './features/reminders/job';
import { createLogger } from './logger';

/** The demo data, handed in by the start script (scripts/start.ts) so that the server never imports seeds/. */
export interface DemoData {
  seed(db: Knex): Promise<void>;
  password: string;
  users: readonly { email: string; role: string }[];
}

/** Migrates, loads the demo data outside production, listens, and shuts down cleanly on SIGTERM/SIGINT. */
export async function startServer(demo?: DemoData): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const db = createDb(config.db);
  await checkConnection(db, config.db);
  await migrateLatest(db);
  const withDemo = demo && !config.production ? demo : undefined;
  if (withDemo) await withDemo.seed(db);
  if (process.env.BENCH_CAPTURE_SQL) captureStatements(db, process.env.BENCH_CAPTURE_SQL);

  // Single sign-on: the provider's discovery document is fetched now; if it cannot be, the reason is logged and the
  // app starts all the same (local sign-in works, SSO tries again at the next sign-in).
  const oidc = startOidc(config, logger);
  await oidc?.discover();
  const app = createApp({ db, config, logger, oidc });
  const server: Server = app.listen(config.port, () => {
    const lines = [`MYK10 Steuerungscockpit läuft auf http://localhost:${config.port}`];
    if (withDemo)
      lines.push(
        `Demo-Zugänge (Passwort für alle: ${withDemo.password}):`,
        ...withDemo.users.map((u) => `  ${u.email.padEnd(28)} ${u.role}`),
      );
    console.log(lines.join('\n'));
  });
  const stopJobs = [
    startNightlyBackups(db, config, logger),
    startRetentionJob(db, config, logger),
    startReminderJob(db, config, logger),
  ];
  server.on('error', (err: NodeJS.ErrnoException) => {
    console.error(
      err.code === 'EADDRINUSE'
        ? `Port ${config.port} ist bereits belegt. Setzen Sie PORT auf einen freien Port.`
        : err.message,
    );
    process.exit(1);
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    for (const stop of stopJobs) stop();
    // Finish running requests, then close the database.
    server.close(() => {
      void db.destroy().finally(() => process.exit(0));
    });
    server.closeIdleConnections();
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

export function reportStartError(err: unknown): never {
  if (err instanceof DatabaseStartError) console.error(`Start abgebrochen: ${err.message}`);
  else console.error('Start abgebrochen:', err instanceof Error ? err.message : err);
  process.exit(1);
}
