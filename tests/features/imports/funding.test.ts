import { AppError } from '../../../api/errors';
import expenditures from '../../../api/features/funding/expenditures';
import type { SessionUser } from '../../../api/rest/resource';
import { createRecords } from '../../../api/rest/write';
import { testApp, type Agent, type TestApp } from '../../support/app';
import { createGrant, csv, upload, xlsx, type Report } from './helpers';

let t: TestApp;
let funding: Agent;
let fileNumber: string;
beforeAll(async () => {
  t = await testApp();
  funding = await t.as('funding');
  await createGrant(funding, 'IMP-2026/001', 'Importphase');
  fileNumber = 'IMP-2026/001';
});
afterAll(async () => t?.close());

const TRANCHES = [
  'Zuwendungsbescheid',
  'Nr.',
  'Haushaltsjahr',
  'Status',
  'Angefordert am',
  'Angefordert',
  'Eingegangen am',
  'Eingegangen',
  'Begründung',
];

describe('POST /api/imports/tranches', () => {
  it('creates tranches keyed by file number and number, then finds them unchanged', async () => {
    const file = await xlsx([
      TRANCHES,
      [
        fileNumber,
        1,
        2026,
        'eingegangen',
        new Date(Date.UTC(2026, 1, 2)),
        250000,
        '02.03.2026',
        '250.000,00 €',
        'Vorgriff auf das Folgejahr',
      ],
      [fileNumber, 2, 2026, 'angefordert', '01.06.2026', '1.500,5', null, null, 'Vorgriff'],
    ]);
    const res = await upload(funding, 'tranches', file, { dryRun: false });
    expect(res.status).toBe(200);
    const rows = await t
      .db('tranches')
      .join('grants', 'grants.id', 'tranches.grant_id')
      .where('file_number', fileNumber)
      .orderBy('number')
      .select('tranches.*');
    expect(
      rows.map((r) => [r.number, r.requested_cents, r.received_cents, r.requested_on, r.status]),
    ).toEqual([
      [1, 25_000_000, 25_000_000, '2026-02-02', 'received'],
      [2, 150_050, null, '2026-06-01', 'requested'],
    ]);
    expect(((await upload(funding, 'tranches', file)).body as Report).summary).toMatchObject({
      unchanged: 2,
      create: 0,
      update: 0,
    });
  });
});

const EXPENDITURES = [
  'Zuwendungsbescheid',
  'Belegnummer',
  'Maßnahme',
  'Mittelabruf',
  'Gebucht am',
  'Zahlungsdatum',
  'Betrag',
  'Kostenart',
  'Zahlungsempfänger',
  'Zuwendungsfähig',
];

