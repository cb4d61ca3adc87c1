import { berlinDate } from '../../../api/officeDay';
import { testApp, type TestApp } from '../../support/app';

type Row = Record<string, unknown>;

/** "verspätet": measures with an open milestone past its due date, filtered in SQL. */
describe('measures: the late filter', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => t?.close());

  const lateIdsInDb = async (): Promise<number[]> =>
    (
      (await t
        .db('milestones')
        .whereNull('completed_on')
        .where('due_date', '<', t.db.raw('current_date'))
        .distinct('measure_id')
        .orderBy('measure_id')) as { measure_id: number }[]
    ).map((r) => r.measure_id);

  it('lists exactly the measures with an overdue open milestone, and their complement', async () => {
    const viewer = await t.as('viewer');
    const expected = await lateIdsInDb();
    expect(expected.length).toBeGreaterThan(0);
    const late = await viewer
      .get('/api/measures')
      .query({ filter: JSON.stringify({ late: true }), sort: JSON.stringify(['id', 'ASC']) })
      .expect(200);
    expect((late.body as Row[]).map((m) => m.id)).toEqual(expected);
    expect(late.headers['content-range']).toMatch(new RegExp(`/${expected.length}$`));
    for (const m of late.body as Row[]) {
      expect(m.late).toBe(true);
      expect((m.next_milestone_due as string) < berlinDate(new Date())).toBe(true);
    }
    const onTime = await viewer
      .get('/api/measures')
      .query({ filter: JSON.stringify({ late: false }) })
      .expect(200);
    const total = Number(
      await t
        .db('measures')
        .count('* as n')
        .first()
        .then((r) => (r as Row).n),
    );
    expect((onTime.body as Row[]).length).toBe(total - expected.length);
    expect((onTime.body as Row[]).every((m) => m.late === false)).toBe(true);
  });

  it('a measure stops being late when its overdue milestone is reached', async () => {
    const cdo = await t.as('cdo');
    const [measureId] = await lateIdsInDb();
    const overdue = (await t
      .db('milestones')
      .where('measure_id', measureId!)
      .whereNull('completed_on')
      .where('due_date', '<', t.db.raw('current_date'))) as Row[];
    for (const ms of overdue)
      await cdo
        .put(`/api/milestones/${String(ms.id)}`)
        .send({ completed_on: berlinDate(new Date()), version: ms.version })
        .expect(200);
    const res = await cdo.get(`/api/measures/${String(measureId)}`).expect(200);
    expect(res.body.late).toBe(false);
  });

  it('rejects a filter value that is not a boolean', async () => {
    const cdo = await t.as('cdo');
    await cdo
      .get('/api/measures')
      .query({ filter: JSON.stringify({ late: 'ja' }) })
      .expect(400);
  });
});
