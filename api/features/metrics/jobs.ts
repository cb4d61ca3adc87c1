import { Counter, Gauge } from 'prom-client';
import { registry } from './registry';

const runs = new Counter({
  name: 'myk10_job_runs_total',
  help: 'Runs of the background jobs (nightly backup, contact retention), by outcome.',
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
export async function runJob<T>(job: 'backup' | 'retention', fn: () => Promise<T>): Promise<T> {
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
