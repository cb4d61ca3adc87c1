import { testApp, type TestApp } from './support/app';

describe('GET /api/health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp({ seed: false });
  });
  afterAll(async () => t?.close());

  it('answers 200 with the database ok', async () => {
    const res = await t.anonymous().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: 'ok' });
  });

  it('answers 503 when the database is gone', async () => {
    await t.db.destroy();
    const res = await t.anonymous().get('/api/health');
    expect(res.status).toBe(503);
    expect(res.body.database).toBe('unavailable');
  });
});
