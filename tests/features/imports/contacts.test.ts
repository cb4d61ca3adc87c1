import { testApp, type Agent, type TestApp } from '../../support/app';
import { dbChecksum } from '../../support/checksum';
import { cp1252, csv, upload, type Report } from './helpers';

let t: TestApp;
let guide: Agent;
beforeAll(async () => {
  t = await testApp();
  guide = await t.as('guide');
});
afterAll(async () => t?.close());

const HEADER = ['Kommune', 'Datum', 'Kontaktweg', 'Gesprächspartner/in', 'Thema', 'Notizen', 'Maßnahmen'];
const asCsv = (rows: (string | null)[][]) => cp1252(csv([HEADER, ...rows]));
const opts = { type: 'text/csv', fileName: 'Kontakte Oktober.csv' };

describe('POST /api/imports/contacts (a guide, Windows-1252 CSV)', () => {
  it('imports umlauts intact and finds the same entries again on the second run', async () => {
    const file = asCsv([
      [
        'Weißenthurm',
        '07.10.2026',
        'Vor-Ort-Termin',
        'Jürgen Müßig',
        'Straßenbeleuchtung – Größe ändern',
        'Öffnungszeiten prüfen',
        'M-01',
      ],
      ['VG Pellenz', '2026-10-08', 'telefon', null, 'Rückruf Bürgerbüro', null, null],
    ]);
    const res = await upload(guide, 'contacts', file, { ...opts, dryRun: false });
    expect(res.status).toBe(200);
    expect((res.body as Report).summary).toMatchObject({ create: 2, error: 0 });
    const stored = await t.db('contacts').where('topic', 'Straßenbeleuchtung – Größe ändern').first();
    expect(stored).toMatchObject({
      person_name: 'Jürgen Müßig',
      notes: 'Öffnungszeiten prüfen',
      channel: 'on_site',
      contact_on: '2026-10-07',
    });
    const me = await t.db('users').where('email', 'lotsin1@myk10.example').first();
    expect(stored.author_id).toBe(me.id);
    const linked = await t.db('contact_measures').where('contact_id', stored.id);
    expect(linked).toHaveLength(1);
    const audit = await t.db('audit_entries').where({ resource: 'contacts', record_id: stored.id }).first();
    expect(audit.source).toBe('Import: Kontakte Oktober.csv');

    const again = (await upload(guide, 'contacts', file, opts)).body as Report;
    expect(again.summary).toMatchObject({ create: 0, update: 0, unchanged: 2 });
  });

  it('refuses a row for a municipality the guide does not look after, at that row, and writes nothing', async () => {
    const file = asCsv([
      ['Andernach', '09.10.2026', 'E-Mail', 'A. Beispiel', 'Fördergespräch', null, null],
      ['Mayen', '09.10.2026', 'E-Mail', 'B. Beispiel', 'Fremde Kommune', null, null],
    ]);
    const checksum = await dbChecksum(t.db);
    const res = await upload(guide, 'contacts', file, { ...opts, dryRun: false });
    expect(res.status).toBe(422);
    const bad = (res.body as Report).rows.find((r) => r.action === 'error')!;
    expect(bad.row).toBe(3);
    expect(bad.errors.municipality_id).toMatch(/eigenen Kommunen/);
    expect(await dbChecksum(t.db)).toEqual(checksum);
  });

  it('names an unknown municipality and a bad date at their cells', async () => {
    const file = asCsv([['Atlantis', '32.10.2026', 'Brieftaube', null, 'x', null, 'M-999']]);
    const [row] = ((await upload(guide, 'contacts', file, opts)).body as Report).rows;
    expect(row!.errors).toMatchObject({
      municipality_id: expect.stringMatching(/Atlantis/),
      contact_on: expect.stringMatching(/Datum/),
      channel: expect.stringMatching(/Brieftaube/),
      measure_ids: expect.stringMatching(/M-999/),
    });
  });

  it('answers 403 for steering staff, who may only read contacts', async () => {
    const steering = await t.as('steering');
    expect((await upload(steering, 'contacts', asCsv([]), opts)).status).toBe(403);
  });
});
