import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { testApp, type TestApp } from '../../support/app';

const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'myk10-metrics-'));

let open: TestApp;
let guarded: TestApp;
beforeAll(async () => {
  open = await testApp({ config: { backupDir } });
  guarded = await testApp({ config: { metricsToken: 's3cret-metrics-token' } });
});
afterAll(async () => {
  await open.close();
  await guarded.close();
  fs.rmSync(backupDir, { recursive: true, force: true });
});

describe('GET /metrics with METRICS_TOKEN set', () => {
  it('answers 401 without a token', async () => {
    const res = await guarded.anonymous().get('/metrics');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  it('answers 401 with a wrong token', async () => {
    const res = await guarded.anonymous().get('/metrics').set('Authorization', 'Bearer nope');
    expect(res.status).toBe(401);
  });

  it('serves the Prometheus text format with the right token', async () => {
    const res = await guarded.anonymous().get('/metrics').set('Authorization', 'Bearer s3cret-metrics-token');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.text).toContain('# TYPE myk10_http_requests_total counter');
  });
});

describe('GET /metrics without METRICS_TOKEN', () => {
  it('serves a loopback caller', async () => {
    expect((await open.anonymous().get('/metrics')).status).toBe(200);
  });

  it('refuses a request forwarded by a proxy, which arrives from loopback too', async () => {
    const res = await open.anonymous().get('/metrics').set('X-Forwarded-For', '203.0.113.9');
    expect(res.status).toBe(403);
  });
});

/** This machine's first address that is not loopback (a request to it arrives from that address, not 127.0.0.1). */
const outsideAddress = Object.values(os.networkInterfaces())
  .flat()
  .find((i) => i && !i.internal && i.family === 'IPv4')?.address;

/** GET /metrics over a real socket to the non-loopback address, as a machine on the network would. */
async function fromNetwork(t: TestApp, headers: Record<string, string> = {}): Promise<number> {
  const server = t.app.listen(0, '0.0.0.0');
  await new Promise((r) => server.once('listening', r));
  try {
    const { port } = server.address() as AddressInfo;
    return (await fetch(`http://${outsideAddress}:${port}/metrics`, { headers })).status;
  } finally {
    await new Promise((r) => server.close(r));
  }
}

(outsideAddress ? describe : describe.skip)(`GET /metrics from the network (${outsideAddress})`, () => {
  it('is refused without METRICS_TOKEN configured', async () => {
    expect(await fromNetwork(open)).toBe(403);
  });

  it('with METRICS_TOKEN: 401 without the token, 200 with it', async () => {
    expect(await fromNetwork(guarded)).toBe(401);
    expect(await fromNetwork(guarded, { Authorization: 'Bearer s3cret-metrics-token' })).toBe(200);
  });
});

describe('the metrics themselves', () => {
  it('count requests and time them under the route pattern, never the raw URL', async () => {
    const cdo = await open.as('cdo');
    const measure = (await open.db('measures').orderBy('id').first('id')) as { id: number };
    expect((await cdo.get(`/api/measures/${measure.id}`)).status).toBe(200);
    const text = (await open.anonymous().get('/metrics')).text;
    expect(text).toMatch(
      /myk10_http_requests_total\{method="GET",route="\/api\/measures\/:id",status="200"\} \d+/,
    );
    expect(text).toMatch(
      /myk10_http_request_duration_seconds_bucket\{le="0\.05",method="GET",route="\/api\/measures\/:id"\}/,
    );
    expect(text).not.toContain(`/api/measures/${measure.id}"`);
  });

  it('show the database pool and the background jobs', async () => {
    const cdo = await open.as('cdo');
    await cdo.post('/api/backups').send({});
    const text = (await open.anonymous().get('/metrics')).text;
    expect(text).toMatch(/myk10_db_pool_connections\{state="max"\} \d+/);
    expect(text).toMatch(/myk10_job_runs_total\{job="backup",outcome="success"\} [1-9]/);
  });
});
