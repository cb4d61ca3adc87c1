import ExcelJS from 'exceljs';
import zlib from 'node:zlib';
import { testApp, type TestApp } from '../../support/app';
import { binaryParser, cents, received } from '../funding/helpers';
import { pdfText } from '../status_reports/pdfText';
import { planFixture, recount, type PlanFixture } from './fixture';

let t: TestApp;
let f: PlanFixture;
const q = () => `grant_id=${f.grantId}&kind=interim&fiscal_year=2025`;
beforeAll(async () => {
  t = await testApp();
  f = await planFixture(t);
  const funding = await t.as('funding');
  for (const tr of [
    received(f.grantId, 1, '2025-02-03', 4_000_00),
    received(f.grantId, 2, '2025-09-01', 3_500_55),
    received(f.grantId, 3, '2024-11-01', 1_000_00),
  ]) {
    const res = await funding.post('/api/tranches').send(tr);
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  }
  await t.db('transfers').insert({
    grant_id: f.grantId,
    measure_id: f.measures[0]!.id,
    municipality_id: ((await t.db('municipalities').first('id')) as { id: number }).id,
    amount_cents: 300_00,
    contract_on: '2025-01-10',
    paid_on: '2025-02-01',
    proof_due_on: '2025-10-31',
  });
});
afterAll(async () => t?.close());

const binary = (path: string) => t.as('viewer').then((a) => a.get(path).buffer(true).parse(binaryParser));

interface Row {
  key: string;
  planned_cents: number;
  actual_cents: number;
  difference_cents: number;
  planned_bp: number | null;
}

describe('GET /api/reports/proof-of-use', () => {
  it('sets spending by cost category and receipts (own share, third parties, grant) against the plan', async () => {
    const res = await (await t.as('viewer')).get(`/api/reports/proof-of-use?${q()}`);
    expect(res.status).toBe(200);
    const lines = [...recount(f, 2025)];
    const byCat = (c: string) => lines.filter(([k]) => k.endsWith(`|${c}`)).map(([, v]) => v);
    for (const row of res.body.numeric.spending as Row[]) {
      expect(row.planned_cents).toBe(byCat(row.key).reduce((s, v) => s + v.planned, 0));
      expect(row.actual_cents).toBe(byCat(row.key).reduce((s, v) => s + v.actual, 0));
    }
    const planned = lines.reduce((s, [, v]) => s + v.planned, 0); // 14.500,00
    const actual = lines.reduce((s, [, v]) => s + v.actual, 0); // 9.833,42
    const income = Object.fromEntries((res.body.numeric.income as Row[]).map((r) => [r.key, r]));
    // grant: 2025 approved 20.000,00; received 4.000,00 + 3.500,55 (tranches of fiscal year 2025)
    expect(income.grant).toMatchObject({ planned_cents: 20_000_00, actual_cents: 7_500_55 });
    expect(income.third_party).toMatchObject({ planned_cents: 0, actual_cents: 0 });
    expect(income.own_share).toMatchObject({
      planned_cents: planned - 20_000_00,
      actual_cents: actual - 7_500_55,
    });
    expect(res.body.numeric.total).toMatchObject({ planned_cents: planned, actual_cents: actual });
    expect(income.grant!.difference_cents).toBe(7_500_55 - 20_000_00);
    // percent of the column total, in basis points
    expect(income.grant!.planned_bp).toBe(Math.round((20_000_00 * 10_000) / planned));
  });

  it('reconciles to the cent with the receipt list and the funding report', async () => {
    const viewer = await t.as('viewer');
    const proof = (await viewer.get(`/api/reports/proof-of-use?${q()}`)).body;
    const receipts = (await viewer.get(`/api/reports/receipts?grant_id=${f.grantId}&fiscal_year=2025`)).body;
    const funding = (await viewer.get(`/api/reports/funding?grant_id=${f.grantId}&fiscal_year=2025`)).body;
    expect(proof.numeric.total.actual_cents).toBe(receipts.total_cents);
    expect(proof.receipts.total_cents).toBe(receipts.total_cents);
    expect(proof.numeric.received_cents).toBe(funding.totals.received_cents);
    expect((proof.numeric.income as Row[]).find((r) => r.key === 'grant')!.planned_cents).toBe(
      funding.totals.approved_cents,
    );
    // The funding report counts bookings; the proof counts payments: they differ by the one booked, unpaid invoice.
    expect(funding.totals.spent_cents - 800_00).toBe(proof.numeric.total.actual_cents);
    // Federal share: rounded once per measure × year (65 %, half up), recounted from the fixture.
    const perMeasure = new Map<number, number>();
    for (const p of f.paid)
      if (p.eligible && p.paid_on?.startsWith('2025'))
        perMeasure.set(p.measure, (perMeasure.get(p.measure) ?? 0) + p.cents);
    const share = [...perMeasure.values()].reduce((s, c) => s + Math.floor((c * 6500 + 5000) / 10000), 0);
    expect(proof.numeric.federal_share_cents).toBe(share);
  });

  it('tells the story per measure: deviations with their note and transfers with their proof state', async () => {
    const proof = (await (await t.as('viewer')).get(`/api/reports/proof-of-use?${q()}`)).body;
    const a = proof.narrative.find((m: { code: string }) => m.code === f.measures[0]!.code);
    expect(a.spending.find((s: { cost_category: string }) => s.cost_category === 'material')).toMatchObject({
      over_20: true,
      note: 'Mehrkosten Testposition',
    });
    expect(a.transfers).toEqual([expect.objectContaining({ amount_cents: 300_00, proof_state: 'overdue' })]);
  });

  it('needs a year for an interim proof and refuses one for the final proof', async () => {
    const viewer = await t.as('viewer');
    expect((await viewer.get(`/api/reports/proof-of-use?grant_id=${f.grantId}&kind=interim`)).status).toBe(
      400,
    );
    expect(
      (await viewer.get(`/api/reports/proof-of-use?grant_id=${f.grantId}&kind=final&fiscal_year=2025`))
        .status,
    ).toBe(400);
    expect((await viewer.get(`/api/reports/proof-of-use?grant_id=${f.grantId}&kind=final`)).status).toBe(200);
    expect((await viewer.get(`/api/reports/proof-of-use?grant_id=${f.grantId}&kind=yearly`)).status).toBe(
      400,
    );
  });

  it('is closed to guides', async () => {
    expect((await (await t.as('guide')).get(`/api/reports/proof-of-use?${q()}`)).status).toBe(403);
    expect((await (await t.as('guide')).get(`/api/reports/proof-of-use.zip?${q()}`)).status).toBe(403);
  });
});

