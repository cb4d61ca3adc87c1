import { testApp, type TestApp } from '../support/app';
import { dbChecksum } from '../support/checksum';
import { createBody } from '../support/fixtures';

/** Optimistic locking: the version a PUT carries decides; no lost updates, whatever the timing. */

type Row = Record<string, unknown>;

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t?.close());

const auditUpdates = async (resource: string, id: number) =>
  Number(
    (
      (await t
        .db('audit_entries')
        .where({ resource, record_id: id, action: 'update' })
        .count({ n: '*' })) as [{ n: number }]
    )[0].n,
  );

describe('PUT /api/measures/:id under concurrency', () => {
  it('lets exactly one of 10 parallel PUTs with the same version win; the others get 409', async () => {
    const [cdo, steering] = [await t.as('cdo'), await t.as('steering')];
    const read = (await cdo.get('/api/measures/3')).body as Row;

    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? cdo : steering).put('/api/measures/3').send({ ...read, title: `Parallel ${i}` }),
      ),
    );

    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    const winner = results.find((r) => r.status === 200)!;
    const stored = (await t.db('measures').where('id', 3).first()) as Row;
    expect(stored.title).toBe(winner.body.title);
    expect(stored.version).toBe((read.version as number) + 1);
  });

  it('writes exactly one audit row for the winning PUT', async () => {
    const cdo = await t.as('cdo');
    const read = (await cdo.get('/api/measures/4')).body as Row;
    const before = await auditUpdates('measures', 4);

    await Promise.all(
      Array.from({ length: 10 }, (_, i) => cdo.put('/api/measures/4').send({ ...read, progress: 50 + i })),
    );

    expect(await auditUpdates('measures', 4)).toBe(before + 1);
  });

  it('answers 409 with a message to every loser, never a 5xx', async () => {
    const cdo = await t.as('cdo');
    const read = (await cdo.get('/api/measures/5')).body as Row;

    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        cdo.put('/api/measures/5').send({ ...read, health_note: `Notiz ${i}` }),
      ),
    );

    for (const r of results.filter((x) => x.status !== 200)) {
      expect(r.status).toBe(409);
      expect(r.body.message).toEqual(expect.any(String));
    }
  });

  it('accepts the loser after it re-reads the record (version + 1)', async () => {
    const cdo = await t.as('cdo');
    const stale = (await cdo.get('/api/measures/6')).body as Row;
    await cdo
      .put('/api/measures/6')
      .send({ ...stale, title: 'Erste Änderung' })
      .expect(200);

    const lost = await cdo.put('/api/measures/6').send({ ...stale, title: 'Zweite Änderung' });
    const fresh = (await cdo.get('/api/measures/6')).body as Row;
    const retried = await cdo.put('/api/measures/6').send({ ...fresh, title: 'Zweite Änderung' });

    expect(lost.status).toBe(409);
    expect(retried.status).toBe(200);
    expect(retried.body.version).toBe((stale.version as number) + 2);
  });
});

