import type ExcelJS from 'exceljs';
import { testApp, type Agent, type TestApp } from '../../support/app';
import { dbChecksum } from '../../support/checksum';
import { csv, template, upload, xlsx, XLSX, type Report } from './helpers';

let t: TestApp;
let steering: Agent;
beforeAll(async () => {
  t = await testApp();
  steering = await t.as('steering');
});
afterAll(async () => t?.close());

const HEADER = [
  'Kennung',
  'Titel',
  'Handlungsfeld',
  'Phase',
  'Status',
  'Ampel',
  'Fortschritt',
  'Planbudget',
  'Beginn',
  'Federführende Kommune',
  'Beteiligte Kommunen',
];
const row = (code: string, over: Record<number, string | number | Date | null> = {}) => {
  const r: (string | number | Date | null)[] = [
    code,
    `Importierte Maßnahme ${code}`,
    'Mobilität',
    'Umsetzungsphase',
    'in Planung',
    'Grün',
    '40 %',
    '12.345,67 €',
    '01.03.2026',
    'Andernach',
    'Mayen, VG Maifeld',
  ];
  for (const [i, v] of Object.entries(over)) r[Number(i)] = v;
  return r;
};

describe('POST /api/imports/measures', () => {
  it('creates measures from a German xlsx, then a second import of the same file changes nothing', async () => {
    const file = await xlsx([HEADER, row('IMP-01'), row('IMP-02')]);
    const dry = (await upload(steering, 'measures', file)).body as Report;
    expect(dry.summary).toMatchObject({ rows: 2, create: 2, update: 0, unchanged: 0, error: 0 });
    expect(dry.rows[0]).toMatchObject({ row: 2, action: 'create', key: 'IMP-01' });
    expect(await t.db('measures').where('code', 'IMP-01').first()).toBeUndefined();

    const applied = await upload(steering, 'measures', file, { dryRun: false });
    expect(applied.status).toBe(200);
    const stored = await t.db('measures').where('code', 'IMP-01').first();
    expect(stored).toMatchObject({
      progress: 40,
      budget_cents: 1_234_567,
      status: 'planning',
      health: 'green',
    });
    const again = (await upload(steering, 'measures', file)).body as Report;
    expect(again.summary).toMatchObject({ create: 0, update: 0, unchanged: 2, error: 0 });
  });

  it('updates only the one changed cell, shows old → new and audits it with source "Import"', async () => {
    await upload(steering, 'measures', await xlsx([HEADER, row('IMP-10')]), { dryRun: false });
    const before = await t.db('measures').where('code', 'IMP-10').first();
    const changed = await xlsx([HEADER, row('IMP-10', { 5: 'Rot' })]);
    const dry = (await upload(steering, 'measures', changed)).body as Report;
    expect(dry.rows[0]).toMatchObject({ action: 'update', changes: { health: ['green', 'red'] } });
    expect(Object.keys(dry.rows[0]!.changes)).toEqual(['health']);

    const res = await upload(steering, 'measures', changed, { dryRun: false, fileName: 'Ampeln.xlsx' });
    expect(res.status).toBe(200);
    const after = await t.db('measures').where('code', 'IMP-10').first();
    expect(after).toMatchObject({
      ...before,
      health: 'red',
      version: before.version + 1,
      updated_at: after.updated_at,
    });
    const audit = await t
      .db('audit_entries')
      .where({ resource: 'measures', record_id: before.id })
      .orderBy('id', 'desc')
      .first();
    expect(audit).toMatchObject({ action: 'update', source: 'Import: Ampeln.xlsx' });
    expect(audit.changes).toEqual({ health: ['green', 'red'] });
  });

  it('refuses to apply a file with one bad row: 422 with row numbers, nothing written', async () => {
    const file = await xlsx([
      ['Maßnahmen des Landkreises'],
      [],
      HEADER,
      row('IMP-20'),
      row('IMP-21', { 2: 'Raumfahrt', 8: '31.02.2026' }),
    ]);
    const checksum = await dbChecksum(t.db);
    const res = await upload(steering, 'measures', file, { dryRun: false });
    expect(res.status).toBe(422);
    const report = res.body as Report;
    expect(report.summary).toMatchObject({ create: 1, error: 1 });
    const bad = report.rows.find((r) => r.action === 'error')!;
    expect(bad.row).toBe(5);
    expect(bad.errors.field_of_action_id).toMatch(/Raumfahrt/);
    expect(bad.errors.start_date).toMatch(/Datum/);
    expect(await dbChecksum(t.db)).toEqual(checksum);
  });

  it('reports a validation error of the API (progress above 100) at its field', async () => {
    const res = await upload(steering, 'measures', await xlsx([HEADER, row('IMP-30', { 6: 140 })]));
    expect((res.body as Report).rows[0]).toMatchObject({
      action: 'error',
      errors: { progress: 'Höchstens 100' },
    });
  });

  it('reads headers in any order, API field names, odd spaces, and warns about unknown and read-only columns', async () => {
    const file = csv([
      [
        '  titel ',
        'CODE',
        'field_of_action_id',
        'phase',
        'status',
        'health',
        'progress',
        'budget_cents',
        'Verspätet',
        'Lieblingsfarbe',
      ],
      [
        'Kleine Maßnahme',
        'IMP-40',
        'mobilität',
        'implementation',
        'Idee',
        'gelb',
        '0,65',
        '-',
        'nein',
        'blau',
      ],
    ]);
    const report = (await upload(steering, 'measures', file, { type: 'text/csv', fileName: 'm.csv' }))
      .body as Report;
    expect(report.summary).toMatchObject({ create: 1, error: 0 });
    expect(report.rows[0]!.changes).toMatchObject({
      progress: [null, 65],
      budget_cents: [null, 0],
      health: [null, 'amber'],
      status: [null, 'idea'],
    });
    expect(report.warnings.join(' ')).toMatch(/Lieblingsfarbe/);
    expect(report.warnings.join(' ')).toMatch(/Verspätet/);
  });

  it('reports a file without a recognisable header row clearly', async () => {
    const res = await upload(
      steering,
      'measures',
      await xlsx([
        ['a', 'b'],
        ['1', '2'],
      ]),
    );
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/Kopfzeile/);
  });

  it('reports a duplicate key within the file at the later row', async () => {
    const report = (await upload(steering, 'measures', await xlsx([HEADER, row('IMP-50'), row('imp-50 ')])))
      .body as Report;
    expect(report.rows[1]).toMatchObject({ row: 3, action: 'error' });
    expect(report.rows[1]!.errors.code).toMatch(/Zeile 2/);
  });
});

