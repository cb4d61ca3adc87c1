import crypto from 'node:crypto';
import { runRetention } from '../../../api/features/privacy/retention';
import { testApp, type TestApp } from '../../support/app';

/** A contact's documents are its personal content: retention and erasure take them along (#17 with #19). */

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t?.close());

async function contactWithDocument(contactOn: string, person: string) {
  const guide = await t.as('guide');
  const municipality = (
    (await t.db('municipalities').first('id').where('name', 'like', '%Andernach%')) as { id: number }
  ).id;
  const contact = (
    await guide.post('/api/contacts').send({
      municipality_id: municipality,
      contact_on: contactOn,
      channel: 'on_site',
      person_name: person,
      topic: 'Ortstermin',
    })
  ).body as { id: number };
  const doc = (
    await guide
      .post('/api/documents')
      .set('X-Requested-With', 'XMLHttpRequest')
      .field('resource', 'contacts')
      .field('record_id', String(contact.id))
      .field('kind', 'minutes')
      .field('title', `Protokoll Gespräch ${person}`)
      .attach('file', Buffer.from(`%PDF-1.4\n${person} ${crypto.randomUUID()}\n`), `Protokoll ${person}.pdf`)
  ).body as { id: number };
  return { contact: contact.id, doc: doc.id };
}

it('retention deletes the documents of the contacts it anonymises and scrubs their names from the audit', async () => {
  const old = await contactWithDocument('2019-03-01', 'Hildegard Quast');
  const recent = await contactWithDocument('2026-11-01', 'Gerlinde Quast');

  const result = await runRetention(t.db, '2026-12-04', 36);

  expect(result.anonymised).toBeGreaterThanOrEqual(1);
  expect(await t.db('documents').where('id', old.doc)).toEqual([]);
  expect(await t.db('document_files').where('document_id', old.doc)).toEqual([]);
  expect(await t.db('documents').where('id', recent.doc)).toHaveLength(1);
  const audit = await t.db('audit_entries').where({ resource: 'documents', record_id: old.doc });
  expect(JSON.stringify(audit)).not.toContain('Hildegard');
  const log = (await t.db('privacy_log').where('kind', 'retention').orderBy('id', 'desc').first()) as {
    counts: Record<string, number>;
  };
  expect(log.counts.documents).toBeGreaterThanOrEqual(1);
});

it('an erasure request (Art. 17) deletes the documents of the person’s contacts', async () => {
  const { contact, doc } = await contactWithDocument('2026-10-15', 'Waltraud Zimmerscheid');
  const cdo = await t.as('cdo');

  const res = await cdo
    .post('/api/privacy/subjects/erase')
    .send({ q: 'Waltraud Zimmerscheid', reason: 'Löschersuchen per E-Mail' });

  expect(res.status).toBe(200);
  expect(res.body.counts).toMatchObject({ contacts: 1, documents: 1 });
  expect(await t.db('documents').where('id', doc)).toEqual([]);
  expect(await t.db('contacts').where('id', contact)).toHaveLength(1);
  const audit = await t.db('audit_entries').where({ resource: 'documents', record_id: doc });
  expect(JSON.stringify(audit)).not.toContain('Zimmerscheid');
});
