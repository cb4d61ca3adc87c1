import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { costCategoryOf } from '../../../api/features/imports/complete';
import { decodeText } from '../../../api/features/imports/readFile';
import { formatEuro } from '../../../api/money';
import { DEMO_COST_OBJECTS, DEMO_LEDGER_ACCOUNTS } from '../../../seeds/demoFinanceKeys';
import { testApp, type Agent, type TestApp } from '../../support/app';
import { dbChecksum } from '../../support/checksum';
import { cp1252, template, upload, type Report } from './helpers';

/**
 * The monthly booking export of the county's finance system (#14, item 7), as the office receives it:
 * ../shared/reference/finance-export-sample.csv, copied to tests/fixtures. Windows-1252, title lines above the
 * header, a sum line at the end; cost objects instead of measure codes, ledger accounts instead of cost categories.
 */
const SAMPLE = fs.readFileSync(path.join(__dirname, '../../fixtures/finance-export-sample.csv'));
const SAMPLE_TEXT = SAMPLE.toString('latin1');
const CSV = { type: 'text/csv', fileName: 'Buchungen Oktober 2026.csv' };

const RECEIPTS = [...SAMPLE_TEXT.matchAll(/;(RE-\d{4}-\d{6});/g)].map((m) => m[1]!);

/** The sample with some of its text replaced (still Windows-1252: the replacements are plain ASCII). */
const edited = (...pairs: [string, string][]): Buffer =>
  cp1252(pairs.reduce((text, [from, to]) => text.replace(from, to), SAMPLE_TEXT));

/**
 * The sample's bookings as Excel saves them: dates and amounts as numbers, the ledger account and cost object as
 * numbers too, the account shown in `accountFormat` ("0000000" pads it, "General" does not).
 */
