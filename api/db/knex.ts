import fs from 'node:fs';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import pg from 'pg';
import { OFFICE_TZ } from '../officeDay';
import type * as PGliteModule from '@electric-sql/pglite';
import type { Extension, PGlite } from '@electric-sql/pglite';

export interface DbConfig {
  databaseUrl?: string;
  dataDir?: string; // PGlite folder; 'memory://' keeps it in memory
  poolMax?: number;
  statementTimeoutMs?: number;
  acquireTimeoutMs?: number;
}

const toIso = (v: string): string => new Date(v).toISOString();

/**
 * Settings of every database session, the embedded one and the server's (and the benchmark's floor):
 * - "today" in SQL (current_date) is the office's day, not the server's (api/officeDay.ts);
 * - a page read at random costs about what a sequential one does: the office's data sits in memory or on an SSD.
 *   PostgreSQL's default (4, a spinning disk) let the planner read all 10,244 milestone titles with a case-folding
 *   ILIKE (8.5 ms) rather than ask their trigram index (1.5 ms) for two words that never stand in the same title.
 */
export const SESSION_SETTINGS = [`TimeZone=${OFFICE_TZ}`, 'random_page_cost=1.1'];

/** SESSION_SETTINGS as the `options` of a PostgreSQL connection. */
export const SESSION_OPTIONS = SESSION_SETTINGS.map((setting) => `-c ${setting}`).join(' ');

// Both drivers hand the code the same shapes: dates as 'YYYY-MM-DD', bigint as number, instants as ISO strings.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, Number);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, Number);
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, toIso);
pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, toIso);

export class DatabaseStartError extends Error {}

/**
 * PGlite is loaded only when it is used: on PostgreSQL the import alone would cost ~50 MB of resident memory
 * (measured under tsx: 74 → 126 MB RSS).
 */
function pgliteModule(): typeof PGliteModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy, synchronous load (createDb is synchronous)
  return require('@electric-sql/pglite') as typeof PGliteModule;
}

/** pg_trgm (trigram indexes for the substring searches), bundled with PGlite; loaded with it. */
function pgliteExtensions() {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy, see pgliteModule()
  const { pg_trgm } = require('@electric-sql/pglite/contrib/pg_trgm') as { pg_trgm: Extension };
  return { pg_trgm };
}

/**
 * `loadDataDir`: a tarball from `dumpDataDir()` to start from instead of an empty cluster (tests' prepared copy);
 * `settings`: PostgreSQL settings beside the product's (the tests' databases keep nothing).
 */
export function createPglite(dataDir: string, loadDataDir?: Blob, settings: string[] = []): PGlite {
  const { PGlite, types } = pgliteModule();
  const { defaultStartParams } = PGlite as unknown as { defaultStartParams: string[] };
  return new PGlite(dataDir, {
    loadDataDir,
    extensions: pgliteExtensions(),
    // The buffer pool lives in the process's WebAssembly memory, which grows and never shrinks: PGlite's 128 MB
    // default put the API at ~380 MB RSS after a few lists (factor 1); 32 MB holds the hot pages of an office's
    // data and keeps it at ~270 MB (the rest is read from the data folder through the OS cache).
    startParams: [
      ...defaultStartParams,
      ...['shared_buffers=32MB', ...SESSION_SETTINGS, ...settings].flatMap((setting) => ['-c', setting]),
    ],
    parsers: {
      [types.DATE]: (v: string) => v,
      [types.INT8]: Number,
      [types.NUMERIC]: Number,
      [types.TIMESTAMPTZ]: toIso,
      [types.TIMESTAMP]: toIso,
    },
  });
}

function ensureWritableFolder(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new DatabaseStartError(
      `Der Datenordner ${path.resolve(dir)} kann nicht angelegt oder beschrieben werden (DATA_DIR).`,
    );
  }
}

