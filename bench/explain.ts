import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { SESSION_OPTIONS } from '../api/db/knex';
import { LARGE_TABLES, RESULTS_DIR, type CapturedRoute } from './lib';

/**
 * EXPLAIN (ANALYZE, BUFFERS) of every statement the API issued on the benchmark routes; flags any Seq Scan on
 * a large table. Used by bench/run.ts; standalone: DATABASE_URL=… tsx bench/explain.ts [captured.json]
 * (default bench/results/captured.tmp, written by the last `npm run bench`). Exit code 1 on a violation.
 */

export interface ExplainReport {
  text: string;
  violations: string[];
  statements: number;
  executionMs: { route: string; statement: number; median_ms: number }[];
}

const KEY_LINE =
  /Scan|Join|Nested Loop|Sort|Aggregate|Limit|SubPlan|InitPlan|Hash|Unique|Planning Time|Execution Time/;

/** Runs each statement `repeat` times (the machine may be busy) and reports the median execution time. */
export async function explainRoutes(
  databaseUrl: string,
  routes: CapturedRoute[],
  repeat = 7,
): Promise<ExplainReport> {
  const client = new pg.Client({ connectionString: databaseUrl, options: SESSION_OPTIONS });
  await client.connect();
  const out: string[] = [];
  const violations: string[] = [];
  const executionMs: ExplainReport['executionMs'] = [];
  let count = 0;
  try {
    for (const route of routes) {
      out.push(`=== ${route.name}: GET ${route.path}`);
      for (const [i, s] of route.statements.entries()) {
        // Only reads: EXPLAIN ANALYZE executes the statement.
        if (!/^\s*(select|with)\b/i.test(s.sql)) {
          out.push(`--- [${i}] (not a read, not explained) ${s.sql.slice(0, 120)}`);
          continue;
        }
        count++;
        let plan: string[] = [];
        const times: number[] = [];
        for (let k = 0; k < repeat; k++) {
          const { rows } = await client.query<{ 'QUERY PLAN': string }>(
            `explain (analyze, buffers) ${s.sql}`,
            s.bindings,
          );
          plan = rows.map((r) => r['QUERY PLAN']);
          times.push(Number(/Execution Time: ([\d.]+)/.exec(plan.join('\n'))?.[1] ?? NaN));
        }
        const median = times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
        out.push(
          `--- [${i}] median execution ${median.toFixed(2)} ms (of ${repeat}): ${s.sql.replace(/\s+/g, ' ').slice(0, 400)}`,
        );
        executionMs.push({ route: route.name, statement: i, median_ms: Math.round(median * 100) / 100 });
        out.push(...plan.filter((l) => KEY_LINE.test(l)).map((l) => `    ${l}`));
        for (const line of plan) {
          const m = /Seq Scan on (\w+)/.exec(line);
          if (m && LARGE_TABLES.includes(m[1]!)) violations.push(`${route.name} [${i}]: Seq Scan on ${m[1]}`);
        }
      }
    }
  } finally {
    await client.end();
  }
  out.unshift(
    violations.length
      ? `SEQ SCANS ON LARGE TABLES (${violations.length}):\n${violations.map((v) => `  ${v}`).join('\n')}\n`
      : `OK: no Seq Scan on ${LARGE_TABLES.join(', ')} in ${count} statements.\n`,
  );
  return { text: `${out.join('\n')}\n`, violations, statements: count, executionMs };
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('bench/explain.ts braucht DATABASE_URL (die Benchmark-Datenbank auf PostgreSQL).');
    process.exit(2);
  }
  const file = process.argv[2] ?? path.join(RESULTS_DIR, 'captured.tmp');
  const routes = JSON.parse(fs.readFileSync(file, 'utf8')) as CapturedRoute[];
  const report = await explainRoutes(url, routes);
  fs.writeFileSync(path.join(RESULTS_DIR, 'explain.txt'), report.text);
  console.log(report.text);
  process.exit(report.violations.length ? 1 : 0);
}

if (require.main === module)
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
