import { visibleChanges } from '../../api/rest/audit';
import { money, text } from '../../api/rest/fields';
import { defineResource } from '../../api/rest/resource';
import { DEMO_EMAIL, testApp, type TestApp } from '../support/app';
import { dbChecksum } from '../support/checksum';
import { createBody, type Body } from '../support/fixtures';

/** Every write leaves one audit row (who, what, which record, field → [old, new]) in its own transaction. */

type Row = Record<string, unknown>;

let t: TestApp;
let userId: (email: string) => Promise<number>;

beforeAll(async () => {
  t = await testApp();
  userId = async (email) => ((await t.db('users').where({ email }).first('id')) as { id: number }).id;
});
afterAll(async () => t?.close());

const auditRows = (resource: string, id: number) =>
  t.db('audit_entries').where({ resource, record_id: id }).orderBy('id') as Promise<Row[]>;
const auditCount = async () =>
  Number(((await t.db('audit_entries').count({ n: '*' })) as [{ n: number }])[0].n);

describe('audit rows for writes', () => {
  it('POST writes one create row with the writer, resource, record id and [null, new] per field', async () => {
    const steering = await t.as('steering');
    const body = await createBody(t.db, 'measures');

    const res = await steering.post('/api/measures').send(body);

    const rows = await auditRows('measures', res.body.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'create',
      resource: 'measures',
      record_id: res.body.id,
      user_id: await userId(DEMO_EMAIL.steering),
    });
    const changes = rows[0]!.changes as Record<string, [unknown, unknown]>;
    expect(changes.code).toEqual([null, body.code]);
    expect(changes.title).toEqual([null, body.title]);
    expect(changes.budget_cents).toEqual([null, body.budget_cents]);
    expect(changes.municipality_ids).toEqual([null, body.municipality_ids]);
  });

  it('stamps the row with the time of the write', async () => {
    const cdo = await t.as('cdo');
    const { rows } = (await t.db.raw('select now() as now')) as { rows: { now: string }[] };

    const res = await cdo.post('/api/partners').send(await createBody(t.db, 'partners'));

    const [row] = await auditRows('partners', res.body.id);
    expect(Math.abs(Date.parse(row!.at as string) - Date.parse(rows[0]!.now))).toBeLessThan(60_000);
  });

  it('PUT writes one update row with [old, new] for exactly the changed fields', async () => {
    const cdo = await t.as('cdo');
    const before = (await cdo.get('/api/measures/2')).body as Row;

    await cdo
      .put('/api/measures/2')
      .send({ ...before, title: 'Neuer Titel', progress: 99 })
      .expect(200);

    const rows = (await auditRows('measures', 2)).filter((r) => r.action === 'update');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.user_id).toBe(await userId(DEMO_EMAIL.cdo));
    expect(rows[0]!.changes).toEqual({
      title: [before.title, 'Neuer Titel'],
      progress: [before.progress, 99],
    });
  });

  it('records a changed link (municipality_ids) as [old ids, new ids]', async () => {
    const cdo = await t.as('cdo');
    const before = (await cdo.get('/api/measures/3')).body as Row;
    const old = before.municipality_ids as number[];
    const extra = ((await t.db('municipalities').pluck('id')) as number[]).find((id) => !old.includes(id))!;
    const next = [...old, extra].sort((a, b) => a - b);

    await cdo
      .put('/api/measures/3')
      .send({ ...before, municipality_ids: next })
      .expect(200);

    const [row] = (await auditRows('measures', 3)).filter((r) => r.action === 'update');
    expect(row!.changes).toEqual({ municipality_ids: [before.municipality_ids, next] });
  });

  it('records nothing of read-only or derived fields sent back in a PUT', async () => {
    const cdo = await t.as('cdo');
    const before = (await cdo.get('/api/measures/4')).body as Row;

    await cdo
      .put('/api/measures/4')
      .send({
        ...before,
        spent_cents: 1,
        overdue_milestones: 9,
        created_at: '2000-01-01T00:00:00Z',
        summary: 'Kurz',
      })
      .expect(200);

    const [row] = (await auditRows('measures', 4)).filter((r) => r.action === 'update');
    expect(Object.keys(row!.changes as Row)).toEqual(['summary']);
  });

  it('DELETE writes one delete row with [old, null] per field', async () => {
    const cdo = await t.as('cdo');
    const created = (await cdo.post('/api/partners').send(await createBody(t.db, 'partners'))).body as Row;

    await cdo.delete(`/api/partners/${created.id}`).expect(200);

    const rows = await auditRows('partners', created.id as number);
    expect(rows.map((r) => r.action)).toEqual(['create', 'delete']);
    const changes = rows[1]!.changes as Record<string, [unknown, unknown]>;
    expect(changes.name).toEqual([created.name, null]);
    expect(changes.sector).toEqual([created.sector, null]);
  });

  it('records the guide as the writer of her contact', async () => {
    const guide = await t.as('guide');
    const me = (await guide.get('/api/auth/me')).body as { id: number; municipality_ids: number[] };

    const res = await guide.post('/api/contacts').send(await createBody(t.db, 'contacts', { guide: me }));

    const [row] = await auditRows('contacts', res.body.id);
    expect(row).toMatchObject({ action: 'create', user_id: me.id });
  });

  it('never records a password or its hash when a user is created or changed', async () => {
    const cdo = await t.as('cdo');
    const created = (await cdo.post('/api/users').send(await createBody(t.db, 'users'))).body as Row;
    await cdo
      .put(`/api/users/${created.id}`)
      .send({ ...created, password: 'Ein-ganz-neues-Passwort-1' })
      .expect(200);

    const rows = await auditRows('users', created.id as number);

    expect(rows.map((r) => r.action)).toEqual(['create', 'update']);
    const text = JSON.stringify(rows.map((r) => r.changes));
    expect(text).not.toMatch(/\$argon2|password_hash|Testpasswort|Ein-ganz-neues/);
  });
});

