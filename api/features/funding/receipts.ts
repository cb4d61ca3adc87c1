import type ExcelJS from 'exceljs';
import { loadExcel } from '../../lazyModules';
import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { attachment, fileNamePart } from '../../http/attachment';
import { fiscalYearParam, idParam } from '../../http/params';
import { COST_CATEGORY_LABELS, germanDate } from '../../labels';
import { COST_GROUPS, DATE_FORMAT, EURO_FORMAT, euros, excelDate } from './rules';
import type { Receipt, ReceiptList } from './contract';
import { notFound } from '../../errors';
import { errorResponses, fileResponse, grantParam, okJson, READERS_NOTE, yearParam } from './openapi';
import type { ExtraModule } from '../feature';
import { requireRole } from '../../http/requireRole';
import { FUNDING_READERS } from '../access';
import { SnapshotCache } from '../../db/snapshotCache';

export type { Receipt, ReceiptGroup, ReceiptList } from './contract';

const GROUP_SQL = `case ${COST_GROUPS.flatMap((g) => g.categories.map((c) => `when e.cost_category = '${c}' then '${g.key}'`)).join(' ')} end`;

/**
 * The receipt list (Belegliste) for a proof of use: every eligible expenditure of the grant paid up to today (and
 * of the fiscal year by its payment date, as the funding rules count payments), grouped like the financing plan — personnel; material and services (with "other");
 * investment — in date order inside each group, with subtotals and a grand total from SQL.
 */
export async function receiptList(db: Knex, grantId: number, fiscalYear?: number): Promise<ReceiptList> {
  const grant = (await db('grants')
    .select('id', 'programme', 'funder', 'file_number', 'phase', 'period_start', 'period_end')
    .where('id', grantId)
    .first()) as ReceiptList['grant'] | undefined;
  if (!grant) throw notFound('Der Zuwendungsbescheid wurde nicht gefunden.');
  const { rows } = (await db.raw(
    `select e.id, e.booked_on, e.paid_on, e.payee, e.description, e.receipt_no, e.cost_category, m.code as measure_code,
       e.amount_cents, exists (select 1 from documents d where d.expenditure_id = e.id) as has_document,
       ${GROUP_SQL} as grp,
       sum(e.amount_cents) over (partition by ${GROUP_SQL})::bigint as subtotal_cents,
       sum(e.amount_cents) over ()::bigint as total_cents,
       current_date as as_of
     from expenditures e join measures m on m.id = e.measure_id
     where e.grant_id = :grant and e.eligible and e.paid_on <= current_date
       and (:year::int is null or e.paid_on between make_date(:year::int, 1, 1) and make_date(:year::int, 12, 31))
     order by e.paid_on, e.id`,
    { grant: grantId, year: fiscalYear ?? null },
  )) as { rows: (Receipt & { grp: string; subtotal_cents: number; total_cents: number; as_of: string })[] };
  const groups = COST_GROUPS.map((g) => {
    const items = rows.filter((r) => r.grp === g.key);
    return {
      key: g.key,
      label: g.label,
      items: items.map(({ grp: _g, subtotal_cents: _s, total_cents: _t, as_of: _a, ...item }) => item),
      subtotal_cents: items[0]?.subtotal_cents ?? 0,
    };
  });
  const asOf =
    rows[0]?.as_of ?? ((await db.raw('select current_date as d')) as { rows: [{ d: string }] }).rows[0].d;
  return {
    grant,
    fiscal_year: fiscalYear ?? null,
    as_of: asOf,
    groups,
    total_cents: rows[0]?.total_cents ?? 0,
    count: rows.length,
  };
}

export const RECEIPT_HEADERS = [
  'Lfd. Nr.',
  'Zahlungsdatum',
  'Zahlungsempfänger',
  'Grund der Zahlung',
  'Beleg-Nr.',
  'Kostenart',
  'Maßnahme',
  'Betrag',
  'Beleg im Cockpit',
];

export async function receiptWorkbook(list: ReceiptList): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'MYK10 Steuerungscockpit';
  wb.title = `Belegliste ${list.grant.file_number}`;
  addReceiptSheet(wb, list);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The receipt list as a sheet "Belegliste" (its own file, and one sheet of the proof of use). */
