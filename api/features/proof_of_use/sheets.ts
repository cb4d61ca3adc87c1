import type ExcelJS from 'exceljs';
import { germanDate } from '../../labels';
import { EURO_SIGNED_FORMAT } from '../funding/reportExport';
import { RECIPIENT, euros } from '../funding/rules';
import type { PlanGrant } from './contract';

/** The spreadsheets of Soll-Ist and proof of use: a header block like the funding report's, then one table. */

export type Cell = string | number | null;

export interface SheetColumn<R> {
  header: string;
  width: number;
  value: (r: R) => Cell;
  /** Money in cents, written as euros in the euro format (negative red). */
  money?: boolean;
  /** Basis points, written as a fraction in the percent format. */
  percent?: boolean;
}

export const PERCENT_FORMAT = '0.00 %;[Red]-0.00 %';

export const periodLabel = (grant: PlanGrant, fiscalYear: number | null): string =>
  fiscalYear
    ? `Haushaltsjahr ${fiscalYear} (01.01.${fiscalYear} – 31.12.${fiscalYear})`
    : `gesamter Bewilligungszeitraum (${germanDate(grant.period_start)} – ${germanDate(grant.period_end)})`;

export function headRows(
  grant: PlanGrant,
  fiscalYear: number | null,
  created: { by: string; on: string },
): [string, string][] {
  return [
    ['Zuwendungsempfänger', RECIPIENT],
    ['Zuwendungsgeber', grant.funder],
    ['Förderprogramm', `${grant.programme} – ${grant.phase}`],
    ['Aktenzeichen', grant.file_number],
    ['Zeitraum', periodLabel(grant, fiscalYear)],
    ['Erstellt', `${germanDate(created.on)} von ${created.by}`],
  ];
}

const cellValue = <R>(c: SheetColumn<R>, r: R): Cell => {
  const v = c.value(r);
  if (v === null || typeof v === 'string') return v;
  if (c.money) return euros(v);
  if (c.percent) return v / 10_000;
  return v;
};

/**
 * One sheet: title, header block, the table (header row frozen and repeated on every printed page, autofilter),
 * bold sum rows after it and notes in small italics. A4 landscape, fit to width, page numbers in the footer.
 */
export function tableSheet<R>(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  head: [string, string][],
  columns: SheetColumn<R>[],
  rows: R[],
  sums: R[] = [],
  notes: string[] = [],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
    headerFooter: { oddFooter: `&L${title.replace(/&/g, '&&')}&RSeite &P von &N` },
  });
  ws.columns = columns.map((c) => ({ width: c.width }));
  ws.addRow([title]).font = { bold: true, size: 14 };
  for (const [k, v] of head) ws.addRow([`${k}:`, v]).getCell(1).font = { bold: true };
  ws.addRow([]);
  const header = ws.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.border = { bottom: { style: 'thin' } };
  });
  ws.views = [{ state: 'frozen', ySplit: header.number, xSplit: 1 }];
  ws.pageSetup.printTitlesRow = `${header.number}:${header.number}`;
  const add = (r: R) => {
    const row = ws.addRow(columns.map((c) => cellValue(c, r)));
    columns.forEach((c, i) => {
      if (c.money) row.getCell(i + 1).numFmt = EURO_SIGNED_FORMAT;
      if (c.percent) row.getCell(i + 1).numFmt = PERCENT_FORMAT;
    });
    return row;
  };
  rows.forEach(add);
  if (rows.length)
    ws.autoFilter = {
      from: { row: header.number, column: 1 },
      to: { row: header.number + rows.length, column: columns.length },
    };
  for (const s of sums) {
    const row = add(s);
    row.font = { bold: true };
    row.eachCell((cell) => {
      cell.border = { top: { style: 'thin' } };
    });
  }
  if (notes.length) ws.addRow([]);
  for (const n of notes) ws.addRow([n]).font = { italic: true, size: 9 };
  return ws;
}

export async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}