describe('failed writes leave no audit row', () => {
  it('a body that fails validation', async () => {
    const cdo = await t.as('cdo');
    const before = await auditCount();

    const res = await cdo
      .post('/api/measures')
      .send(await createBody(t.db, 'measures').then((b) => ({ ...b, progress: 101 })));

    expect(res.status).toBe(400);
    expect(await auditCount()).toBe(before);
  });

  it('a create whose second statement fails: neither the record nor an audit row remains', async () => {
    const cdo = await t.as('cdo');
    const body: Body = { ...(await createBody(t.db, 'measures')), municipality_ids: [999_999] };
    const before = await dbChecksum(t.db);

    const res = await cdo.post('/api/measures').send(body);

    expect(res.status).toBe(400);
    expect(
      await t
        .db('measures')
        .where('code', body.code as string)
        .first(),
    ).toBeUndefined();
    expect(await dbChecksum(t.db)).toEqual(before);
  });

  it('an update with a stale version', async () => {
    const cdo = await t.as('cdo');
    const read = (await cdo.get('/api/measures/5')).body as Row;
    await cdo
      .put('/api/measures/5')
      .send({ ...read, title: 'Erster' })
      .expect(200);
    const before = await auditCount();

    const res = await cdo.put('/api/measures/5').send({ ...read, title: 'Zweiter' });

    expect(res.status).toBe(409);
    expect(await auditCount()).toBe(before);
  });

  it('a delete of a row that others reference', async () => {
    const cdo = await t.as('cdo');
    const before = await auditCount();

    const res = await cdo.delete('/api/fields_of_action/1');

    expect(res.status).toBe(409);
    expect(await auditCount()).toBe(before);
  });

  it('a write the role may not do', async () => {
    const viewer = await t.as('viewer');
    const before = await auditCount();

    const res = await viewer.post('/api/partners').send(await createBody(t.db, 'partners'));

    expect(res.status).toBe(403);
    expect(await auditCount()).toBe(before);
  });
});