describe('proof_reports: drafts, issuing, frozen', () => {
  it('keeps an issued proof unchanged after later bookings; a new version shows them', async () => {
    const funding = await t.as('funding');
    const created = await funding.post('/api/proof_reports').send({
      grant_id: f.grantId,
      kind: 'final',
      introduction: 'Das Jahr begann mit der Ausschreibung.',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ version_no: 1, status: 'draft', snapshot: null });
    // a second draft of the same proof is refused
    expect(
      (await funding.post('/api/proof_reports').send({ grant_id: f.grantId, kind: 'final' })).status,
    ).toBe(409);
    const issued = await funding
      .put(`/api/proof_reports/${created.body.id}`)
      .send({ ...created.body, conclusion: 'Alles nach Plan.', status: 'issued' });
    expect(issued.status).toBe(200);
    expect(issued.body.issued_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const before = (await funding.get(`/api/reports/proof-of-use?grant_id=${f.grantId}&kind=final`)).body;
    expect(before.report).toMatchObject({ id: created.body.id, status: 'issued', version_no: 1 });
    expect(before.conclusion).toBe('Alles nach Plan.');

    await t.db('expenditures').insert({
      measure_id: f.measures[2]!.id,
      grant_id: f.grantId,
      booked_on: '2025-07-07',
      paid_on: '2025-07-07',
      amount_cents: 123_45,
      cost_category: 'investment',
      payee: 'Spätere Buchung',
      eligible: true,
    });
    const after = (await funding.get(`/api/reports/proof-of-use?grant_id=${f.grantId}&kind=final`)).body;
    expect(after).toEqual(before);
    expect(
      (await funding.put(`/api/proof_reports/${created.body.id}`).send({ ...issued.body, conclusion: 'x' }))
        .status,
    ).toBe(409);
    expect((await funding.delete(`/api/proof_reports/${created.body.id}`)).status).toBe(409);

    const v2 = await funding.post('/api/proof_reports').send({ grant_id: f.grantId, kind: 'final' });
    expect(v2.body.version_no).toBe(2);
    const live = (await funding.get(`/api/reports/proof-of-use?grant_id=${f.grantId}&kind=final`)).body;
    expect(live.numeric.total.actual_cents).toBe(before.numeric.total.actual_cents + 123_45);
    // the first version stays reachable by its id
    const v1 = (
      await funding.get(
        `/api/reports/proof-of-use?grant_id=${f.grantId}&kind=final&report_id=${created.body.id}`,
      )
    ).body;
    expect(v1).toEqual(before);
  });

  it('is written by funding, read by steering and viewer, closed to guides', async () => {
    const body = { grant_id: f.grantId, kind: 'interim', fiscal_year: 2024 };
    expect((await (await t.as('viewer')).post('/api/proof_reports').send(body)).status).toBe(403);
    expect((await (await t.as('steering')).post('/api/proof_reports').send(body)).status).toBe(403);
    expect((await (await t.as('guide')).get('/api/proof_reports')).status).toBe(403);
    expect((await (await t.as('steering')).get('/api/proof_reports')).status).toBe(200);
  });
});

describe('proof-of-use files', () => {
  it('PDF: opens and holds the section and table headings and every measure code', async () => {
    const res = await binary(`/api/reports/proof-of-use.pdf?${q()}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfText(res.body as Buffer);
    for (const heading of [
      'Zwischennachweis 2025',
      'Sachbericht',
      'Zahlenmäßiger Nachweis',
      'Einnahmen',
      'Ausgaben',
      'Eigenanteil',
      'Leistungen Dritter',
      'Soll-Ist-Vergleich',
      'Belegliste',
    ])
      expect(text).toContain(heading);
    expect(text).toContain('laut Abrechnung');
    for (const m of f.measures) expect(text).toContain(m.code);
  });

  it('XLSX: one sheet each for Nachweis, Soll-Ist and Belegliste, read back to the cent', async () => {
    const res = await binary(`/api/reports/proof-of-use.xlsx?${q()}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Nachweis', 'Soll-Ist', 'Belegliste']);
    const rows: unknown[][] = [];
    wb.getWorksheet('Nachweis')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const grant = rows.find((r) => r[1] === 'Zuwendungen (Bundesmittel)')!;
    expect([cents(grant[2]), cents(grant[4]), cents(grant[6])]).toEqual([
      20_000_00,
      7_500_55,
      7_500_55 - 20_000_00,
    ]);
    const json = (await (await t.as('viewer')).get(`/api/reports/proof-of-use?${q()}`)).body;
    const total = json.numeric.total.actual_cents as number;
    const sums = rows.filter((r) => r[1] === 'Summe');
    expect(sums.map((r) => cents(r[4]))).toEqual([total, total]);
    const receipts: unknown[][] = [];
    wb.getWorksheet('Belegliste')!.eachRow((row) => receipts.push((row.values as unknown[]).slice(1)));
    expect(cents(receipts.find((r) => r[0] === 'Gesamtsumme')![7])).toBe(total);
  });

  it('ZIP: lists the PDF, the workbook and the index, each intact', async () => {
    const res = await binary(`/api/reports/proof-of-use.zip?${q()}`);
    expect(res.headers['content-type']).toBe('application/zip');
    const entries = unzip(res.body as Buffer);
    const file = f.measures.length && /Zwischennachweis_2025_.*_Entwurf/;
    expect(entries.map((e) => e.name)).toEqual([
      'Inhalt.txt',
      expect.stringMatching(file as RegExp),
      expect.stringMatching(/\.xlsx$/),
    ]);
    expect(entries[1]!.name).toMatch(/\.pdf$/);
    expect(entries[1]!.data.subarray(0, 5).toString()).toBe('%PDF-');
    expect(entries[0]!.data.toString('utf8')).toContain(entries[2]!.name);
  });

  it('ZIP: carries the grant’s notice, the period’s tranche requests and receipts in folders by kind, titled in the index', async () => {
    const pdf = unzip((await binary(`/api/reports/proof-of-use.zip?${q()}`)).body as Buffer)[1]!.data;
    const receipt = async (no: string) =>
      (
        (await t.db('expenditures').where({ grant_id: f.grantId, receipt_no: no }).first('id')) as {
          id: number;
        }
      ).id;
    const cdo = await t.as('cdo');
    const upload = async (resource: string, id: number, kind: string, title: string, name: string) => {
      const res = await cdo
        .post('/api/documents')
        .set('X-Requested-With', 'XMLHttpRequest')
        .field('resource', resource)
        .field('record_id', String(id))
        .field('kind', kind)
        .field('title', title)
        .attach('file', Buffer.concat([pdf, Buffer.from(`\n% ${title}\n`)]), name);
      expect(res.status).toBe(201);
    };
    await upload('grants', f.grantId, 'notice', 'Zuwendungsbescheid vom 01.03.2024', 'Bescheid.pdf');
    await upload('expenditures', await receipt('T-1'), 'receipt', 'Rechnung März 2025', 'Rechnung-T-1.pdf');
    await upload(
      'expenditures',
      await receipt('T-5'),
      'receipt',
      'Rechnung Dezember 2024',
      'Rechnung-T-5.pdf',
    );
    const tranche = async (number: number) =>
      ((await t.db('tranches').where({ grant_id: f.grantId, number }).first('id')) as { id: number }).id;
    await upload('tranches', await tranche(1), 'drawdown', 'Mittelabruf 1 wie versandt', 'Abruf-1.pdf');
    await upload(
      'tranches',
      await tranche(3),
      'drawdown',
      'Mittelabruf 3 (Haushaltsjahr 2024)',
      'Abruf-3.pdf',
    );

    const entries = unzip((await binary(`/api/reports/proof-of-use.zip?${q()}`)).body as Buffer);

    expect(
      entries
        .map((e) => e.name)
        .slice(3)
        .sort(),
    ).toEqual([
      'Dokumente/Beleg/Rechnung-T-1.pdf',
      'Dokumente/Bescheid/Bescheid.pdf',
      'Dokumente/Mittelabruf/Abruf-1.pdf',
    ]);
    const bill = entries.find((e) => e.name === 'Dokumente/Beleg/Rechnung-T-1.pdf')!;
    expect(bill.data.includes(Buffer.from('% Rechnung März 2025'))).toBe(true);
    const index = entries[0]!.data.toString('utf8');
    expect(index).toContain('- Dokumente/Bescheid/Bescheid.pdf – Zuwendungsbescheid vom 01.03.2024');
    expect(index).toContain('- Dokumente/Beleg/Rechnung-T-1.pdf – Rechnung März 2025');
    expect(index).toContain('- Dokumente/Mittelabruf/Abruf-1.pdf – Mittelabruf 1 wie versandt');
    expect(index).not.toContain('Rechnung-T-5');
    expect(index).not.toContain('Abruf-3');
  });
});

/** The entries of a zip written by api/http/zip.ts (deflated, sizes in the local headers), each checked by CRC. */
function unzip(buf: Buffer): { name: string; data: Buffer }[] {
  const entries: { name: string; data: Buffer }[] = [];
  for (let at = 0; buf.readUInt32LE(at) === 0x04034b50;) {
    const size = buf.readUInt32LE(at + 18);
    const nameLength = buf.readUInt16LE(at + 26);
    const name = buf.toString('utf8', at + 30, at + 30 + nameLength);
    const data = zlib.inflateRawSync(buf.subarray(at + 30 + nameLength, at + 30 + nameLength + size));
    expect(zlib.crc32(data)).toBe(buf.readUInt32LE(at + 14));
    entries.push({ name, data });
    at += 30 + nameLength + size;
  }
  return entries;
}

describe('GET /api/deadlines: proof deadlines with the state of their proof report', () => {
  it('shows none, then draft, then issued for an interim proof', async () => {
    const funding = await t.as('funding');
    await t
      .db('grant_years')
      .where({ grant_id: f.grantId, fiscal_year: 2024 })
      .update({ interim_proof_due_on: '2025-04-30' });
    const state = async () =>
      (
        (await funding.get(`/api/deadlines?grant_id=${f.grantId}&within=all`)).body.items as {
          kind: string;
          label: string;
          proof_state: string | null;
        }[]
      ).find((i) => i.kind === 'interim_proof' && i.label.startsWith('Zwischennachweis 2024'))?.proof_state;
    expect(await state()).toBe('none');
    const draft = await funding
      .post('/api/proof_reports')
      .send({ grant_id: f.grantId, kind: 'interim', fiscal_year: 2024 });
    expect(await state()).toBe('draft');
    await funding.put(`/api/proof_reports/${draft.body.id}`).send({ ...draft.body, status: 'issued' });
    expect(await state()).toBe('issued');
  });
});
