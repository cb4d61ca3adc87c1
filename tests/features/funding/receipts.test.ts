import ExcelJS from 'exceljs';
import { testApp, type Agent, type TestApp } from '../../support/app';
import { binaryParser, cents, createGrant } from './helpers';

let t: TestApp;
let viewer: Agent;
beforeAll(async () => {
  t = await testApp();
  viewer = await t.as('viewer');
});
afterAll(async () => t?.close());

interface Line {
  kind: 'group' | 'item' | 'subtotal' | 'total' | 'empty';
  cells: unknown[];
}

/** The receipt list's table part: rows after the header row "Lfd. Nr.", classified. */
async function readReceiptXlsx(buf: ArrayBuffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf);
  const ws = wb.getWorksheet('Belegliste')!;
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
  const headerAt = rows.findIndex((r) => r[0] === 'Lfd. Nr.');
  const lines: Line[] = rows.slice(headerAt + 1).map((cells) => {
    const first = cells[0];
    if (typeof first === 'number') return { kind: 'item', cells };
    if (typeof first === 'string' && first.startsWith('Zwischensumme')) return { kind: 'subtotal', cells };
    if (first === 'Gesamtsumme') return { kind: 'total', cells };
    if (typeof first === 'string' && first && cells[7] === undefined && !first.startsWith('Die Belege'))
      return { kind: 'group', cells };
    return { kind: 'empty', cells };
  });
  return { ws, head: rows.slice(0, headerAt + 1), lines, headerRow: headerAt + 1 };
}