interface PgliteDialect {
  new (config: Knex.Config): { _query(connection: unknown, obj: unknown): Promise<unknown> };
}
let fairDialect: typeof knexFactory.Client | undefined;

/**
 * knex-pglite's dialect, with one change: each statement first lets the event loop turn (setImmediate). PGlite
 * runs in this process and answers as a resolved promise, so a chain of statements (a write loop, a restore, a
 * retention run) would otherwise run as one unbroken run of microtasks: no timer fires, no HTTP request is read,
 * and work queued for the one connection (a backup waiting to open its snapshot transaction) never gets its turn.
 * Transactions inherit it (knex builds their client from this prototype).
 */
function fairPgliteDialect(): typeof knexFactory.Client {
  if (fairDialect) return fairDialect;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy, see pgliteModule()
  const Base = require('knex-pglite') as PgliteDialect; // module.exports = the dialect class
  class FairPglite extends Base {
    override async _query(connection: unknown, obj: unknown): Promise<unknown> {
      await new Promise<void>((resolve) => setImmediate(resolve));
      return super._query(connection, obj);
    }
  }
  fairDialect = FairPglite as unknown as typeof knexFactory.Client;
  return fairDialect;
}

export function createDb(config: DbConfig, pglite?: PGlite): Knex {
  if (config.databaseUrl) {
    const statementTimeout = config.statementTimeoutMs ?? 10_000;
    return knexFactory({
      client: 'pg',
      connection: {
        connectionString: config.databaseUrl,
        statement_timeout: statementTimeout,
        // A transaction left open (a bug, a hung client) must not hold locks and a pool slot for ever.
        idle_in_transaction_session_timeout: 60_000,
        connectionTimeoutMillis: 3_000,
        options: SESSION_OPTIONS,
      },
      pool: {
        min: 0,
        max: config.poolMax ?? 10,
        acquireTimeoutMillis: config.acquireTimeoutMs ?? 5_000,
        createTimeoutMillis: 3_000,
        idleTimeoutMillis: 30_000,
      },
      acquireConnectionTimeout: config.acquireTimeoutMs ?? 5_000,
    });
  }
  const dataDir = config.dataDir ?? './data';
  if (!dataDir.startsWith('memory://')) ensureWritableFolder(dataDir);
  const instance = pglite ?? createPglite(dataDir);
  return knexFactory({
    client: fairPgliteDialect(),
    // PGlite serves one connection; the dialect fixes the pool itself.
    connection: () => ({ pglite: instance }) as unknown as Knex.StaticConnectionConfig,
  });
}

/**
 * Benchmark capture mode (BENCH_CAPTURE_SQL=<file>): every statement with its bindings as one JSON line, so
 * `npm run bench` can replay exactly the API's SQL on a bare node:http + pg server. Off unless the variable is set.
 */
export function captureStatements(db: Knex, file: string): void {
  db.on('query', (q: { sql: string; bindings?: unknown[] }) => {
    fs.appendFileSync(file, `${JSON.stringify({ sql: q.sql, bindings: q.bindings ?? [] })}\n`);
  });
}

/** Fails with a readable message when the database cannot be reached. */
export async function checkConnection(db: Knex, config: DbConfig): Promise<void> {
  try {
    // Starting a new embedded data folder can outlast the pool's 30 s create timeout on a slow or busy machine;
    // waiting for it here is not waiting for a connection.
    await (db.client as { pglite?: { waitReady: Promise<void> } }).pglite?.waitReady;
    await db.raw('select 1');
  } catch (err) {
    const where = config.databaseUrl
      ? `PostgreSQL unter ${redactUrl(config.databaseUrl)}`
      : `die eingebettete Datenbank in ${path.resolve(config.dataDir ?? './data')}`;
    const reason = err instanceof Error ? err.message : String(err);
    throw new DatabaseStartError(`Die Datenbank ist nicht erreichbar: ${where} (${reason}).`);
  }
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(ungültige DATABASE_URL)';
  }
}
