import ExcelJS from 'exceljs';
import { testApp, type Agent, type TestApp } from '../../support/app';
import { binaryParser, cents, createGrant, dbDate, received } from './helpers';

/**
 * One truth for money: "Eingegangen, noch nicht verausgabt" is the same figure on every screen, endpoint and
 * export that shows it for the same scope (one grant, all years), and it counts payments, not bookings.
 */

let t: TestApp;
let funding: Agent;
beforeAll(async () => {
  t = await testApp();
  funding = await t.as('funding');
});
afterAll(async () => t?.close());

interface Deadline {
  kind: string;
  amount_cents: number;
  record_id: number;
  due_on: string;
  days_left: number;
}

/** Every place that shows the unspent money of one grant (all years), read the way a user sees it. */
async function unspentEverywhere(grantId: number): Promise<Record<string, number>> {
  const report = (await funding.get(`/api/reports/funding?grant_id=${grantId}`).expect(200)).body as {
    totals: { unspent_cents: number };
  };
  const usage = (await funding.get(`/api/tranches/usage?grant_id=${grantId}`).expect(200)).body as {
    totals: { unspent_cents: number };
  };
  const tranches = (
    await funding
      .get(`/api/tranches?filter=${encodeURIComponent(JSON.stringify({ grant_id: grantId }))}&range=[0,999]`)
      .expect(200)
  ).body as { unspent_cents: number }[];
  const deadlines = (await funding.get(`/api/deadlines?grant_id=${grantId}&within=all`).expect(200)).body as {
    items: Deadline[];
  };
  const xlsx = await funding
    .get(`/api/reports/funding.xlsx?grant_id=${grantId}`)
    .buffer(true)
    .parse(binaryParser)
    .expect(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.body as ArrayBuffer);
  const xlsxValue = (name: string) => {
    let v = '';
    wb.getWorksheet(name)!.eachRow((row) => {
      if (String(row.getCell(1).value).startsWith('Eingegangen, noch nicht verausgabt'))
        v = String(row.getCell(2).value);
    });
    return euroText(v);
  };
  const csv = await funding
    .get(`/api/reports/funding.csv?grant_id=${grantId}`)
    .buffer(true)
    .parse(binaryParser)
    .expect(200);
  const csvLine = (csv.body as Buffer)
    .toString('utf8')
    .split('\r\n')
    .find((l) => l.startsWith('Eingegangen, noch nicht verausgabt'))!;
  return {
    'start page (reports/funding)': report.totals.unspent_cents,
    'tranche form usage table (tranches/usage)': usage.totals.unspent_cents,
    'tranche list (sum of unspent_cents)': tranches.reduce((s, r) => s + r.unspent_cents, 0),
    'deadlines (spend deadlines, all)': deadlines.items
      .filter((i) => i.kind === 'spend_deadline')
      .reduce((s, i) => s + i.amount_cents, 0),
    'report xlsx, by measure': xlsxValue('Nach Maßnahme'),
    'report xlsx, by cost category': xlsxValue('Nach Kostenart'),
    'report csv': cents(csvLine.split(';')[1]!.replace(',', '.')),
  };
}

/** "1.234,56 €" → cents. */
const euroText = (text: string): number =>
  Math.round(Number(text.replace(/[^\d,-]/g, '').replace(',', '.')) * 100);