describe('POST /api/imports/expenditures', () => {
  it('takes money in every notation and a tranche by its number, in a comma-separated UTF-8 CSV with BOM', async () => {
    const body =
      '\uFEFF' +
      csv(
        [
          EXPENDITURES,
          [
            fileNumber,
            'B-1',
            'M-01',
            '1',
            '03.03.2026',
            '04.03.2026',
            '1.234,56 €',
            'Dienstleistungen',
            'Ingenieurbüro Öko',
            'ja',
          ],
          [
            fileNumber,
            'B-2',
            'M-01 Digitale Dorfbüros',
            '2026/1',
            '03.03.2026',
            null,
            '1234,56',
            'Investitionen',
            'Elektro Bauer',
            'x',
          ],
          [
            fileNumber,
            'B-3',
            'M-01',
            null,
            '03.03.2026',
            '05.03.2026',
            '-',
            'Sachkosten',
            'Null-Rechnung',
            'nein',
          ],
          [fileNumber, 'B-4', 'M-01', null, '03.03.2026', '05.03.2026', '1234.5', 'Sonstiges', 'Punkt', null],
        ],
        ',',
      );
    const res = await upload(funding, 'expenditures', body, {
      dryRun: false,
      type: 'text/csv',
      fileName: 'b.csv',
    });
    expect(res.status).toBe(200);
    const rows = await t
      .db('expenditures')
      .whereIn('receipt_no', ['B-1', 'B-2', 'B-3', 'B-4'])
      .orderBy('receipt_no');
    expect(rows.map((r) => [r.receipt_no, r.amount_cents, r.paid_on, r.eligible])).toEqual([
      ['B-1', 123_456, '2026-03-04', true],
      ['B-2', 123_456, null, true],
      ['B-3', 0, '2026-03-05', false],
      ['B-4', 123_450, '2026-03-05', false],
    ]);
    const tranche = await t.db('tranches').where('id', rows[0].tranche_id).first();
    expect(tranche.number).toBe(1);
    expect(rows[1].tranche_id).toBe(rows[0].tranche_id);
  });

  it('shows a booking that exists with another amount as an update of that amount', async () => {
    const file = await xlsx([
      EXPENDITURES,
      [
        fileNumber,
        'b-1 ',
        'M-01',
        1,
        '03.03.2026',
        '04.03.2026',
        1300,
        'Dienstleistungen',
        'Ingenieurbüro Öko',
        'ja',
      ],
    ]);
    const [row] = ((await upload(funding, 'expenditures', file)).body as Report).rows;
    expect(row).toMatchObject({
      action: 'update',
      key: `${fileNumber} / b-1`,
      changes: { amount_cents: [123_456, 130_000] },
    });
    expect(Object.keys(row!.changes)).toEqual(['amount_cents']);
  });

  it('refuses a row without receipt number and names an unknown grant', async () => {
    const file = await xlsx([
      EXPENDITURES,
      [fileNumber, null, 'M-01', null, '03.03.2026', null, 10, 'Sachkosten', 'X', 'ja'],
      ['AZ-GIBT-ES-NICHT', 'B-9', 'M-01', null, '03.03.2026', null, 10, 'Sachkosten', 'X', 'ja'],
    ]);
    const rows = ((await upload(funding, 'expenditures', file)).body as Report).rows;
    expect(rows[0]).toMatchObject({ row: 2, action: 'error' });
    expect(rows[0]!.errors.receipt_no).toMatch(/Belegnummer fehlt/);
    expect(rows[1]).toMatchObject({ row: 3, action: 'error' });
    expect(rows[1]!.errors.grant_id).toMatch(/AZ-GIBT-ES-NICHT/);
  });

  it('answers 403 for steering staff and guides, who may not write expenditures', async () => {
    const file = await xlsx([EXPENDITURES]);
    expect((await upload(await t.as('steering'), 'expenditures', file)).status).toBe(403);
    expect((await upload(await t.as('guide'), 'expenditures', file)).status).toBe(403);
  });
});

describe('createRecords (the bulk path of an import)', () => {
  it('gives a row the database refuses its own error and writes the others with their audit entries', async () => {
    const user = (await t.db('users').where('email', 'foerderung@myk10.example').first()) as SessionUser;
    user.municipality_ids = [];
    const grant = (await t.db('grants').where('file_number', 'IMP-2026/001').first('id')) as { id: number };
    const measure = (await t.db('measures').where('code', 'M-01').first('id')) as { id: number };
    const body = (receipt: string, measureId: number) => ({
      grant_id: grant.id,
      receipt_no: receipt,
      measure_id: measureId,
      booked_on: '2026-05-04',
      amount_cents: 1000,
      cost_category: 'material',
      payee: 'Bulk GmbH',
    });
    const trx = await t.db.transaction();
    try {
      const results = await createRecords({ db: trx, user, source: 'Import: bulk.xlsx' }, expenditures, [
        body('BULK-1', measure.id),
        body('BULK-2', 999_999),
        body('BULK-3', measure.id),
      ]);
      expect(results.map((r) => (r instanceof AppError ? r.fieldErrors : r.receipt_no))).toEqual([
        'BULK-1',
        { measure_id: 'Der verknüpfte Datensatz existiert nicht' },
        'BULK-3',
      ]);
      const written = await trx('expenditures').where('receipt_no', 'like', 'BULK-%').pluck('receipt_no');
      expect(written.sort()).toEqual(['BULK-1', 'BULK-3']);
      const audit = await trx('audit_entries').where('source', 'Import: bulk.xlsx').pluck('action');
      expect(audit).toEqual(['create', 'create']);
    } finally {
      await trx.rollback();
    }
  });
});
