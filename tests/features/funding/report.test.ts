import ExcelJS from 'exceljs';
import { shareOf } from '../../../api/money';
import { testApp, type Agent, type TestApp } from '../../support/app';
import { binaryParser, cents, createGrant } from './helpers';

const CATEGORIES = ['personnel', 'material', 'services', 'investment', 'other'] as const;

interface Exp {
  measure_id: number;
  booked_on: string;
  amount_cents: number;
  cost_category: string;
  eligible: boolean;
}
interface Tr {
  measure_id: number | null;
  fiscal_year: number;
  status: string;
  requested_cents: number;
  received_cents: number | null;
}

/** The table's header row: below the header block, the row that starts with "Nr." or "Kostenart". */
function headerRowOf(ws: ExcelJS.Worksheet): number {
  let found = 0;
  ws.eachRow((row, n) => {
    if (!found && ['Nr.', 'Kostenart'].includes(String(row.getCell(1).value))) found = n;
  });
  return found;
}

/** The report recomputed in plain JS from the raw rows (independent of the report's SQL). */
async function recompute(t: TestApp, grantId: number, year?: number) {
  const grant = (await t.db('grants').where('id', grantId).first()) as { funding_rate_bp: number };
  const inYear = (d: string) => !year || Number(d.slice(0, 4)) === year;
  const exps = ((await t.db('expenditures').where('grant_id', grantId)) as Exp[]).filter((e) => e.eligible);
  const trs = (await t.db('tranches').where('grant_id', grantId)) as Tr[];
  const years = (await t.db('grant_years').where('grant_id', grantId)) as {
    fiscal_year: number;
    approved_cents: number;
  }[];
  const measures = (await t.db('measures')) as { id: number; code: string; budget_cents: number }[];

  // Rounding unit: measure × fiscal year.
  const unit = new Map<string, number>();
  for (const e of exps.filter((e) => inYear(e.booked_on))) {
    const k = `${e.measure_id}|${e.booked_on.slice(0, 4)}`;
    unit.set(k, (unit.get(k) ?? 0) + e.amount_cents);
  }
  const byMeasure = new Map<number, { spent: number; federal: number }>();
  for (const [k, eligible] of unit) {
    const m = Number(k.split('|')[0]);
    const cur = byMeasure.get(m) ?? { spent: 0, federal: 0 };
    byMeasure.set(m, {
      spent: cur.spent + eligible,
      federal: cur.federal + shareOf(eligible, grant.funding_rate_bp),
    });
  }
  // Cost categories: each unit's federal share split by largest remainder.
  const catFederal = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<string, number>;
  const catSpent = { ...catFederal };
  for (const [k, eligible] of unit) {
    const [m, y] = k.split('|');
    const parts = CATEGORIES.map((c) => {
      const amount = exps
        .filter((e) => String(e.measure_id) === m && e.booked_on.startsWith(y!) && e.cost_category === c)
        .reduce((s, e) => s + e.amount_cents, 0);
      return { c, amount, exact: amount * grant.funding_rate_bp };
    }).filter((p) => p.amount > 0);
    let left =
      shareOf(eligible, grant.funding_rate_bp) - parts.reduce((s, p) => s + Math.floor(p.exact / 10000), 0);
    const order = [...parts].sort((a, b) => (b.exact % 10000) - (a.exact % 10000) || a.c.localeCompare(b.c));
    for (const p of order) {
      catFederal[p.c]! += Math.floor(p.exact / 10000) + (left-- > 0 ? 1 : 0);
      catSpent[p.c]! += p.amount;
    }
  }
  const trYear = trs.filter((tr) => !year || tr.fiscal_year === year);
  const requestedOf = (list: Tr[]) =>
    list.filter((x) => x.status !== 'planned').reduce((s, x) => s + x.requested_cents, 0);
  const receivedOf = (list: Tr[]) =>
    list
      .filter((x) => x.status === 'received' || x.status === 'settled')
      .reduce((s, x) => s + (x.received_cents ?? 0), 0);
  const shown = new Set([
    ...exps.map((e) => e.measure_id),
    ...((await t.db('expenditures').where('grant_id', grantId)) as Exp[]).map((e) => e.measure_id),
    ...trs.filter((x) => x.measure_id !== null).map((x) => x.measure_id!),
    ...((await t.db('transfers').where('grant_id', grantId)) as { measure_id: number }[]).map(
      (x) => x.measure_id,
    ),
  ]);
  const rows = measures
    .filter((m) => shown.has(m.id))
    .map((m) => {
      const s = byMeasure.get(m.id) ?? { spent: 0, federal: 0 };
      const mine = trYear.filter((x) => x.measure_id === m.id);
      const upTo = exps
        .filter((e) => e.measure_id === m.id && (!year || Number(e.booked_on.slice(0, 4)) <= year))
        .reduce((sum, e) => sum + e.amount_cents, 0);
      return {
        code: m.code,
        planned_cents: m.budget_cents,
        requested_cents: requestedOf(mine),
        received_cents: receivedOf(mine),
        spent_cents: s.spent,
        federal_share_cents: s.federal,
        own_share_cents: s.spent - s.federal,
        remaining_cents: m.budget_cents - upTo,
      };
    });
  const unassigned = trYear.filter((x) => x.measure_id === null);
  return {
    rows: rows.sort((a, b) => a.code.localeCompare(b.code)),
    unassigned: unassigned.length
      ? { requested: requestedOf(unassigned), received: receivedOf(unassigned) }
      : null,
    categories: CATEGORIES.map((c) => ({
      cost_category: c,
      spent_cents: catSpent[c],
      federal_share_cents: catFederal[c],
    })),
    totals: {
      approved_cents: years
        .filter((y) => !year || y.fiscal_year === year)
        .reduce((s, y) => s + y.approved_cents, 0),
      requested_cents: requestedOf(trYear),
      received_cents: receivedOf(trYear),
      spent_cents: exps.filter((e) => inYear(e.booked_on)).reduce((s, e) => s + e.amount_cents, 0),
    },
  };
}