describe('GET /api/reports/receipts.xlsx (Belegliste)', () => {
  let grant: number;
  let fileNumber: string;
  beforeAll(async () => {
    const funding = await t.as('funding');
    grant = (await createGrant(funding)).id;
    fileNumber = ((await t.db('grants').where('id', grant).first('file_number')) as { file_number: string })
      .file_number;
    const measure = (await t.db('measures').first('id', 'code')) as { id: number };
    const e = (
      booked_on: string,
      amount_cents: number,
      cost_category: string,
      receipt_no: string,
      eligible = true,
    ) => ({
      measure_id: measure.id,
      grant_id: grant,
      booked_on,
      paid_on: booked_on,
      amount_cents,
      cost_category,
      payee: `Empfänger ${receipt_no}`,
      description: `Grund ${receipt_no}`,
      receipt_no,
      eligible,
    });
    await t
      .db('expenditures')
      .insert([
        e('2025-03-31', 1_234_56, 'personnel', 'P-2'),
        e('2025-01-31', 1_000_00, 'personnel', 'P-1'),
        e('2025-02-15', 99_99, 'material', 'S-2'),
        e('2025-02-01', 10_00, 'services', 'S-1'),
        e('2025-12-31', 7_77, 'other', 'S-3'),
        e('2025-06-30', 50_000_00, 'investment', 'I-1'),
        e('2025-07-01', 5_00, 'services', 'X-ineligible', false),
        e('2024-12-31', 3_00, 'services', 'X-2024'),
        e('2026-01-01', 4_00, 'services', 'X-2026'),
      ]);
  });

  const fetchXlsx = (q: string) =>
    viewer.get(`/api/reports/receipts.xlsx?${q}`).buffer(true).parse(binaryParser);

  it('lists exactly the eligible expenditures of the year, grouped like the financing plan, in date order', async () => {
    const res = await fetchXlsx(`grant_id=${grant}&fiscal_year=2025`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="Belegliste_.*_2025\.xlsx"/);
    const { lines } = await readReceiptXlsx(res.body as ArrayBuffer);
    expect(lines.filter((l) => l.kind === 'group').map((l) => l.cells[0])).toEqual([
      'Personalkosten',
      'Sach- und Dienstleistungskosten',
      'Investitionen',
    ]);
    const items = lines.filter((l) => l.kind === 'item');
    expect(items.map((l) => l.cells[4])).toEqual(['P-1', 'P-2', 'S-1', 'S-2', 'S-3', 'I-1']);
    expect(items.map((l) => l.cells[0])).toEqual([1, 2, 3, 4, 5, 6]);
    const first = items[0]!.cells;
    expect(first[1]).toEqual(new Date(Date.UTC(2025, 0, 31)));
    expect(first.slice(2, 6)).toEqual(['Empfänger P-1', 'Grund P-1', 'P-1', 'Personalkosten']);
    expect(items[4]!.cells[5]).toBe('Sonstiges');
    expect(cents(first[7])).toBe(1_000_00);
  });

  it('has subtotals that add up per group and a grand total equal to the sum of the receipts', async () => {
    const { lines } = await readReceiptXlsx(
      (await fetchXlsx(`grant_id=${grant}&fiscal_year=2025`)).body as ArrayBuffer,
    );
    let group: number[] = [];
    const subtotals: number[] = [];
    for (const l of lines) {
      if (l.kind === 'item') group.push(cents(l.cells[7]));
      if (l.kind === 'subtotal') {
        expect(cents(l.cells[7])).toBe(group.reduce((s, c) => s + c, 0));
        subtotals.push(cents(l.cells[7]));
        group = [];
      }
    }
    expect(subtotals).toEqual([2_234_56, 1_17_76, 50_000_00]);
    const total = lines.find((l) => l.kind === 'total')!;
    expect(cents(total.cells[7])).toBe(subtotals.reduce((s, c) => s + c, 0));
  });

  it('has a header block with programme, file number and year, real dates and euro formats', async () => {
    const { ws, head, headerRow } = await readReceiptXlsx(
      (await fetchXlsx(`grant_id=${grant}&fiscal_year=2025`)).body as ArrayBuffer,
    );
    expect(head).toEqual(
      expect.arrayContaining([
        ['Förderprogramm:', expect.stringContaining('Testprogramm')],
        ['Aktenzeichen:', fileNumber],
        ['Haushaltsjahr:', '2025'],
      ]),
    );
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow });
    const item = ws.getRow(headerRow + 2);
    expect(item.getCell(2).numFmt).toBe('dd.mm.yyyy');
    expect(item.getCell(8).numFmt).toBe('#,##0.00 "€"');
  });

  it('matches the database for the demo grant B in 2025: same receipts, same sum', async () => {
    const b = (await t.db('grants').where('file_number', 'like', '%-B').first('id')) as { id: number };
    const { rows } = (await t.db.raw(
      `select receipt_no, amount_cents from expenditures
       where grant_id = ? and eligible and paid_on between '2025-01-01' and '2025-12-31'`,
      [b.id],
    )) as { rows: { receipt_no: string; amount_cents: number }[] };
    const { lines } = await readReceiptXlsx(
      (await fetchXlsx(`grant_id=${b.id}&fiscal_year=2025`)).body as ArrayBuffer,
    );
    const items = lines.filter((l) => l.kind === 'item');
    expect(items.map((l) => l.cells[4]).sort()).toEqual(rows.map((r) => r.receipt_no).sort());
    const total = lines.find((l) => l.kind === 'total')!;
    expect(cents(total.cells[7])).toBe(rows.reduce((s, r) => s + r.amount_cents, 0));
    expect(items.reduce((s, l) => s + cents(l.cells[7]), 0)).toBe(cents(total.cells[7]));
  });

  it('covers all years without fiscal_year, and the JSON variant agrees', async () => {
    const res = await viewer.get(`/api/reports/receipts?grant_id=${grant}`);
    expect(res.status).toBe(200);
    const numbers = (res.body.groups as { items: { receipt_no: string }[] }[]).flatMap((g) =>
      g.items.map((i) => i.receipt_no),
    );
    expect(numbers.sort()).toEqual(['I-1', 'P-1', 'P-2', 'S-1', 'S-2', 'S-3', 'X-2024', 'X-2026']);
    expect(res.body.total_cents).toBe(2_234_56 + 1_17_76 + 50_000_00 + 3_00 + 4_00);
  });

  const YEAR_2025 = ['P-1', 'P-2', 'S-1', 'S-2', 'S-3', 'I-1'];
  const receiptNumbers = (lines: Line[]) => lines.filter((l) => l.kind === 'item').map((l) => l.cells[4]);

  it('answers from its cache only while the data stays the same: a new receipt is in the next export and list', async () => {
    expect((await fetchXlsx(`grant_id=${grant}&fiscal_year=2025`)).status).toBe(200);
    const json = await viewer.get(`/api/reports/receipts?grant_id=${grant}&fiscal_year=2025`);
    const measure = (await t.db('measures').first('id')) as { id: number };
    const [created] = (await t
      .db('expenditures')
      .insert({
        measure_id: measure.id,
        grant_id: grant,
        booked_on: '2025-08-01',
        paid_on: '2025-08-01',
        amount_cents: 12_00,
        cost_category: 'material',
        payee: 'Nachgereicht',
        receipt_no: 'S-4',
      })
      .returning('id')) as { id: number }[];
    const id = created!.id;
    try {
      const after = await readReceiptXlsx(
        (await fetchXlsx(`grant_id=${grant}&fiscal_year=2025`)).body as ArrayBuffer,
      );
      // In date order within its group (material and services): after S-2 of February, before S-3 of December.
      expect(receiptNumbers(after.lines)).toEqual([...YEAR_2025.slice(0, 4), 'S-4', ...YEAR_2025.slice(4)]);
      const again = await viewer.get(`/api/reports/receipts?grant_id=${grant}&fiscal_year=2025`);
      expect(again.body.total_cents).toBe(json.body.total_cents + 12_00);
    } finally {
      await t.db('expenditures').where('id', id).delete();
    }
    const restored = await readReceiptXlsx(
      (await fetchXlsx(`grant_id=${grant}&fiscal_year=2025`)).body as ArrayBuffer,
    );
    expect(receiptNumbers(restored.lines)).toEqual(YEAR_2025);
  });

  it('holds text planted to run as a formula as text cells, never as formulas', async () => {
    const planted = (await createGrant(await t.as('funding'))).id;
    const measure = (await t.db('measures').first('id')) as { id: number };
    const texts = {
      payee: '=1+1',
      description: '=HYPERLINK("http://example.invalid","x")',
      receipt_no: '-1+2',
    };
    await t.db('expenditures').insert({
      measure_id: measure.id,
      grant_id: planted,
      booked_on: '2025-04-01',
      paid_on: '2025-04-01',
      amount_cents: 1_00,
      cost_category: 'services',
      eligible: true,
      ...texts,
    });
    const { ws, headerRow } = await readReceiptXlsx(
      (await fetchXlsx(`grant_id=${planted}&fiscal_year=2025`)).body as ArrayBuffer,
    );
    let item: ExcelJS.Row | undefined;
    ws.eachRow((row, n) => {
      if (n > headerRow && row.getCell(1).value === 1) item = row;
    });
    const cells = [item!.getCell(3), item!.getCell(4), item!.getCell(5)];
    expect(cells.map((c) => c.value)).toEqual([texts.payee, texts.description, texts.receipt_no]);
    for (const cell of cells) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeFalsy();
    }
  });
});

