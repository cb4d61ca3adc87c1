import { testApp, type TestApp } from '../../support/app';

type Row = Record<string, unknown>;

describe('GET /api/milestones/trend', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => t?.close());

  it('returns every milestone of a measure with its forecast series equal to milestone_forecasts', async () => {
    const measure = (await t.db('measures').where('code', 'M-08').first('id', 'code', 'title')) as Row;
    const res = await (
      await t.as('guide')
    )
      .get(`/api/milestones/trend?measure_id=${String(measure.id)}`)
      .expect(200);
    expect(res.body.scope).toBe('measure');
    expect(res.body.measure).toEqual(measure);
    const milestones = (await t
      .db('milestones')
      .where('measure_id', measure.id as number)
      .select('id', 'title', 'due_date')) as Row[];
    expect((res.body.milestones as Row[]).map((m) => m.id).sort()).toEqual(
      milestones.map((m) => m.id).sort(),
    );
    for (const m of res.body.milestones as Row[]) {
      const forecasts = await t
        .db('milestone_forecasts')
        .where('milestone_id', m.id as number)
        .orderBy('reported_on')
        .select('reported_on', 'due_date');
      expect(m.series).toEqual(forecasts);
      expect(m).toMatchObject({ measure_id: measure.id, measure_code: 'M-08', title: expect.any(String) });
    }
    expect((res.body.milestones as Row[]).some((m) => (m.series as unknown[]).length > 1)).toBe(true);
  });

  it('without a measure returns the final milestones of measures in implementation, most slipped first', async () => {
    const res = await (await t.as('viewer')).get('/api/milestones/trend').expect(200);
    expect(res.body.scope).toBe('portfolio');
    expect(res.body.measure).toBeNull();
    const expected = (await t
      .db('milestones as ms')
      .join('measures as m', 'm.id', 'ms.measure_id')
      .where({ 'ms.is_final': true, 'm.status': 'implementation' })
      .select('ms.id')) as Row[];
    const items = res.body.milestones as Row[];
    expect(items.length).toBe(Math.min(expected.length, 20));
    expect(items.every((m) => m.is_final === true)).toBe(true);
    const slips = items.map((m) => m.slip_days as number);
    expect(slips).toEqual([...slips].sort((a, b) => b - a));
  });

  it('records a changed due date as a new point of the series', async () => {
    const cdo = await t.as('cdo');
    const ms = (await t.db('milestones').whereNull('completed_on').orderBy('id').first()) as Row;
    await cdo
      .put(`/api/milestones/${String(ms.id)}`)
      .send({ ...ms, due_date: '2029-01-31' })
      .expect(200);
    const res = await cdo.get(`/api/milestones/trend?measure_id=${String(ms.measure_id)}`).expect(200);
    const series = (res.body.milestones as Row[]).find((m) => m.id === ms.id)!.series as Row[];
    expect(series.at(-1)).toEqual({ reported_on: expect.any(String), due_date: '2029-01-31' });
  });

  it('is not mistaken for GET /api/milestones/:id', async () => {
    const res = await (await t.as('cdo')).get('/api/milestones/trend').expect(200);
    expect(Array.isArray(res.body.milestones)).toBe(true);
  });

  it('answers 400 for a measure_id that is no id', async () => {
    const res = await (await t.as('cdo')).get('/api/milestones/trend?measure_id=abc');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual({ measure_id: expect.any(String) });
  });

  it('answers 404 for an unknown measure', async () => {
    expect((await (await t.as('cdo')).get('/api/milestones/trend?measure_id=999999')).status).toBe(404);
  });

  it('answers 401 without a session', async () => {
    expect((await t.anonymous().get('/api/milestones/trend')).status).toBe(401);
  });
});