describe('GET /api/audit_entries', () => {
  it('filters by resource and record_id', async () => {
    const cdo = await t.as('cdo');
    const created = (await cdo.post('/api/milestones').send(await createBody(t.db, 'milestones')))
      .body as Row;
    await cdo
      .put(`/api/milestones/${created.id}`)
      .send({ ...created, notes: 'geändert' })
      .expect(200);
    const expected = (await t
      .db('audit_entries')
      .where({ resource: 'milestones', record_id: created.id })
      .pluck('id')) as number[];

    const res = await cdo.get(
      `/api/audit_entries?filter=${encodeURIComponent(JSON.stringify({ resource: 'milestones', record_id: created.id }))}`,
    );

    expect(res.status).toBe(200);
    expect(expected).toHaveLength(2);
    expect((res.body as Row[]).map((r) => r.id).sort()).toEqual([...expected].sort());
    expect(res.headers['content-range']).toMatch(/\/2$/);
  });

  it('lists the newest entry first by default', async () => {
    const cdo = await t.as('cdo');

    const res = await cdo.get('/api/audit_entries?range=[0,49]');

    const at = (res.body as Row[]).map((r) => r.at as string);
    expect(at.length).toBeGreaterThan(1);
    expect([...at].sort().reverse()).toEqual(at);
  });

  it('filters by action and user', async () => {
    const cdo = await t.as('cdo');
    const cdoId = await userId(DEMO_EMAIL.cdo);
    const expected = Number(
      (
        (await t.db('audit_entries').where({ action: 'delete', user_id: cdoId }).count({ n: '*' })) as [
          { n: number },
        ]
      )[0].n,
    );

    const res = await cdo.get(
      `/api/audit_entries?filter=${encodeURIComponent(JSON.stringify({ action: 'delete', user_id: cdoId }))}&range=[0,99]`,
    );

    expect(expected).toBeGreaterThan(0);
    expect(res.body).toHaveLength(expected);
  });

  it('cannot be changed or deleted through the API, not even by the CDO', async () => {
    const cdo = await t.as('cdo');
    const entry = (await t.db('audit_entries').first().orderBy('id')) as Row;
    const before = await dbChecksum(t.db);

    const put = await cdo.put(`/api/audit_entries/${entry.id}`).send({ ...entry, action: 'delete' });
    const del = await cdo.delete(`/api/audit_entries/${entry.id}`);

    expect([put.status, del.status]).toEqual([403, 403]);
    expect(await dbChecksum(t.db)).toEqual(before);
  });
});

