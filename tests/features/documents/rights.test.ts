import crypto from 'node:crypto';
import { testApp, type Agent, type TestApp } from '../../support/app';

/**
 * Rights follow the parent record (#17): reading where the record is readable, attaching and deleting where it is
 * writable, with the parent's row rules (a guide changes only her own contacts).
 */

let t: TestApp;
const ids: Record<string, number> = {};
beforeAll(async () => {
  t = await testApp();
  const first = async (table: string, where: Record<string, unknown> = {}) =>
    ((await t.db(table).first('id').where(where).orderBy('id')) as { id: number }).id;
  const user = async (email: string) => first('users', { email });
  ids.tranche = await first('tranches');
  ids.measure = await first('measures');
  ids.grant = await first('grants');
  ids.ownContact = await first('contacts', { author_id: await user('lotsin1@myk10.example') });
  ids.otherContact = await first('contacts', { author_id: await user('lotsin2@myk10.example') });
});
afterAll(async () => t?.close());

const pdf = () => Buffer.from(`%PDF-1.4\n${crypto.randomUUID()}\n`);

function upload(agent: Agent, resource: string, recordId: number) {
  return agent
    .post('/api/documents')
    .set('X-Requested-With', 'XMLHttpRequest')
    .field('resource', resource)
    .field('record_id', String(recordId))
    .field('kind', 'other')
    .attach('file', pdf(), 'dokument.pdf');
}

