import type { Server } from 'node:http';
import { createApp } from './app';
import { loadConfig } from './config';
import { captureStatements, checkConnection, createDb, DatabaseStartError } from './db/knex';
import { migrateLatest } from './db/migrate';
import { createLogger } from './logger';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../seeds/demo';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const db = createDb(config.db);
  await checkConnection(db, config.db);
  await migrateLatest(db);
  if (!config.production) await seedDemo(db);
  if (process.env.BENCH_CAPTURE_SQL) captureStatements(db, process.env.BENCH_CAPTURE_SQL);

  const app = createApp({ db, config, logger });
  const server: Server = app.listen(config.port, () => {
    const lines = [`MYK10 Steuerungscockpit läuft auf http://localhost:${config.port}`];
    if (!config.production)
      lines.push(
        `Demo-Zugänge (Passwort für alle: ${DEMO_PASSWORD}):`,
        ...DEMO_USERS.map((u) => `  ${u.email.padEnd(28)} ${u.role}`),
      );
    console.log(lines.join('\n'));
  });
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

main().catch((err: unknown) => {
  if (err instanceof DatabaseStartError) console.error(`Start abgebrochen: ${err.message}`);
  else console.error('Start abgebrochen:', err instanceof Error ? err.message : err);
  process.exit(1);
});
