import contactMeasures from '../../api/features/contacts/contact_measures';
import type { SessionUser } from '../../api/rest/resource';
import { testApp, type TestApp } from '../support/app';
import { dbChecksum } from '../support/checksum';
import { createBody } from '../support/fixtures';

/**
 * Link rows (measure_municipalities, guide_municipalities, contact_measures) and the forecasts of the trend
 * analysis carry no version: they are only created and deleted, and a PUT answers 405 with a German message.
 */

const LINK_TABLES = [
  'measure_municipalities',
  'guide_municipalities',
  'contact_measures',
  'milestone_forecasts',
];

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t?.close());

describe.each(LINK_TABLES)('PUT /api/%s/:id', (name) => {
  it('answers 405 with a German message and an Allow header, and nothing changes', async () => {
    const cdo = await t.as('cdo');
    const created = await cdo.post(`/api/${name}`).send(await createBody(t.db, name));
    expect(created.status).toBe(201);
    const before = await dbChecksum(t.db);

    const withVersion = await cdo
      .put(`/api/${name}/${created.body.id}`)
      .send({ ...created.body, version: 1 });
    const without = await cdo.put(`/api/${name}/${created.body.id}`).send(created.body);

    for (const res of [withVersion, without]) {
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('GET, POST, DELETE');
      expect(res.body).toEqual({
        code: 'method_not_allowed',
        message: expect.stringContaining('nicht geändert'),
      });
    }
    expect(await dbChecksum(t.db)).toEqual(before);
    expect((await cdo.delete(`/api/${name}/${created.body.id}`)).status).toBe(200);
  });
});

describe('contact_measures with a partial body', () => {
  it('a guide’s PUT of her own link with only measure_id answers 405, not 500', async () => {
    const guide = await t.as('guide');
    const me = (await guide.get('/api/auth/me')).body as { id: number; municipality_ids: number[] };
    const link = await guide
      .post('/api/contact_measures')
      .send(await createBody(t.db, 'contact_measures', { guide: me }));
    expect(link.status).toBe(201);
    const other = (
      (await t.db('measures').whereNot('id', link.body.measure_id).first('id')) as { id: number }
    ).id;

    const res = await guide.put(`/api/contact_measures/${link.body.id}`).send({ measure_id: other });

    expect(res.status).toBe(405);
  });

  it('the guide hook reads the contact from the merged record when the body lacks it', async () => {
    const guideRow = (await t
      .db('users')
      .where('email', 'lotsin1@myk10.example')
      .first('id', 'email', 'name')) as {
      id: number;
      email: string;
      name: string;
    };
    const user: SessionUser = { ...guideRow, role: 'guide', municipality_ids: [] };
    const own = (await t.db('contacts').where('author_id', guideRow.id).first('id')) as { id: number };
    const foreign = (await t.db('contacts').whereNot('author_id', guideRow.id).first('id')) as { id: number };

    await expect(
      contactMeasures.beforeWrite!(
        { db: t.db, user },
        { measure_id: 1 },
        { contact_id: own.id, measure_id: 2 },
      ),
    ).resolves.toEqual({ measure_id: 1 });
    await expect(
      contactMeasures.beforeWrite!(
        { db: t.db, user },
        { measure_id: 1 },
        { contact_id: foreign.id, measure_id: 2 },
      ),
    ).rejects.toMatchObject({ status: 403 });
  });
});

it('a milestone’s changed due date still writes its forecast row', async () => {
  const steering = await t.as('steering');
  const ms = (await steering.post('/api/milestones').send(await createBody(t.db, 'milestones')))
    .body as Record<string, unknown>;

  const res = await steering.put(`/api/milestones/${ms.id}`).send({ ...ms, due_date: '2031-05-05' });

  expect(res.status).toBe(200);
  expect(
    await t
      .db('milestone_forecasts')
      .where('milestone_id', ms.id as number)
      .pluck('due_date'),
  ).toContain('2031-05-05');
});
