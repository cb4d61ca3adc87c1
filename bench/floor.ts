import fs from 'node:fs';
import http from 'node:http';
import pg from 'pg';
// Loaded for its side effect as well: the same pg type parsers as the API (dates as strings, bigint as number).
import { createPglite, SESSION_OPTIONS } from '../api/db/knex';
import type { CapturedRoute, Statement } from './lib';

/**
 * The FLOOR: a bare node:http server with one connection pool that runs, per request, exactly the statements
 * the API issued for that route (captured from the API, not rewritten) and answers with the same JSON and
 * Content-Range. No framework, no auth check beyond replaying the API's own session lookup statement, no
 * logging. Usage: node --import tsx bench/floor.ts <spec.json>; prints FLOOR_READY <json> when it listens.
 */

export interface FloorSpec {
  port: number;
  databaseUrl?: string;
  dataDir?: string;
  poolMax: number;
  statementTimeoutMs: number;
  routes: CapturedRoute[];
}

type Run = (s: Statement) => Promise<Record<string, unknown>[]>;

interface Plan {
  statements: Statement[];
  /** index of the statement whose rows are the body; -1: the body is every statement's rows */
  body: number;
  /** Content-Range: resource name, offset and the count statement (if any) */
  range?: { resource: string; offset: number; count: number };
}

function runner(spec: FloorSpec): { run: Run; close: () => Promise<void> } {
  if (spec.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: spec.databaseUrl,
      max: spec.poolMax,
      statement_timeout: spec.statementTimeoutMs,
      options: SESSION_OPTIONS,
    });
    pool.on('error', () => undefined);
    return {
      run: async (s) => (await pool.query(s.sql, s.bindings)).rows as Record<string, unknown>[],
      close: () => pool.end(),
    };
  }
  const pglite = createPglite(spec.dataDir!);
  return {
    run: async (s) => (await pglite.query(s.sql, s.bindings)).rows as Record<string, unknown>[],
    close: () => pglite.close(),
  };
}

async function execute(run: Run, statements: Statement[]): Promise<Record<string, unknown>[][]> {
  const results: Record<string, unknown>[][] = [];
  // One after the other, as the API runs them.
  for (const s of statements) results.push(await run(s));
  return results;
}

/** A search with few hits (api/rest/query.ts) counts them in a column of its page, which the API takes off. */
const HITS = '__hits';
const withoutHits = (rows: Record<string, unknown>[]) => rows.map(({ [HITS]: _, ...row }) => row);

function contentRange(plan: Plan, results: Record<string, unknown>[][]): string | undefined {
  if (!plan.range) return undefined;
  const rows = results[plan.body]!;
  const counted = plan.range.count >= 0 ? results[plan.range.count]![0] : undefined;
  const hits = rows[0]?.[HITS];
  const total =
    hits !== undefined ? Number(hits) : counted ? Number(counted.total) : plan.range.offset + rows.length;
  const { resource, offset } = plan.range;
  return rows.length
    ? `${resource} ${offset}-${offset + rows.length - 1}/${total}`
    : `${resource} */${total}`;
}

function body(plan: Plan, results: Record<string, unknown>[][]): string {
  return JSON.stringify(
    plan.body >= 0 ? withoutHits(results[plan.body]!) : Object.fromEntries(results.map((r, i) => [i, r])),
  );
}

/** Finds which statement's rows are the API's body, and checks the floor gives the same answer. */
async function makePlan(run: Run, route: CapturedRoute): Promise<{ plan: Plan; note: string }> {
  const results = await execute(run, route.statements);
  const apiBody = JSON.stringify(JSON.parse(route.apiBody));
  const index = results.findIndex((rows) => JSON.stringify(withoutHits(rows)) === apiBody);
  const plan: Plan = { statements: route.statements, body: index };
  const m = route.contentRange ? /^(\S+) (?:(\d+)-\d+|\*)\/\d+$/.exec(route.contentRange) : null;
  if (m && index >= 0) {
    const count = results.findIndex(
      (rows, i) => i > index && rows.length === 1 && Object.keys(rows[0]!).join() === 'total',
    );
    plan.range = { resource: m[1]!, offset: Number(m[2] ?? 0), count };
  }
  let note =
    index >= 0
      ? `same JSON as the API (rows of statement ${index})`
      : 'API body is shaped in JS: floor answers all rows';
  if (route.contentRange && contentRange(plan, results) !== route.contentRange)
    note += `; Content-Range differs: ${contentRange(plan, results)} vs ${route.contentRange}`;
  return { plan, note };
}

async function main(): Promise<void> {
  const spec = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as FloorSpec;
  const { run, close } = runner(spec);
  const plans = new Map<string, Plan>();
  const notes: Record<string, string> = {};
  for (const route of spec.routes) {
    const { plan, note } = await makePlan(run, route);
    plans.set(route.path, plan);
    notes[route.name] = note;
  }

  const server = http.createServer((req, res) => {
    const plan = plans.get(req.url ?? '');
    if (!plan) {
      res.writeHead(404).end();
      return;
    }
    execute(run, plan.statements).then(
      (results) => {
        const headers: http.OutgoingHttpHeaders = { 'Content-Type': 'application/json; charset=utf-8' };
        const range = contentRange(plan, results);
        if (range) {
          headers['Content-Range'] = range;
          headers['X-Total-Count'] = range.split('/')[1];
        }
        res.writeHead(200, headers).end(body(plan, results));
      },
      (err: Error) =>
        res
          .writeHead(503, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ message: err.message })),
    );
  });
  server.keepAliveTimeout = 30_000;
  server.listen(spec.port, '127.0.0.1', () => {
    process.stdout.write(`FLOOR_READY ${JSON.stringify(notes)}\n`);
  });
  const stop = () => server.close(() => void close().finally(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (require.main === module)
  main().catch((err: unknown) => {
    console.error('floor:', err);
    process.exit(1);
  });