describe('audit entries follow the read rights of the resource they describe', () => {
  const list = (agent: Awaited<ReturnType<TestApp['as']>>, filter: Row) =>
    agent.get(`/api/audit_entries?range=[0,999]&filter=${encodeURIComponent(JSON.stringify(filter))}`);
  let contactEntry: number;

  beforeAll(async () => {
    const guide = await t.as('guide');
    const me = (await guide.get('/api/auth/me')).body as { id: number; municipality_ids: number[] };
    const contact = await guide.post('/api/contacts').send({
      ...(await createBody(t.db, 'contacts', { guide: me })),
      notes: 'Vertraulich: Bürgermeisterin',
    });
    expect(contact.status).toBe(201);
    const link = await guide
      .post('/api/contact_measures')
      .send(await createBody(t.db, 'contact_measures', { guide: me }));
    expect(link.status).toBe(201);
    contactEntry = (
      (await t
        .db('audit_entries')
        .where({ resource: 'contacts', record_id: contact.body.id })
        .first('id')) as {
        id: number;
      }
    ).id;
  });

  it('funding staff (no read right on contacts) see no contact entries, by filter or by id', async () => {
    const funding = await t.as('funding');

    const byFilter = await list(funding, { resource: 'contacts' });
    const links = await list(funding, { resource: 'contact_measures' });
    const byId = await funding.get(`/api/audit_entries/${contactEntry}`);

    expect([byFilter.status, byFilter.body, byFilter.headers['content-range']]).toEqual([
      200,
      [],
      'audit_entries */0',
    ]);
    expect(links.body).toEqual([]);
    expect(byId.status).toBe(404);
    expect(JSON.stringify(byId.body)).not.toContain('Vertraulich');
  });

  it('the unfiltered list and its total hold only entries of resources the role may read', async () => {
    const funding = await t.as('funding');
    const expected = Number(
      (
        (await t
          .db('audit_entries')
          .whereNotIn('resource', ['contacts', 'contact_measures'])
          .count({ n: '*' })) as [{ n: number }]
      )[0].n,
    );

    const page = await funding.get('/api/audit_entries?range=[0,9]');
    const all = await funding.get('/api/audit_entries?range=[0,999]');

    expect(page.headers['content-range']).toBe(`audit_entries 0-9/${expected}`);
    expect(all.body).toHaveLength(expected);
    expect(
      (all.body as Row[]).filter((r) => ['contacts', 'contact_measures'].includes(r.resource as string)),
    ).toEqual([]);
    expect(
      (await list(funding, { resource: ['contacts', 'measures'] })).body.every(
        (r: Row) => r.resource === 'measures',
      ),
    ).toBe(true);
  });

  it.each(['cdo', 'steering'] as const)('%s (may read contacts) sees the contact entries', async (role) => {
    const agent = await t.as(role);

    const byFilter = await list(agent, { resource: 'contacts' });
    const byId = await agent.get(`/api/audit_entries/${contactEntry}`);

    expect((byFilter.body as Row[]).map((r) => r.id)).toContain(contactEntry);
    expect(byId.status).toBe(200);
    expect((byId.body.changes as Record<string, unknown>).notes).toEqual([
      null,
      'Vertraulich: Bürgermeisterin',
    ]);
  });

  it('changes show only fields the role may read: readRoles fields hidden, write-only and undeclared ones never', async () => {
    const cdoId = await userId(DEMO_EMAIL.cdo);
    const [{ id: municipal }] = (await t
      .db('audit_entries')
      .insert({
        user_id: cdoId,
        action: 'update',
        resource: 'municipalities',
        record_id: 1,
        changes: JSON.stringify({ seat: ['A', 'B'], last_contact_on: ['2026-01-01', '2026-02-02'] }),
      })
      .returning('id')) as [{ id: number }];
    const [{ id: user }] = (await t
      .db('audit_entries')
      .insert({
        user_id: cdoId,
        action: 'update',
        resource: 'users',
        record_id: cdoId,
        changes: JSON.stringify({
          name: ['X', 'Y'],
          password: [null, 'geheim'],
          password_hash: ['$argon2id$a', '$argon2id$b'],
        }),
      })
      .returning('id')) as [{ id: number }];

    const funding = await t.as('funding');
    const steering = await t.as('steering');

    // last_contact_on is readable for contact readers only (CONTACT_READERS); funding staff are not.
    expect((await funding.get(`/api/audit_entries/${municipal}`)).body.changes).toEqual({ seat: ['A', 'B'] });
    expect(
      (await list(funding, { resource: 'municipalities', record_id: 1 })).body.find(
        (r: Row) => r.id === municipal,
      ).changes,
    ).toEqual({ seat: ['A', 'B'] });
    expect((await steering.get(`/api/audit_entries/${municipal}`)).body.changes).toEqual({
      seat: ['A', 'B'],
      last_contact_on: ['2026-01-01', '2026-02-02'],
    });
    for (const agent of [funding, steering, await t.as('cdo')])
      expect((await agent.get(`/api/audit_entries/${user}`)).body.changes).toEqual({ name: ['X', 'Y'] });
  });

  it('visibleChanges hides a money field with readRoles from other roles and every write-only field', () => {
    const def = defineResource({
      name: 'probe',
      fields: {
        title: text(20),
        amount_cents: money({ readRoles: ['cdo', 'funding'] }),
        secret: { ...text(20), writeOnly: true },
      },
      defaultSort: ['id', 'ASC'],
      access: { read: ['cdo', 'steering', 'funding'], write: ['cdo'] },
    });
    const changes = { title: ['a', 'b'], amount_cents: [1, 2], secret: ['x', 'y'], constructor: [1, 2] };

    expect(visibleChanges(def, changes, 'steering')).toEqual({ title: ['a', 'b'] });
    expect(visibleChanges(def, changes, 'funding')).toEqual({ title: ['a', 'b'], amount_cents: [1, 2] });
    expect(visibleChanges(def, null, 'cdo')).toEqual({});
  });
});