/** A document stored by the CDO (who may write everywhere) on a record. */
async function documentOn(resource: string, recordId: number): Promise<number> {
  const res = await upload(await t.as('cdo'), resource, recordId);
  if (res.status !== 201) throw new Error(`upload ${resource}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as number;
}

describe('uploading follows the write right of the record', () => {
  it.each([
    ['cdo', 'tranches', 'tranche', 201],
    ['funding', 'tranches', 'tranche', 201],
    ['steering', 'tranches', 'tranche', 403],
    ['guide', 'tranches', 'tranche', 403],
    ['viewer', 'tranches', 'tranche', 403],
    ['steering', 'measures', 'measure', 201],
    ['funding', 'measures', 'measure', 403],
    ['guide', 'measures', 'measure', 403],
    ['funding', 'grants', 'grant', 201],
    ['guide', 'contacts', 'ownContact', 201],
    ['guide', 'contacts', 'otherContact', 403],
    ['funding', 'contacts', 'ownContact', 403],
    ['steering', 'contacts', 'ownContact', 403],
    ['viewer', 'contacts', 'ownContact', 403],
  ] as const)('%s on %s (%s) → %i', async (role, resource, key, status) => {
    const before = (await t.db('documents').count({ n: '*' }))[0] as { n: number };

    const res = await upload(await t.as(role), resource, ids[key]!);

    expect(res.status).toBe(status);
    const after = (await t.db('documents').count({ n: '*' }))[0] as { n: number };
    expect(Number(after.n) - Number(before.n)).toBe(status === 201 ? 1 : 0);
  });
});

describe('reading follows the read right of the record', () => {
  let trancheDoc: number;
  let ownContactDoc: number;
  let otherContactDoc: number;
  let measureDoc: number;
  beforeAll(async () => {
    trancheDoc = await documentOn('tranches', ids.tranche!);
    ownContactDoc = await documentOn('contacts', ids.ownContact!);
    otherContactDoc = await documentOn('contacts', ids.otherContact!);
    measureDoc = await documentOn('measures', ids.measure!);
  });

  it.each([
    ['viewer', 'trancheDoc', 200],
    ['steering', 'trancheDoc', 200],
    ['guide', 'trancheDoc', 404],
    ['funding', 'ownContactDoc', 404],
    ['viewer', 'ownContactDoc', 404],
    ['steering', 'ownContactDoc', 200],
    ['guide', 'ownContactDoc', 200],
    ['guide', 'measureDoc', 200],
    ['viewer', 'measureDoc', 200],
  ] as const)('%s reads %s (record and file) → %i', async (role, key, status) => {
    const id = { trancheDoc, ownContactDoc, otherContactDoc, measureDoc }[key];
    const agent = await t.as(role);

    expect((await agent.get(`/api/documents/${id}`)).status).toBe(status);
    expect((await agent.get(`/api/documents/${id}/file`)).status).toBe(status);
  });

  it('lists for each role only documents of records it may read', async () => {
    const list = async (role: 'guide' | 'funding' | 'viewer') =>
      ((await (await t.as(role)).get('/api/documents?range=[0,999]')).body as { resource: string }[]).map(
        (d) => d.resource,
      );

    expect(new Set(await list('guide'))).toEqual(new Set(['contacts', 'measures']));
    expect(await list('funding')).not.toContain('contacts');
    expect(await list('viewer')).not.toContain('contacts');
    expect(await list('viewer')).toContain('tranches');
  });

  it('a filter on a parent the role may not read is refused (400) like any field it may not read', async () => {
    const filter = (f: Record<string, unknown>) =>
      `/api/documents?filter=${encodeURIComponent(JSON.stringify(f))}`;

    const guide = await (await t.as('guide')).get(filter({ tranche_id: ids.tranche }));
    const funding = await (await t.as('funding')).get(filter({ tranche_id: ids.tranche }));
    const fundingOnContacts = await (await t.as('funding')).get(filter({ contact_id: ids.ownContact }));

    expect(guide.status).toBe(400);
    expect(funding.status).toBe(200);
    expect(fundingOnContacts.status).toBe(400);
  });

  it('shows uploads in the audit log to those who may read the record, and to no one else', async () => {
    const onTranche = await documentOn('tranches', ids.tranche!);
    const onContact = await documentOn('contacts', ids.ownContact!);
    const entries = async (role: 'steering' | 'funding', id: number) => {
      const filter = JSON.stringify({ resource: 'documents', record_id: id });
      const res = await (await t.as(role)).get(`/api/audit_entries?filter=${encodeURIComponent(filter)}`);
      expect(res.status).toBe(200);
      return (res.body as { action: string }[]).map((e) => e.action);
    };

    expect(await entries('funding', onTranche)).toEqual(['create']);
    expect(await entries('steering', onTranche)).toEqual(['create']);
    expect(await entries('steering', onContact)).toEqual(['create']);
    // Funding staff read the audit log, but not contacts: nor the entries of their documents.
    expect(await entries('funding', onContact)).toEqual([]);
  });
});

describe('deleting follows the write right and row rule of the record', () => {
  it('a guide deletes a document on her own contact, not one on another guide’s contact', async () => {
    const own = await documentOn('contacts', ids.ownContact!);
    const other = await documentOn('contacts', ids.otherContact!);
    const guide = await t.as('guide');

    const refused = await guide.delete(`/api/documents/${other}`);
    const done = await guide.delete(`/api/documents/${own}`);

    expect(refused.status).toBe(403);
    expect(await t.db('documents').where('id', other)).toHaveLength(1);
    expect(done.status).toBe(200);
    expect(await t.db('documents').where('id', own)).toHaveLength(0);
  });

  it('a viewer and steering staff cannot delete a tranche document; funding staff can', async () => {
    const id = await documentOn('tranches', ids.tranche!);

    expect((await (await t.as('viewer')).delete(`/api/documents/${id}`)).status).toBe(403);
    expect((await (await t.as('steering')).delete(`/api/documents/${id}`)).status).toBe(403);
    expect((await (await t.as('guide')).delete(`/api/documents/${id}`)).status).toBe(404);
    expect((await (await t.as('funding')).delete(`/api/documents/${id}`)).status).toBe(200);
  });

  it('a document leaves with its record (a contact erased by the CDO takes its minutes along)', async () => {
    const contact = (
      await (await t.as('guide')).post('/api/contacts').send({
        municipality_id: (
          (await t.db('municipalities').first('id').where('name', 'like', '%Andernach%')) as { id: number }
        ).id,
        contact_on: '2026-11-30',
        channel: 'phone',
        topic: 'Dokumenten-Test',
      })
    ).body as { id: number };
    const id = await documentOn('contacts', contact.id);

    expect((await (await t.as('cdo')).delete(`/api/contacts/${contact.id}`)).status).toBe(200);
    expect(await t.db('documents').where('id', id)).toHaveLength(0);
    expect(await t.db('document_files').where('document_id', id)).toHaveLength(0);
  });
});

describe('without a session', () => {
  it('every documents route answers 401', async () => {
    const anon = t.anonymous();
    expect((await anon.get('/api/documents')).status).toBe(401);
    expect((await anon.get(`/api/documents/1/file`)).status).toBe(401);
    expect((await upload(anon, 'tranches', ids.tranche!)).status).toBe(401);
  });
});