type Row = Record<string, number | string | null>;

describe('GET /api/reports/funding', () => {
  let t: TestApp;
  let viewer: Agent;
  let grantB: number;
  let crafted: number;
  let measureA: number;
  let measureB: number;

  beforeAll(async () => {
    t = await testApp();
    viewer = await t.as('viewer');
    const funding = await t.as('funding');
    grantB = ((await t.db('grants').where('file_number', 'like', '%-B').first('id')) as { id: number }).id;
    crafted = (await createGrant(funding, { rate_bp: 6500, years: { 2024: 500_00, 2025: 700_00 } })).id;
    const field = (await t.db('fields_of_action').first('id')) as { id: number };
    const measure = (code: string, title: string) =>
      t
        .db('measures')
        .insert({
          code,
          title,
          field_of_action_id: field.id,
          phase: 'implementation',
          status: 'implementation',
          budget_cents: 1_000_00,
        })
        .returning('id')
        .then((r: { id: number }[]) => r[0]!.id);
    measureA = await measure('ZZ-1', 'Test; mit "Anführung"');
    measureB = await measure('ZZ-2', '=HYPERLINK("x")');
    const exp = (
      measure_id: number,
      booked_on: string,
      amount_cents: number,
      cost_category: string,
      eligible = true,
    ) => ({
      measure_id,
      grant_id: crafted,
      booked_on,
      amount_cents,
      cost_category,
      eligible,
      payee: 'Test',
      receipt_no: `T-${booked_on}-${amount_cents}`,
    });
    // Each measure-year row has fractions of a cent that rounding must handle: 3 × 1 ct at 65 % = 1.95 ct → 2 ct.
    await t
      .db('expenditures')
      .insert([
        exp(measureA, '2024-03-01', 1, 'personnel'),
        exp(measureA, '2024-03-02', 1, 'material'),
        exp(measureA, '2024-03-03', 1, 'services'),
        exp(measureA, '2025-01-10', 333, 'investment'),
        exp(measureA, '2025-02-10', 999_99, 'other', false),
        exp(measureB, '2024-07-01', 12_345, 'services'),
        exp(measureB, '2025-07-01', 1, 'services'),
        exp(measureB, '2025-08-01', 7, 'material'),
      ]);
    const tr = (
      number: number,
      measure_id: number | null,
      fiscal_year: number,
      status: string,
      req: number,
      rec: number | null,
    ) => ({
      grant_id: crafted,
      measure_id,
      fiscal_year,
      number,
      status,
      requested_cents: req,
      requested_on: status === 'planned' ? null : `${fiscal_year}-02-01`,
      received_cents: rec,
      received_on: rec === null ? null : `${fiscal_year}-03-01`,
    });
    await t
      .db('tranches')
      .insert([
        tr(1, measureA, 2024, 'settled', 300_00, 290_00),
        tr(2, null, 2024, 'received', 100_00, 100_00),
        tr(3, measureB, 2025, 'requested', 50_00, null),
        tr(4, null, 2025, 'planned', 999_00, null),
      ]);
  });
  afterAll(async () => t?.close());

  const get = (q: string) => viewer.get(`/api/reports/funding?${q}`);

  it.each([
    ['crafted grant, all years', () => crafted, undefined],
    ['crafted grant, 2024', () => crafted, 2024],
    ['crafted grant, 2025', () => crafted, 2025],
    ['demo grant B, all years', () => grantB, undefined],
    ['demo grant B, 2026', () => grantB, 2026],
  ])('equals an independent recomputation from the raw rows (%s)', async (_name, grant, year) => {
    const res = await get(`grant_id=${grant()}${year ? `&fiscal_year=${year}` : ''}`);
    expect(res.status).toBe(200);
    const expected = await recompute(t, grant(), year);
    const measures = (res.body.measures as Row[]).filter((r) => r.measure_id !== null);
    expect(
      measures.map((r) => ({
        code: r.code,
        planned_cents: r.planned_cents,
        requested_cents: r.requested_cents,
        received_cents: r.received_cents,
        spent_cents: r.spent_cents,
        federal_share_cents: r.federal_share_cents,
        own_share_cents: r.own_share_cents,
        remaining_cents: r.remaining_cents,
      })),
    ).toEqual(expected.rows);
    const unassigned = (res.body.measures as Row[]).find((r) => r.measure_id === null);
    expect(
      unassigned ? { requested: unassigned.requested_cents, received: unassigned.received_cents } : null,
    ).toEqual(expected.unassigned);
    expect(
      (res.body.categories as Row[]).map(({ cost_category, spent_cents, federal_share_cents }) => ({
        cost_category,
        spent_cents,
        federal_share_cents,
      })),
    ).toEqual(expected.categories);
    expect(res.body.totals).toMatchObject(expected.totals);
  });

  it('reconciles totals to the cent: sums of the rows, in both views, and federal + own = eligible', async () => {
    for (const grant of [crafted, grantB]) {
      const { body } = await get(`grant_id=${grant}`);
      const sum = (rows: Row[], k: string) => rows.reduce((s, r) => s + Number(r[k] ?? 0), 0);
      for (const k of [
        'planned_cents',
        'requested_cents',
        'received_cents',
        'spent_cents',
        'federal_share_cents',
        'own_share_cents',
        'remaining_cents',
      ])
        expect(sum(body.measures, k)).toBe(body.totals[k]);
      for (const k of ['spent_cents', 'federal_share_cents', 'own_share_cents'])
        expect(sum(body.categories, k)).toBe(body.totals[k]);
      for (const r of [...body.measures, ...body.categories, body.totals] as Row[])
        expect(Number(r.federal_share_cents) + Number(r.own_share_cents)).toBe(r.spent_cents);
      // The years add up to all years.
      const years = (await t.db('grant_years').where('grant_id', grant).pluck('fiscal_year')) as number[];
      const perYear = await Promise.all(years.map((y) => get(`grant_id=${grant}&fiscal_year=${y}`)));
      for (const k of [
        'approved_cents',
        'requested_cents',
        'received_cents',
        'spent_cents',
        'federal_share_cents',
        'own_share_cents',
      ])
        expect(perYear.reduce((s, r) => s + Number(r.body.totals[k]), 0)).toBe(body.totals[k]);
    }
  });

  it('rounds the federal share once per measure and year, half up (3 × 1 ct at 65 % → 2 ct)', async () => {
    const { body } = await get(`grant_id=${crafted}&fiscal_year=2024`);
    const a = (body.measures as Row[]).find((r) => r.measure_id === measureA)!;
    expect(a).toMatchObject({ spent_cents: 3, federal_share_cents: 2, own_share_cents: 1 });
    const cats = Object.fromEntries(
      (body.categories as Row[]).map((c) => [c.cost_category, c.federal_share_cents]),
    );
    // Measure A: 0.65 ct each, the 2 cents left over go to the largest remainders, ties in category order; measure B adds 80.24 € services.
    expect(cats).toMatchObject({ material: 1, personnel: 1, services: 8024 });
  });

  it('puts tranches without a measure in the row "nicht zugeordnet" and leaves out planned ones', async () => {
    const { body } = await get(`grant_id=${crafted}`);
    const row = (body.measures as Row[]).find((r) => r.measure_id === null)!;
    expect(row).toMatchObject({
      title: 'nicht zugeordnet',
      requested_cents: 100_00,
      received_cents: 100_00,
      approved_cents: null,
    });
    expect(body.totals).toMatchObject({
      approved_cents: 1200_00,
      requested_cents: 450_00,
      received_cents: 390_00,
    });
  });

  it.each([
    ['', /grant_id/],
    ['grant_id=abc', /keine gültige ID/],
    ['grant_id=1&fiscal_year=20x5', /Haushaltsjahr/],
    ['grant_id=1&fiscal_year=1999', /Haushaltsjahr/],
    ['grant_id=1&grant_id=2', /nur einmal/],
  ])('answers 400 with a message for bad parameters (%s)', async (q, message) => {
    const res = await get(q);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(message);
  });

  it('shows a booking at the next request, and its removal too (the report is computed once per data state)', async () => {
    const spent = async () =>
      ((await get(`grant_id=${crafted}&fiscal_year=2024`)).body.totals as Row).spent_cents as number;
    const before = await spent();
    expect(await spent()).toBe(before);
    const funding = await t.as('funding');
    const created = await funding
      .post('/api/expenditures')
      .send({
        measure_id: measureB,
        grant_id: crafted,
        booked_on: '2024-09-30',
        amount_cents: 4_200,
        cost_category: 'services',
        eligible: true,
        payee: 'Nachbuchung',
        receipt_no: 'T-NACH-1',
      })
      .expect(201);
    expect(await spent()).toBe(before + 4_200);
    await funding.delete(`/api/expenditures/${(created.body as Row).id as number}`).expect(200);
    expect(await spent()).toBe(before);
  });

  it('answers 404 for an unknown grant', async () => {
    expect((await get('grant_id=999999')).status).toBe(404);
  });

  describe('GET /api/reports/funding.xlsx', () => {
    it('reads back equal to the JSON to the cent, one sheet per view, with frozen header, filter and euro format', async () => {
      const json = (await get(`grant_id=${grantB}&fiscal_year=2025`)).body;
      const res = await viewer
        .get(`/api/reports/funding.xlsx?grant_id=${grantB}&fiscal_year=2025`)
        .buffer(true)
        .parse(binaryParser);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/spreadsheetml/);
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="Foerderbericht_.*_2025\.xlsx"; filename\*=UTF-8''F%C3%B6rderbericht_/,
      );
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.body as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Nach Maßnahme', 'Nach Kostenart']);

      const ws = wb.getWorksheet('Nach Maßnahme')!;
      const top = headerRowOf(ws);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: top, xSplit: 1 });
      expect(ws.autoFilter).toBeTruthy();
      expect(ws.getRow(top).values).toEqual([
        undefined,
        'Nr.',
        'Maßnahme',
        'Geplant (Kosten lt. Plan, gesamt)',
        'Bewilligt (Bundesmittel) 2025',
        'Angefordert 2025',
        'Eingegangen 2025',
        'Verausgabt (zuwendungsfähig) 2025',
        'Bundesanteil 2025',
        'Eigenanteil 2025',
        'Restbudget (Stand 31.12.2025)',
      ]);
      const keys = [
        'planned_cents',
        'approved_cents',
        'requested_cents',
        'received_cents',
        'spent_cents',
        'federal_share_cents',
        'own_share_cents',
        'remaining_cents',
      ];
      (json.measures as Row[]).forEach((m, i) => {
        const row = ws.getRow(top + i + 1);
        expect(row.getCell(2).value).toBe(m.title);
        keys.forEach((k, j) => {
          const cell = row.getCell(j + 3);
          expect(cell.value === null ? null : cents(cell.value)).toBe(m[k]);
        });
        expect(row.getCell(7).numFmt).toBe('#,##0.00 "€";[Red]-#,##0.00 "€"');
      });
      const sumRow = ws.getRow(top + json.measures.length + 1);
      expect(sumRow.getCell(1).value).toBe('Summe');
      keys.forEach((k, j) => expect(cents(sumRow.getCell(j + 3).value)).toBe(json.totals[k]));

      const wc = wb.getWorksheet('Nach Kostenart')!;
      const catTop = headerRowOf(wc);
      expect(wc.views[0]).toMatchObject({ state: 'frozen', ySplit: catTop });
      (json.categories as Row[]).forEach((c, i) => {
        const row = wc.getRow(catTop + i + 1);
        expect(row.getCell(1).value).toBe(c.label);
        expect([3, 4, 5].map((col) => cents(row.getCell(col).value))).toEqual([
          c.spent_cents,
          c.federal_share_cents,
          c.own_share_cents,
        ]);
      });
      const catSum = wc.getRow(catTop + json.categories.length + 1);
      expect(catSum.getCell(1).value).toBe('Summe');
      expect([3, 4, 5].map((col) => cents(catSum.getCell(col).value))).toEqual([
        json.totals.spent_cents,
        json.totals.federal_share_cents,
        json.totals.own_share_cents,
      ]);
    });

    it('answers 403 for a guide and 400 for bad input', async () => {
      const guide = await t.as('guide');
      expect((await guide.get(`/api/reports/funding.xlsx?grant_id=${grantB}`)).status).toBe(403);
      expect((await viewer.get('/api/reports/funding.xlsx?grant_id=x')).status).toBe(400);
    });
  });

  describe('GET /api/reports/funding.csv', () => {
    it('is German Excel CSV: BOM, semicolons, CRLF, decimal comma, quotes where needed, totals', async () => {
      const json = (await get(`grant_id=${crafted}`)).body;
      const res = await viewer
        .get(`/api/reports/funding.csv?grant_id=${crafted}`)
        .buffer(true)
        .parse(binaryParser);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(res.headers['content-disposition']).toMatch(
        /filename\*=UTF-8''F%C3%B6rderbericht_.*_alle-Jahre_nach-Massnahme\.csv/,
      );
      const buf = res.body as Buffer;
      expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = buf.toString('utf8').slice(1);
      expect(text.endsWith('\r\n')).toBe(true);
      const lines = text.split('\r\n').slice(0, -1);
      expect(lines.every((l) => !l.includes('\n'))).toBe(true);
      expect(lines[0]).toBe(
        'Nr.;Maßnahme;Geplant (Kosten lt. Plan, gesamt);Bewilligt (Bundesmittel) (kumuliert);Angefordert (kumuliert);Eingegangen (kumuliert);Verausgabt (zuwendungsfähig) (kumuliert);Bundesanteil (kumuliert);Eigenanteil (kumuliert);Restbudget (Stand heute)',
      );
      expect(lines).toContain('ZZ-1;"Test; mit ""Anführung""";1000,00;;300,00;290,00;3,36;2,18;1,18;996,64');
      expect(lines.some((l) => l.startsWith(`ZZ-2;"'=HYPERLINK(""x"")";`))).toBe(true);
      const total = lines.find((l) => l.startsWith('Summe;'))!.split(';');
      expect(total[0]).toBe('Summe');
      const euro = (c: number) => `${Math.floor(c / 100)},${String(c % 100).padStart(2, '0')}`;
      expect(total[3]).toBe(euro(json.totals.approved_cents));
      expect(total[6]).toBe(euro(json.totals.spent_cents));
      expect(total[8]).toBe(euro(json.totals.own_share_cents));
    });

    it('exports the cost-category view with view=categories and refuses an unknown view', async () => {
      const res = await viewer
        .get(`/api/reports/funding.csv?grant_id=${crafted}&view=categories`)
        .buffer(true)
        .parse(binaryParser);
      const lines = (res.body as Buffer).toString('utf8').slice(1).split('\r\n');
      expect(lines[0]).toBe(
        'Kostenart;Gruppe im Finanzierungsplan;Verausgabt (zuwendungsfähig) (kumuliert);Bundesanteil (kumuliert);Eigenanteil (kumuliert)',
      );
      expect(lines[1]).toMatch(/^Personalkosten;Personalkosten;0,01;/);
      expect((await viewer.get(`/api/reports/funding.csv?grant_id=${crafted}&view=foo`)).status).toBe(400);
    });
  });

  describe('text planted to run as a formula', () => {
    const titles = {
      'ZZ-3': '-1+2',
      'ZZ-4': '@SUM(A1:A9)',
      'ZZ-5': '+49 261 1234',
      'ZZ-6': '\t=1+1',
      'ZZ-7': "=cmd|' /C calc'!A0",
      'ZZ-8': '=1+1',
    };
    let planted: number;
    beforeAll(async () => {
      planted = (await createGrant(await t.as('funding'))).id;
      const field = (await t.db('fields_of_action').first('id')) as { id: number };
      for (const [code, title] of Object.entries(titles)) {
        const [row] = (await t
          .db('measures')
          .insert({
            code,
            title,
            field_of_action_id: field.id,
            phase: 'implementation',
            status: 'implementation',
            budget_cents: 1_00,
          })
          .returning('id')) as { id: number }[];
        await t.db('expenditures').insert({
          measure_id: row!.id,
          grant_id: planted,
          booked_on: '2025-05-05',
          amount_cents: 12_50,
          cost_category: 'services',
          eligible: true,
          payee: 'Test',
          receipt_no: `P-${code}`,
        });
      }
    });

    it('is defused in the CSV, while negative amounts stay numbers', async () => {
      const res = await viewer
        .get(`/api/reports/funding.csv?grant_id=${planted}`)
        .buffer(true)
        .parse(binaryParser);
      const rows = (res.body as Buffer)
        .toString('utf8')
        .slice(1)
        .split('\r\n')
        .map((l) => l.split(';'));
      const title = (code: string) => rows.find((r) => r[0] === code)?.[1];
      expect(title('ZZ-3')).toBe("'-1+2");
      expect(title('ZZ-4')).toBe("'@SUM(A1:A9)");
      expect(title('ZZ-5')).toBe("'+49 261 1234");
      expect(title('ZZ-6')).toBe("'\t=1+1");
      expect(title('ZZ-7')).toBe("'=cmd|' /C calc'!A0");
      expect(title('ZZ-8')).toBe("'=1+1");
      // Restbudget 1,00 − 12,50 per measure: a negative number, not text.
      expect(rows.find((r) => r[0] === 'ZZ-3')?.[9]).toBe('-11,50');
      expect(rows.find((r) => r[0] === 'Summe')?.[9]).toBe('-69,00');
    });

    it('is a text cell in the XLSX, never a formula', async () => {
      const res = await viewer
        .get(`/api/reports/funding.xlsx?grant_id=${planted}`)
        .buffer(true)
        .parse(binaryParser);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.body as ArrayBuffer);
      const ws = wb.getWorksheet('Nach Maßnahme')!;
      const cells = new Map<unknown, ExcelJS.Cell>();
      ws.eachRow((row) => cells.set(row.getCell(1).value, row.getCell(2)));
      for (const [code, title] of Object.entries(titles)) {
        const cell = cells.get(code)!;
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.value).toBe(title);
        expect(cell.formula).toBeFalsy();
      }
    });
  });
});