export function addReceiptSheet(wb: ExcelJS.Workbook, list: ReceiptList): void {
  const ws = wb.addWorksheet('Belegliste', {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  ws.columns = [8, 12, 34, 48, 16, 22, 10, 16, 12].map((width) => ({ width }));
  const year = list.fiscal_year
    ? String(list.fiscal_year)
    : `alle (Bewilligungszeitraum ${germanDate(list.grant.period_start)} – ${germanDate(list.grant.period_end)})`;
  ws.addRow(['Belegliste zum zahlenmäßigen Nachweis']).font = { bold: true, size: 14 };
  const info: [string, string | Date][] = [
    ['Förderprogramm', `${list.grant.programme} – ${list.grant.phase}`],
    ['Zuwendungsgeber', list.grant.funder],
    ['Aktenzeichen', list.grant.file_number],
    ['Haushaltsjahr', year],
    ['Stand', excelDate(list.as_of)],
  ];
  for (const [k, v] of info) {
    const row = ws.addRow([`${k}:`, v]);
    row.getCell(1).font = { bold: true };
    if (v instanceof Date) {
      row.getCell(2).numFmt = DATE_FORMAT;
      row.getCell(2).alignment = { horizontal: 'left' };
    }
  }
  ws.addRow([]);
  const header = ws.addRow(RECEIPT_HEADERS);
  header.font = { bold: true };
  header.eachCell((c) => {
    c.border = { bottom: { style: 'thin' } };
  });
  ws.views = [{ state: 'frozen', ySplit: header.number }];
  ws.pageSetup.printTitlesRow = `${header.number}:${header.number}`;

  let n = 0;
  for (const g of list.groups) {
    ws.addRow([g.label]).font = { bold: true };
    if (!g.items.length) ws.addRow(['', '', 'keine zuwendungsfähigen Ausgaben']).font = { italic: true };
    for (const e of g.items) {
      const row = ws.addRow([
        ++n,
        excelDate(e.paid_on),
        e.payee,
        e.description ?? '',
        e.receipt_no ?? '',
        COST_CATEGORY_LABELS[e.cost_category],
        e.measure_code,
        euros(e.amount_cents),
        e.has_document ? 'ja' : '',
      ]);
      row.getCell(2).numFmt = DATE_FORMAT;
      row.getCell(8).numFmt = EURO_FORMAT;
    }
    const sub = ws.addRow([
      `Zwischensumme ${g.label}`,
      null,
      null,
      null,
      null,
      null,
      null,
      euros(g.subtotal_cents),
    ]);
    sub.font = { bold: true };
    sub.getCell(8).border = { top: { style: 'thin' } };
    sub.getCell(8).numFmt = EURO_FORMAT;
    ws.addRow([]);
  }
  const total = ws.addRow(['Gesamtsumme', null, null, null, null, null, null, euros(list.total_cents)]);
  total.font = { bold: true };
  total.getCell(8).border = { top: { style: 'thin' }, bottom: { style: 'double' } };
  total.getCell(8).numFmt = EURO_FORMAT;
  ws.addRow([]);
  ws.addRow([
    'Die Belege liegen im Original vor und werden mindestens fünf Jahre nach Vorlage des Verwendungsnachweises aufbewahrt.',
  ]).font = { italic: true, size: 9 };
}

function params(req: Request) {
  const query = req.query as Record<string, unknown>;
  return { grantId: idParam(query, 'grant_id', true), fiscalYear: fiscalYearParam(query) };
}

export const receiptsModule: ExtraModule = {
  router(db: Knex) {
    const r = Router();
    const reader = requireRole(...FUNDING_READERS);
    // The list and its workbook once per grant, year and data state (building the workbook is the cost).
    const lists = new SnapshotCache<ReceiptList>(db);
    const workbooks = new SnapshotCache<{ list: ReceiptList; file: Buffer }>(db, 10);
    r.get('/reports/receipts', reader, async (req: Request, res: Response) => {
      const { grantId, fiscalYear } = params(req);
      res.json(await lists.get(`${grantId}/${fiscalYear}`, () => receiptList(db, grantId, fiscalYear)));
    });
    r.get('/reports/receipts.xlsx', reader, async (req: Request, res: Response) => {
      const { grantId, fiscalYear } = params(req);
      const { list, file } = await workbooks.get(`${grantId}/${fiscalYear}`, async () => {
        const list = await receiptList(db, grantId, fiscalYear);
        return { list, file: await receiptWorkbook(list) };
      });
      const name = `Belegliste_${fileNamePart(list.grant.file_number)}_${fiscalYear ?? 'alle-Jahre'}.xlsx`;
      res.set('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      res.set('Content-Disposition', attachment(name));
      res.send(file);
    });
    return r;
  },
  paths: {
    '/reports/receipts': {
      get: {
        tags: ['reports'],
        summary: `Belegliste (zuwendungsfähige Ausgaben nach Gruppen des Finanzierungsplans) als JSON. ${READERS_NOTE}`,
        parameters: [grantParam, yearParam],
        responses: { 200: okJson('Gruppen mit Belegen, Zwischensummen und Gesamtsumme'), ...errorResponses },
      },
    },
    '/reports/receipts.xlsx': {
      get: {
        tags: ['reports'],
        summary: `Belegliste als Excel-Datei zum Verwendungsnachweis. ${READERS_NOTE}`,
        parameters: [grantParam, yearParam],
        responses: {
          200: fileResponse('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
          ...errorResponses,
        },
      },
    },
  },
};
