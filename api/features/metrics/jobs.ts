import { Counter, Gauge } from 'prom-client';
import { registry } from './registry';

const runs = new Counter({
  name: 'myk10_job_runs_total',
  help: 'Runs of the background jobs (nightly backup, contact retention, reminders), by outcome.',
  labelNames: ['job', 'outcome'] as const,
  registers: [registry],
});
const lastSuccess = new Gauge({
  name: 'myk10_job_last_success_timestamp_seconds',
  help: 'When each background job last succeeded (Unix time).',
  labelNames: ['job'] as const,
  registers: [registry],
});

/** Runs a job, counting it as success or failure in /metrics; rethrows the failure. */
export async function runJob<T>(job: 'backup' | 'retention' | 'reminders', fn: () => Promise<T>): Promise<T> {
  try {
    const result = await fn();
    runs.inc({ job, outcome: 'success' });
    lastSuccess.set({ job }, Date.now() / 1000);
    return result;
  } catch (err) {
    runs.inc({ job, outcome: 'failure' });
    throw err;
  }
}

/** Calls `check` once after `firstMs` and then every `everyMs` (timers that keep no process alive); returns stop. */
export function repeatEvery(check: () => void, firstMs: number, everyMs: number): () => void {
  const first = setTimeout(check, firstMs);
  const timer = setInterval(check, everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
