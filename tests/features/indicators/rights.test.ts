import { testApp, type TestApp } from '../../support/app';

/**
 * Rights beyond the role matrix: a measure's owner enters, changes and deletes the values of its indicators,
 * whatever her role, and nothing else; writes are audited and version-checked.
 */

let t: TestApp;
let own: { indicator: number; measure: number };
let foreign: number;
let viewerId: number;

beforeAll(async () => {
  t = await testApp();
  const viewer = (await (await t.as('viewer')).get('/api/auth/me')).body as { id: number };
  type Pick = { id: number; measure_id: number };
  const mine = (await t.db('indicators').orderBy('id').first('id', 'measure_id')) as Pick;
  const other = (await t
    .db('indicators')
    .whereNot('measure_id', mine.measure_id)
    .orderBy('id')
    .first('id', 'measure_id')) as Pick;
  // The reading user becomes owner of the first indicator's measure (only there).
  await t.db('measures').where('id', mine.measure_id).update({ owner_id: viewer.id });
  own = { indicator: mine.id, measure: mine.measure_id };
  viewerId = viewer.id;
  foreign = other.id;
});
afterAll(async () => t?.close());

const value = (indicator_id: number, measured_on: string) => ({
  indicator_id,
  measured_on,
  value: 7,
  source: 'Test',
});

it('the owner enters, changes and deletes values of her measure’s indicators', async () => {
  const viewer = await t.as('viewer');

  const created = await viewer.post('/api/indicator_values').send(value(own.indicator, '2026-11-02'));
  const changed = await viewer
    .put(`/api/indicator_values/${created.body.id}`)
    .send({ ...created.body, value: 8, note: 'korrigiert' });
  const deleted = await viewer.delete(`/api/indicator_values/${created.body.id}`);

  expect([created.status, changed.status, deleted.status]).toEqual([201, 200, 200]);
  expect(changed.body).toMatchObject({ value: 8, version: 2, measure_owner_id: viewerId });
  const audit = await t
    .db('audit_entries')
    .where({ resource: 'indicator_values', record_id: created.body.id })
    .orderBy('id')
    .select('action');
  expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
});

it('the owner may not write values of other measures, nor move a value there', async () => {
  const viewer = await t.as('viewer');
  const cdo = await t.as('cdo');
  const theirs = (await cdo.post('/api/indicator_values').send(value(foreign, '2026-11-03'))).body;
  const mine = (await viewer.post('/api/indicator_values').send(value(own.indicator, '2026-11-03'))).body;

  const create = await viewer.post('/api/indicator_values').send(value(foreign, '2026-11-04'));
  const update = await viewer.put(`/api/indicator_values/${theirs.id}`).send({ ...theirs, value: 1 });
  const remove = await viewer.delete(`/api/indicator_values/${theirs.id}`);
  const move = await viewer.put(`/api/indicator_values/${mine.id}`).send({ ...mine, indicator_id: foreign });

  expect([create.status, update.status, remove.status, move.status]).toEqual([403, 403, 403, 403]);
  expect((await cdo.get(`/api/indicator_values/${theirs.id}`)).body.value).toBe(7);
});

it('the owner may not change the indicator itself; steering may', async () => {
  const viewer = await t.as('viewer');
  const steering = await t.as('steering');
  const current = (await viewer.get(`/api/indicators/${own.indicator}`)).body;

  const byOwner = await viewer.put(`/api/indicators/${own.indicator}`).send({ ...current, method: 'x' });
  const bySteering = await steering.put(`/api/indicators/${own.indicator}`).send({ ...current, method: 'y' });

  expect([byOwner.status, bySteering.status]).toEqual([403, 200]);
});

it('a stale version is refused', async () => {
  const cdo = await t.as('cdo');
  const current = (await cdo.get(`/api/indicators/${own.indicator}`)).body;
  await cdo.put(`/api/indicators/${own.indicator}`).send({ ...current, reported_by: 'erste Änderung' });

  const stale = await cdo.put(`/api/indicators/${own.indicator}`).send({ ...current, reported_by: 'zweite' });

  expect(stale.status).toBe(409);
});

it('the summary needs a session', async () => {
  expect((await t.anonymous().get('/api/indicators/summary')).status).toBe(401);
});