async function sampleAsXlsx(accountFormat: string): Promise<Buffer> {
  const lines = decodeText(SAMPLE)
    .split(/\r?\n/)
    .filter((l) => /;RE-\d{4}-\d{6};/.test(l));
  const day = (german: string) => {
    const [d, m, y] = german.split('.').map(Number);
    return german ? new Date(Date.UTC(y!, m! - 1, d!)) : null;
  };
  const amount = (german: string) => Number(german.replace(/"/g, '').replace(/\./g, '').replace(',', '.'));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Buchungen');
  ws.addRow([
    'Buchungsdatum',
    'Zahlungsdatum',
    'Belegnummer',
    'Kreditorname',
    'Buchungstext',
    'Sachkonto',
    'Kostenträger',
    'Betrag (EUR)',
  ]);
  for (const line of lines) {
    const [booked, , paid, receipt, , payee, text, account, costObject, value] = line.split(';');
    ws.addRow([
      day(booked!),
      day(paid!),
      receipt,
      payee,
      text,
      Number(account),
      Number(costObject),
      amount(value!),
    ]);
  }
  ws.getColumn(6).numFmt = accountFormat;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let t: TestApp;
let funding: Agent;
let demoDryRun: Report;
const measureIds: Record<string, number> = {};

const spent = async (code: string): Promise<number> =>
  (await funding.get(`/api/measures/${measureIds[code]}`).expect(200)).body.spent_cents as number;

beforeAll(async () => {
  t = await testApp();
  funding = await t.as('funding');
  demoDryRun = (await upload(funding, 'expenditures', SAMPLE, CSV)).body as Report;
  // From here on as an office without the keys would start: it enters them through the API.
  await t.db('ledger_accounts').del();
  await t.db('measures').update({ cost_object: null });
  // Cost objects are part of the measure (its form), written by those who edit measures.
  const cdo = await t.as('cdo');
  for (const [code, cost_object] of Object.entries(DEMO_COST_OBJECTS)) {
    const { id } = (await t.db('measures').where({ code }).first('id')) as { id: number };
    measureIds[code] = id;
    const measure = (await cdo.get(`/api/measures/${id}`).expect(200)).body as Record<string, unknown>;
    await cdo
      .put(`/api/measures/${id}`)
      .send({ ...measure, cost_object })
      .expect(200);
  }
  // The account mapping is a funding setting: the funding staff enter it.
  for (const a of DEMO_LEDGER_ACCOUNTS) await funding.post('/api/ledger_accounts').send(a).expect(201);
});
afterAll(async () => t?.close());

describe('the ledger account mapping', () => {
  it('the demo carries the cost objects and the mapping under which the sample export imports as it is', () => {
    expect(demoDryRun.summary).toEqual({ rows: 7, create: 7, update: 0, unchanged: 0, error: 0 });
  });

  it('maps an account to the cost category of its longest matching prefix', () => {
    expect(costCategoryOf(DEMO_LEDGER_ACCOUNTS, '5431000')).toBe('services');
    expect(costCategoryOf(DEMO_LEDGER_ACCOUNTS, '5210000')).toBe('material');
    expect(costCategoryOf(DEMO_LEDGER_ACCOUNTS, '0821000')).toBe('investment');
    expect(costCategoryOf(DEMO_LEDGER_ACCOUNTS, '7000000')).toBeUndefined();
  });

  it('refuses a second mapping of the same account and an account that is not a number', async () => {
    const twice = await funding.post('/api/ledger_accounts').send({ account: '543', cost_category: 'other' });
    expect(twice.status).toBe(400);
    expect(twice.body.errors.account).toBe('Dieser Wert ist bereits vergeben');
    const letters = await funding
      .post('/api/ledger_accounts')
      .send({ account: '54x', cost_category: 'other' });
    expect(letters.status).toBe(400);
    expect(letters.body.errors.account).toBeDefined();
  });

  it('refuses a cost object another measure has, in any case', async () => {
    const cdo = await t.as('cdo');
    const measure = (await cdo.get(`/api/measures/${measureIds['M-02']}`).expect(200)).body as Record<
      string,
      unknown
    >;
    const res = await cdo
      .put(`/api/measures/${measureIds['M-02']}`)
      .send({ ...measure, cost_object: '51110008' });
    expect(res.status).toBe(400);
    expect(res.body.errors.cost_object).toBe('Dieser Wert ist bereits vergeben');
  });
});

describe('POST /api/imports/expenditures with the finance export', () => {
  it('the expenditures template explains the finance export columns in its notes', async () => {
    const notes = (await template(funding, 'expenditures')).getWorksheet('Hinweise')!;
    const lines = notes.getColumn(1).values.map(String);
    expect(lines.some((l) => l.includes('„Kostenträger“') && l.includes('„Sachkonto“'))).toBe(true);
  });

  it('the sample imports cleanly: title lines, sum line, cost objects, accounts, credit note, unpaid booking', async () => {
    const before = { 'M-25': await spent('M-25'), 'M-09': await spent('M-09') };

    const dry = await upload(funding, 'expenditures', SAMPLE, CSV);

    expect(dry.status).toBe(200);
    const report = dry.body as Report;
    expect(report.summary).toEqual({ rows: 7, create: 7, update: 0, unchanged: 0, error: 0 });
    expect(report.rows.map((r) => r.row)).toEqual([5, 6, 7, 8, 9, 10, 11]);
    expect(report.rows[0]!.key).toBe('KfW-436-MPSC2-0417-B / RE-2026-004711');
    expect(report.rows[0]!.changes.measure_id).toEqual([null, 'M-25']);
    expect(report.rows[0]!.changes.cost_category).toEqual([null, 'services']);
    expect(report.rows[1]!.changes.cost_category).toEqual([null, 'investment']);
    expect(report.warnings).toEqual([
      'Unbekannte Spalten werden ignoriert: Belegdatum, Kreditor.',
      `Die Summenzeile (Zeile 12) wird nicht importiert; ihre Summe ${formatEuro(5_439_177)} stimmt mit den 7 Zeilen überein.`,
    ]);

    const applied = await upload(funding, 'expenditures', SAMPLE, { ...CSV, dryRun: false });

    expect(applied.status).toBe(200);
    const rows = (await t
      .db('expenditures')
      .whereIn('receipt_no', RECEIPTS)
      .orderBy('receipt_no')
      .select('receipt_no', 'amount_cents', 'paid_on', 'payee', 'description', 'cost_category')) as Record<
      string,
      unknown
    >[];
    expect(rows).toHaveLength(7);
    const byReceipt = Object.fromEntries(rows.map((r) => [r.receipt_no, r]));
    // Windows-1252 umlauts and ß arrive intact.
    expect(byReceipt['RE-2026-004855']).toMatchObject({
      payee: 'Möbelhaus Müller Mayen',
      description: 'Ausstattung RegioHub Rieden – Restzahlung',
      paid_on: null,
      cost_category: 'investment',
      amount_cents: 1_290_640,
    });
    expect(byReceipt['RE-2026-004738']!.description).toBe('Installation LoRaWAN-Gateway Rathaus Weißenthurm');
    expect(byReceipt['RE-2026-004921']).toMatchObject({ amount_cents: -31_250, paid_on: '2026-10-21' });
    // The credit note lowers the measure's spending: 18.445,00 € booked, 312,50 € credited.
    expect(await spent('M-25')).toBe(before['M-25'] + 1_844_500 - 31_250);
    expect(await spent('M-09')).toBe(before['M-09'] + 431_287);
  });

  it('imported again: nothing to create or change', async () => {
    const res = await upload(funding, 'expenditures', SAMPLE, CSV);

    expect(res.status).toBe(200);
    expect((res.body as Report).summary).toEqual({ rows: 7, create: 0, update: 0, unchanged: 7, error: 0 });
  });

  it('the same export saved as xlsx: zero-padded account numbers keep their leading zero', async () => {
    const res = await upload(funding, 'expenditures', await sampleAsXlsx('0000000'));

    expect(res.status).toBe(200);
    expect((res.body as Report).summary).toEqual({ rows: 7, create: 0, update: 0, unchanged: 7, error: 0 });
  });

  it('an account that Excel stored as a plain number (leading zero lost) is an error that says why', async () => {
    const res = await upload(funding, 'expenditures', await sampleAsXlsx('General'));

    const report = res.body as Report;
    // 0821000 twice and 0831000 once, each read as a six-digit number.
    expect(report.summary).toMatchObject({ rows: 7, error: 3, unchanged: 4 });
    expect(report.rows.find((r) => r.action === 'error')!.errors).toEqual({
      cost_category:
        'Sachkonto "821000" ist keiner Kostenart zugeordnet (unter Sachkonten eintragen); fehlt eine führende Null? ' +
        'Excel lässt sie bei Zahlen weg: die Spalte „Sachkonto“ als Text formatieren',
    });
  });

  it('a booking with another amount shows as an update, and the sum line as different from the rows', async () => {
    const file = edited(['"9.520,00"', '"9.620,00"']);

    const res = await upload(funding, 'expenditures', file, CSV);

    const report = res.body as Report;
    expect(report.summary).toMatchObject({ create: 0, update: 1, unchanged: 6, error: 0 });
    const row = report.rows.find((r) => r.action === 'update')!;
    expect(row.row).toBe(10);
    expect(row.changes).toEqual({ amount_cents: [952_000, 962_000] });
    expect(report.warnings).toContain(
      `Die Summenzeile (Zeile 12) wird nicht importiert; ihre Summe ${formatEuro(5_439_177)} weicht von der Summe der 7 Zeilen ab (${formatEuro(5_449_177)}, Differenz ${formatEuro(-10_000)}).`,
    );
  });

  it('names the row and the value of a missing receipt number, an unknown cost object and an unknown account', async () => {
    const file = edited(
      // Without receipt number, and a text that mentions a sum: still a booking (an error), no sum line.
      [';RE-2026-004711;', ';;'],
      ['Programmbegleitung Q3/2026', 'Summe Programmbegleitung Q3/2026'],
      ['0821000;51110009', '0821000;51119999'],
      ['5431000;51110023', '7770000;51110023'],
    );
    const before = await dbChecksum(t.db);

    const res = await upload(funding, 'expenditures', file, { ...CSV, dryRun: false });

    expect(res.status).toBe(422);
    const report = res.body as Report;
    expect(report.summary).toMatchObject({ rows: 7, error: 3 });
    const errors = Object.fromEntries(
      report.rows.filter((r) => r.action === 'error').map((r) => [r.row, r.errors]),
    );
    expect(errors[5]).toEqual({
      receipt_no: 'Belegnummer fehlt: Ohne sie lässt sich die Zeile keinem Datensatz zuordnen.',
    });
    expect(errors[6]).toEqual({
      measure_id:
        'Kostenträger "51119999" gehört zu keiner Maßnahme (bei der Maßnahme als Kostenträger eintragen)',
    });
    expect(errors[7]).toEqual({
      cost_category: 'Sachkonto "7770000" ist keiner Kostenart zugeordnet (unter Sachkonten eintragen)',
    });
    expect(await dbChecksum(t.db)).toEqual(before);
  });

  it('names an unknown grant and measure given as columns', async () => {
    const file = cp1252(
      [
        'Zuwendungsbescheid;Maßnahme;Belegnummer;Buchungsdatum;Betrag (EUR);Sachkonto;Kreditorname',
        'KfW-UNBEKANNT;M-25;RE-X-1;01.10.2026;"100,00";5431000;Büro Süd',
        ';M-99;RE-X-2;01.10.2026;"100,00";5431000;Büro Süd',
        ';M-25;RE-X-3;01.10.2020;"100,00";5431000;Büro Süd',
      ].join('\r\n'),
    );

    const res = await upload(funding, 'expenditures', file, CSV);

    const errors = (res.body as Report).rows.map((r) => r.errors);
    expect(errors[0]!.grant_id).toMatch(/^Nicht gefunden: "KfW-UNBEKANNT"/);
    expect(errors[1]!.measure_id).toMatch(/^Nicht gefunden: "M-99"/);
    expect(errors[2]!.grant_id).toMatch(
      /^Kein Zuwendungsbescheid der Maßnahme M-25 \(.*\) umfasst den 01\.10\.2020$/,
    );
  });

  it('a measure with two grants in the booking period needs the grant column', async () => {
    const grant = await funding.post('/api/grants').send({
      programme: 'Zweiter Bescheid',
      funder: 'Land',
      file_number: 'LAND-2026/7',
      phase: 'Land',
      committed_on: '2026-01-15',
      period_start: '2026-01-01',
      period_end: '2027-12-31',
      eligible_cents: 100_000_00,
      funding_rate_bp: 5000,
      approved_cents: 50_000_00,
      spend_rule: 'anbest_gk',
    });
    expect(grant.status).toBe(201);
    await funding
      .post('/api/budget_lines')
      .send({
        grant_id: grant.body.id,
        measure_id: measureIds['M-26'],
        cost_category: 'services',
        fiscal_year: 2026,
        planned_cents: 10_000_00,
      })
      .expect(201);

    const res = await upload(funding, 'expenditures', SAMPLE, CSV);

    const row = (res.body as Report).rows.find((r) => r.row === 10)!;
    expect(row.errors).toEqual({
      grant_id:
        'Mehrdeutig: Die Maßnahme M-26 hat mehrere Zuwendungsbescheide am 27.10.2026 ("KfW-436-MPSC2-0417-B", "LAND-2026/7"); bitte den Bescheid in einer Spalte angeben',
    });
  });
});