describe('who may read the funding endpoints', () => {
  let paths: string[];
  beforeAll(async () => {
    const g = (await t.db('grants').first('id')) as { id: number };
    paths = [
      `/api/reports/funding?grant_id=${g.id}`,
      `/api/reports/funding.xlsx?grant_id=${g.id}`,
      `/api/reports/funding.csv?grant_id=${g.id}`,
      `/api/reports/receipts?grant_id=${g.id}`,
      `/api/reports/receipts.xlsx?grant_id=${g.id}&fiscal_year=2022`,
      '/api/deadlines',
      `/api/tranches/usage?grant_id=${g.id}`,
    ];
  });

  it('guide gets 403 on every funding endpoint', async () => {
    const guide = await t.as('guide');
    for (const p of paths) expect([p, (await guide.get(p)).status]).toEqual([p, 403]);
  });

  it.each(['viewer', 'steering', 'funding', 'cdo'] as const)(
    '%s may read every funding endpoint',
    async (role) => {
      const agent = await t.as(role);
      for (const p of paths) expect([p, (await agent.get(p)).status]).toEqual([p, 200]);
    },
  );

  it('anonymous gets 401', async () => {
    for (const p of paths) expect([p, (await t.anonymous().get(p)).status]).toEqual([p, 401]);
  });

  it('documents every route in the OpenAPI document', async () => {
    const doc = (await viewer.get('/api/openapi.json')).body as { paths: Record<string, unknown> };
    for (const p of [
      '/reports/funding',
      '/reports/funding.xlsx',
      '/reports/funding.csv',
      '/reports/receipts',
      '/reports/receipts.xlsx',
      '/deadlines',
      '/tranches/usage',
    ])
      expect(doc.paths[p]).toBeDefined();
  });
});