describe('unspent money', () => {
  it('is one figure everywhere for each demo grant', async () => {
    const grants = (await t.db('grants').select('id')) as { id: number }[];
    for (const g of grants) {
      const seen = await unspentEverywhere(g.id);
      const values = new Set(Object.values(seen));
      if (values.size !== 1) throw new Error(`grant ${g.id}: ${JSON.stringify(seen, null, 2)}`);
    }
    // Demo grant B has money left on open tranches (tranche 13 among them).
    const b = (await t.db('grants').where('file_number', 'like', '%-B').first('id')) as { id: number };
    expect((await unspentEverywhere(b.id))['start page (reports/funding)']).toBeGreaterThan(0);
  });

  it('counts payments: unpaid or future-dated invoices leave money unspent; settled tranches hold none', async () => {
    const grant = (await createGrant(funding)).id;
    const measure = (await t.db('measures').first('id')) as { id: number };
    const day = (offset: number) => dbDate(t.db, offset);
    const open = (await funding.post('/api/tranches').send(received(grant, 1, await day(-20), 1_000_00)))
      .body as { id: number };
    const settled = (await funding.post('/api/tranches').send(received(grant, 2, await day(-20), 500_00)))
      .body as { id: number };
    const exp = async (tranche_id: number, amount_cents: number, paid_on: string | null) => {
      const res = await funding.post('/api/expenditures').send({
        measure_id: measure.id,
        grant_id: grant,
        tranche_id,
        booked_on: await day(-15),
        paid_on,
        amount_cents,
        cost_category: 'services',
        payee: 'Testfirma',
        eligible: true,
      });
      expect(res.status).toBe(201);
      expect(res.body.paid_on).toBe(paid_on);
    };
    await exp(open.id, 300_00, await day(-10)); // paid
    await exp(open.id, 200_00, null); // booked, not yet paid
    await exp(open.id, 100_00, await day(3)); // payment scheduled
    await exp(settled.id, 100_00, await day(-10));
    const current = (await funding.get(`/api/tranches/${settled.id}`)).body as { version: number };
    await funding
      .put(`/api/tranches/${settled.id}`)
      .send({ ...received(grant, 2, await day(-20), 500_00), status: 'settled', version: current.version })
      .expect(200);

    const seen = await unspentEverywhere(grant);
    expect(new Set(Object.values(seen))).toEqual(new Set([700_00]));
    const usage = (await funding.get(`/api/tranches/usage?grant_id=${grant}`)).body as {
      tranches: { id: number; spent_cents: number; unspent_cents: number }[];
    };
    expect(usage.tranches.find((r) => r.id === open.id)).toMatchObject({
      spent_cents: 300_00,
      unspent_cents: 700_00,
    });
    expect(usage.tranches.find((r) => r.id === settled.id)).toMatchObject({
      spent_cents: 100_00,
      unspent_cents: 0,
    });

    // The receipt list holds payments only, by payment date.
    const receipts = (await funding.get(`/api/reports/receipts?grant_id=${grant}`).expect(200)).body as {
      total_cents: number;
      count: number;
    };
    expect(receipts).toMatchObject({ total_cents: 400_00, count: 2 });
  });

  it('shows its scope in the xlsx header block (recipient, funder, file number, period, created by)', async () => {
    const b = (await t.db('grants').where('file_number', 'like', '%-B').first()) as {
      id: number;
      funder: string;
      file_number: string;
    };
    const res = await funding
      .get(`/api/reports/funding.xlsx?grant_id=${b.id}&fiscal_year=2025`)
      .buffer(true)
      .parse(binaryParser)
      .expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as ArrayBuffer);
    const ws = wb.getWorksheet('Nach Maßnahme')!;
    const head = new Map<string, string>();
    ws.eachRow((row) => {
      const k = String(row.getCell(1).value ?? '');
      if (k.endsWith(':')) head.set(k.slice(0, -1), String(row.getCell(2).value));
    });
    expect(head.get('Zuwendungsempfänger')).toBe('Landkreis Mayen-Koblenz');
    expect(head.get('Zuwendungsgeber')).toBe(b.funder);
    expect(head.get('Aktenzeichen')).toBe(b.file_number);
    expect(head.get('Berichtszeitraum')).toBe('Haushaltsjahr 2025 (01.01.2025 – 31.12.2025)');
    expect(head.get('Erstellt')).toMatch(/^\d\d\.\d\d\.\d{4} von .+/);
    // Print set-up: A4 landscape, the table header repeated on every page, page numbers in the footer.
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9 });
    expect(ws.pageSetup.printTitlesRow).toMatch(/^(\d+):\1$/);
    expect(ws.headerFooter.oddFooter).toContain('Seite &P von &N');
    const headerRow = Number(ws.pageSetup.printTitlesRow!.split(':')[0]);
    expect(ws.getRow(headerRow).getCell(1).value).toBe('Nr.');
  });
});

describe('GET /api/deadlines?within=', () => {
  it('lists what falls due in the window, and always the next open deadline of each kind', async () => {
    const grant = (await createGrant(funding, { years: { 2030: 0 } })).id;
    await t
      .db('grant_years')
      .where({ grant_id: grant, fiscal_year: 2030 })
      .update({
        interim_proof_due_on: await dbDate(t.db, 150),
      });
    const near = (
      await funding.post('/api/tranches').send(received(grant, 1, await dbDate(t.db, -40), 100_00))
    ).body as { id: number };
    const get = async (within: string) =>
      (
        (await funding.get(`/api/deadlines?grant_id=${grant}&within=${within}`).expect(200)).body as {
          items: Deadline[];
        }
      ).items;
    const in30 = await get('30');
    // Received 40 days ago under ANBest-Gk: due in about three weeks, with its days left.
    const spend = in30.find((i) => i.kind === 'spend_deadline' && i.record_id === near.id)!;
    expect(spend.days_left).toBeGreaterThan(0);
    expect(spend.days_left).toBeLessThanOrEqual(30);
    expect(spend.amount_cents).toBe(100_00);
    // The interim proof 150 days ahead shows as the next of its kind even in the 30-day window.
    expect(in30.some((i) => i.kind === 'interim_proof' && i.days_left === 150)).toBe(true);
    expect((await get('all')).length).toBeGreaterThanOrEqual(in30.length);
    expect((await funding.get('/api/deadlines?within=7')).status).toBe(400);
  });

  it('shows demo tranche 13 (spend deadline two months after receipt) and the next interim proof in the 30-day window', async () => {
    const b = (await t.db('grants').where('file_number', 'like', '%-B').first('id')) as { id: number };
    const items = (
      (await funding.get('/api/deadlines?within=30').expect(200)).body as {
        items: (Deadline & { label: string })[];
      }
    ).items;
    // The demo dates this case relative to the day it is seeded (seeds/demoReminders.ts): the expected deadline is read.
    const t13 = (await t
      .db('tranches')
      .where({ grant_id: b.id, number: 13 })
      .first('id', t.db.raw(`to_char(received_on + interval '2 months', 'YYYY-MM-DD') as due_on`))) as {
      id: number;
      due_on: string;
    };
    expect(items.find((i) => i.kind === 'spend_deadline' && i.record_id === t13.id)?.due_on).toBe(t13.due_on);
    expect(items.some((i) => i.kind === 'interim_proof')).toBe(true);
  });
});