describe('import rights and file limits', () => {
  it('answers 403 for a role without the write right (funding staff cannot write measures)', async () => {
    const funding = await t.as('funding');
    const res = await upload(funding, 'measures', await xlsx([HEADER, row('IMP-60')]));
    expect(res.status).toBe(403);
  });

  it('answers 413 for a file above 10 MB and 415 for other types', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 10, 65);
    expect((await upload(steering, 'measures', big, { type: 'text/csv' })).status).toBe(413);
    expect(
      (await upload(steering, 'measures', Buffer.from('%PDF-1.4'), { type: 'application/pdf' })).status,
    ).toBe(415);
    expect((await steering.post('/api/imports/measures?dry_run=true').send({ a: 1 })).status).toBe(415);
    // A zip that claims to be CSV and a text file that claims to be xlsx are refused alike.
    const zip = await xlsx([HEADER]);
    expect((await upload(steering, 'measures', zip, { type: 'text/csv' })).status).toBe(415);
    expect((await upload(steering, 'measures', 'a;b\r\n', { type: XLSX })).status).toBe(415);
  });

  it('refuses what a cross-site form could send (text/plain, form data) and uploads from another site', async () => {
    const plain = await steering
      .post('/api/imports/measures')
      .set('Content-Type', 'text/plain')
      .send('Kennung\r\nX');
    expect(plain.status).toBe(403);
    const form = await steering.post('/api/imports/measures').type('form').send({ Kennung: 'X' });
    expect(form.status).toBe(403);
    const foreign = await upload(steering, 'measures', await xlsx([HEADER, row('IMP-80')]), {
      dryRun: false,
    }).set('Sec-Fetch-Site', 'cross-site');
    expect(foreign.status).toBe(403);
    expect(await t.db('measures').where('code', 'IMP-80').first()).toBeUndefined();
  });

  it('answers 404 for a resource that cannot be imported', async () => {
    const cdo = await t.as('cdo');
    expect((await upload(cdo, 'audit_entries', await xlsx([HEADER]))).status).toBe(404);
  });
});

describe('GET /api/imports/templates/:resource.xlsx', () => {
  it('serves a template with the UI labels, a selection list per enumeration and a notes sheet', async () => {
    const wb = await template(steering, 'measures');
    const [sheet, notes] = wb.worksheets;
    expect(sheet!.getRow(1).values).toEqual(
      expect.arrayContaining(['Kennung', 'Titel', 'Ampel', 'Planbudget']),
    );
    expect(notes!.name).toBe('Hinweise');
    const healthColumn = (sheet!.getRow(1).values as string[]).indexOf('Ampel');
    const validation = sheet!.getCell(2, healthColumn).dataValidation;
    expect(validation).toMatchObject({ type: 'list', formulae: ['"Grün,Gelb,Rot"'] });
  });

  it.each(['measures', 'milestones', 'partners', 'contacts', 'tranches', 'expenditures'])(
    'serves the %s template, which reads back as a file without rows',
    async (resource) => {
      const cdo = await t.as('cdo');
      const wb = await template(cdo, resource);
      expect(wb.worksheets.map((w) => w.name)).toContain('Hinweise');
      const file = Buffer.from(await wb.xlsx.writeBuffer());
      const res = await upload(cdo, resource, file);
      expect(res.status).toBe(200);
      expect((res.body as Report).summary.rows).toBe(0);
    },
  );

  it('answers 403 for the template of a resource the role may not write', async () => {
    const res = await (await t.as('viewer')).get('/api/imports/templates/measures.xlsx');
    expect(res.status).toBe(403);
  });

  it('round-trips: the filled template imports, and imports again with nothing to do', async () => {
    const wb = await template(steering, 'measures');
    const sheet = wb.worksheets[0]!;
    const header = sheet.getRow(1).values as string[];
    const set = (label: string, v: ExcelJS.CellValue) =>
      (sheet.getRow(2).getCell(header.indexOf(label)).value = v);
    set('Kennung', 'IMP-70');
    set('Titel', 'Aus der Vorlage');
    set('Handlungsfeld', 'Bildung');
    set('Phase', 'Strategiephase');
    set('Status', 'Idee');
    set('Ampel', 'Gelb');
    set('Fortschritt', 0.25);
    set('Planbudget', 5000.5);
    set('Beginn', new Date(Date.UTC(2026, 11, 24)));
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const applied = await upload(steering, 'measures', file, { dryRun: false });
    expect(applied.status).toBe(200);
    expect(await t.db('measures').where('code', 'IMP-70').first()).toMatchObject({
      progress: 25,
      budget_cents: 500_050,
      start_date: '2026-12-24',
    });
    expect(((await upload(steering, 'measures', file)).body as Report).summary).toMatchObject({
      create: 0,
      update: 0,
      unchanged: 1,
    });
  });
});