describe('PUT version rules', () => {
  it('answers 428 for a PUT without version, and nothing changes', async () => {
    const cdo = await t.as('cdo');
    const { version: _v, ...withoutVersion } = (await cdo.get('/api/measures/7')).body as Row;
    const before = await dbChecksum(t.db);

    const res = await cdo.put('/api/measures/7').send({ ...withoutVersion, title: 'Ohne Version' });

    expect(res.status).toBe(428);
    expect(res.body.message).toEqual(expect.any(String));
    expect(await dbChecksum(t.db)).toEqual(before);
  });

  it('answers 409 for a stale version, and nothing changes', async () => {
    const cdo = await t.as('cdo');
    const read = (await cdo.get('/api/measures/8')).body as Row;
    await cdo
      .put('/api/measures/8')
      .send({ ...read, title: 'Neuer Stand' })
      .expect(200);
    const before = await dbChecksum(t.db);

    const res = await cdo.put('/api/measures/8').send({ ...read, title: 'Veralteter Stand' });

    expect(res.status).toBe(409);
    expect(await dbChecksum(t.db)).toEqual(before);
    expect(((await t.db('measures').where('id', 8).first()) as Row).title).toBe('Neuer Stand');
  });

  it('answers 409 for a version from the future, and nothing changes', async () => {
    const cdo = await t.as('cdo');
    const read = (await cdo.get('/api/measures/9')).body as Row;
    const before = await dbChecksum(t.db);

    const res = await cdo.put('/api/measures/9').send({ ...read, version: (read.version as number) + 5 });

    expect(res.status).toBe(409);
    expect(await dbChecksum(t.db)).toEqual(before);
  });

  it('does not resurrect a record deleted while a stale PUT was on its way', async () => {
    const cdo = await t.as('cdo');
    const created = (await cdo.post('/api/partners').send(await createBody(t.db, 'partners'))).body as Row;

    const [del, put] = await Promise.all([
      cdo.delete(`/api/partners/${created.id}`),
      cdo.put(`/api/partners/${created.id}`).send({ ...created, notes: 'Zu spät' }),
    ]);

    expect(del.status).toBe(200);
    expect([200, 404]).toContain(put.status);
    expect(
      await t
        .db('partners')
        .where('id', created.id as number)
        .first(),
    ).toBeUndefined();
  });

  it('updateMany with one version for records of different versions changes only the matching one', async () => {
    const cdo = await t.as('cdo');
    const a = (await cdo.post('/api/partners').send(await createBody(t.db, 'partners'))).body as Row;
    const b = (await cdo.post('/api/partners').send(await createBody(t.db, 'partners'))).body as Row;
    await cdo
      .put(`/api/partners/${b.id}`)
      .send({ ...b, notes: 'Inzwischen geändert' })
      .expect(200);

    // ra-data-simple-rest's updateMany: one PUT per id, all with the same body.
    const [ra, rb] = await Promise.all(
      [a, b].map((r) => cdo.put(`/api/partners/${r.id}`).send({ version: 1, city: 'Koblenz' })),
    );

    expect([ra!.status, rb!.status]).toEqual([200, 409]);
    const stored = (await t
      .db('partners')
      .where('id', b.id as number)
      .first()) as Row;
    expect(stored).toMatchObject({ notes: 'Inzwischen geändert', city: b.city, version: 2 });
  });
});

describe('DELETE with the version read (If-Match)', () => {
  const newPartner = async (name: string) =>
    (
      await (
        await t.as('cdo')
      )
        .post('/api/partners')
        .send({ ...(await createBody(t.db, 'partners')), name })
        .expect(201)
    ).body as Row;

  it('refuses to delete a record changed since it was read: 409, the record and its change stay', async () => {
    const cdo = await t.as('cdo');
    const read = await newPartner('Gelesen und geändert GmbH');
    await cdo
      .put(`/api/partners/${read.id}`)
      .send({ ...read, notes: 'Inzwischen geändert' })
      .expect(200);
    const before = await dbChecksum(t.db);

    const res = await cdo.delete(`/api/partners/${read.id}`).set('If-Match', `"${read.version}"`);

    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/zwischenzeitlich .* geändert und daher nicht gelöscht/);
    expect(await dbChecksum(t.db)).toEqual(before);
  });

  it('deletes with the current version, with If-Match *, and without If-Match as before', async () => {
    const cdo = await t.as('cdo');
    const current = await newPartner('Aktuell gelesen GmbH');
    const any = await newPartner('Jede Version GmbH');
    const other = await newPartner('Ohne Vorbedingung GmbH');

    await cdo.delete(`/api/partners/${current.id}`).set('If-Match', `"${current.version}"`).expect(200);
    await cdo.delete(`/api/partners/${any.id}`).set('If-Match', '*').expect(200);
    await cdo.delete(`/api/partners/${other.id}`).expect(200);

    expect(
      await t
        .db('partners')
        .whereIn('id', [current.id as number, any.id as number, other.id as number])
        .first(),
    ).toBeUndefined();
  });

  it.each(['abc', '"-1"', '"1.5"'])('answers 400 for If-Match %s, and deletes nothing', async (value) => {
    const cdo = await t.as('cdo');
    const read = await newPartner(`If-Match ${value} GmbH`);

    const res = await cdo.delete(`/api/partners/${read.id}`).set('If-Match', value);

    expect(res.status).toBe(400);
    expect(
      await t
        .db('partners')
        .where('id', read.id as number)
        .first(),
    ).toBeDefined();
  });
});
