import type { Knex } from 'knex';
import { retentionCutoff, runRetention } from '../../../api/features/privacy/retention';
import { testApp, type TestApp } from '../../support/app';

// Restores and migrations take their time on a busy two-core machine.
jest.setTimeout(300_000);
let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

async function contactRow(db: Knex, fields: Record<string, unknown>): Promise<number> {
  const municipality = (await db('municipalities').orderBy('id').first('id')) as { id: number };
  const author = (await db('users').where('role', 'guide').orderBy('id').first('id')) as { id: number };
  const [row] = (await db('contacts')
    .insert({
      municipality_id: municipality.id,
      author_id: author.id,
      channel: 'phone',
      person_name: 'Wiebke Rentenfrist',
      person_role: 'Bürgermeisterin',
      topic: 'Gespräch mit Wiebke Rentenfrist',
      notes: 'Rückruf bei Wiebke',
      ...fields,
    })
    .returning('id')) as { id: number }[];
  return row!.id;
}

const get = (db: Knex, id: number) =>
  db('contacts').where({ id }).first() as Promise<Record<string, unknown>>;

describe('retentionCutoff', () => {
  it('goes back the given months, clamped to the end of a shorter month', () => {
    expect(retentionCutoff('2026-03-30', 36)).toBe('2023-03-30');
    expect(retentionCutoff('2026-05-31', 3)).toBe('2026-02-28');
    expect(retentionCutoff('2028-03-01', 1)).toBe('2028-02-01');
  });
});

describe('runRetention', () => {
  const today = '2030-06-15'; // cutoff 2027-06-15: none of the demo contacts is dated that late

  it('leaves the statistics unchanged: contacts per municipality and the links to measures', async () => {
    const perMunicipality = () =>
      t
        .db('contacts')
        .select('municipality_id')
        .count({ n: '*' })
        .groupBy('municipality_id')
        .orderBy('municipality_id');
    const links = () =>
      t.db('contact_measures').select('contact_id', 'measure_id').orderBy(['contact_id', 'measure_id']);
    const before = [await perMunicipality(), await links()];
    const result = await runRetention(t.db, '2040-01-01', 36);
    expect(result.anonymised).toBeGreaterThan(10); // the demo contacts (the first run of this file)
    expect([await perMunicipality(), await links()]).toEqual(before);
  });

  it('anonymises a contact one day past its retention period and keeps the one on the boundary day', async () => {
    const past = await contactRow(t.db, { contact_on: '2027-06-14' });
    const boundary = await contactRow(t.db, { contact_on: '2027-06-15' });
    await runRetention(t.db, today, 36);
    expect(await get(t.db, past)).toMatchObject({
      person_name: null,
      person_role: null,
      notes: null,
      topic: '[anonymisiert]',
      channel: 'phone',
      contact_on: '2027-06-14',
    });
    expect((await get(t.db, past)).anonymised_at).not.toBeNull();
    expect(await get(t.db, boundary)).toMatchObject({
      person_name: 'Wiebke Rentenfrist',
      anonymised_at: null,
    });
  });

  it('holds back a contact with an open follow-up and takes one whose follow-up is done', async () => {
    const open = await contactRow(t.db, { contact_on: '2020-01-10', follow_up_on: '2020-02-01' });
    const done = await contactRow(t.db, {
      contact_on: '2020-01-10',
      follow_up_on: '2020-02-01',
      follow_up_done: true,
    });
    await runRetention(t.db, today, 36);
    expect(await get(t.db, open)).toMatchObject({ person_name: 'Wiebke Rentenfrist', anonymised_at: null });
    expect(await get(t.db, done)).toMatchObject({ person_name: null });
  });

  it('scrubs the audit trail of the personal fields in the same run and records the run without them', async () => {
    const cdo = await t.as('cdo');
    const municipality = (await t.db('municipalities').orderBy('id').first('id')) as { id: number };
    const created = await cdo.post('/api/contacts').send({
      municipality_id: municipality.id,
      contact_on: '2024-02-01',
      channel: 'video',
      person_name: 'Ottokar Prüfling',
      topic: 'Termin mit Ottokar Prüfling',
      notes: 'Ottokar ruft zurück',
    });
    expect(created.status).toBe(201);
    const id = created.body.id as number;
    const updated = await cdo
      .put(`/api/contacts/${id}`)
      .send({ ...created.body, notes: 'Ottokar Prüfling hat zurückgerufen' });
    expect(updated.status).toBe(200);

    const result = await runRetention(t.db, '2027-02-02', 36);
    expect(result.anonymised).toBeGreaterThanOrEqual(1);
    const trail = (await t
      .db('audit_entries')
      .where({ resource: 'contacts', record_id: id })
      .orderBy('id')) as { action: string; changes: Record<string, unknown> }[];
    expect(JSON.stringify(trail)).not.toMatch(/Ottokar|Prüfling/);
    expect(trail[0]!.changes.person_name).toEqual(['[anonymisiert]', '[anonymisiert]']);
    expect(trail[0]!.changes.contact_on).toEqual([null, '2024-02-01']); // not personal: kept
    expect(trail.at(-1)!.changes).toEqual({
      anonymised: [null, 'Aufbewahrungsfrist (36 Monate) abgelaufen'],
    });
  });

  it('is idempotent: a second run on the same day anonymises nothing', async () => {
    await runRetention(t.db, '2040-01-02', 36);
    expect((await runRetention(t.db, '2040-01-02', 36)).anonymised).toBe(0);
  });
});

describe('GET /api/privacy/retention', () => {
  it('previews for the CDO how many contacts the run of a day would anonymise', async () => {
    await contactRow(t.db, { contact_on: '2041-01-01' });
    const res = await (await t.as('cdo')).get('/api/privacy/retention?on=2044-01-03');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ months: 36, on: '2044-01-03', cutoff: '2041-01-03', count: 1 });
  });

  it('answers 400 for a malformed date', async () => {
    const res = await (await t.as('cdo')).get('/api/privacy/retention?on=morgen');
    expect(res.status).toBe(400);
  });

  it.each(['steering', 'funding', 'guide', 'viewer'] as const)(
    'refuses the role %s with 403',
    async (role) => {
      const res = await (await t.as(role)).get('/api/privacy/retention');
      expect(res.status).toBe(403);
    },
  );

  it('refuses an anonymous caller with 401', async () => {
    expect((await t.anonymous().get('/api/privacy/retention')).status).toBe(401);
  });
});
