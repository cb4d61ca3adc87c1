import type ExcelJS from 'exceljs';
import { loadExcel } from '../../lazyModules';
import { csvDocument, hundredths, type CsvValue } from '../../http/csvCell';
import { fileNamePart } from '../../http/attachment';
import { COST_GROUPS, EURO_FORMAT, euros } from './rules';
import {
  CATEGORY_MONEY_COLUMNS,
  MEASURE_MONEY_COLUMNS,
  type CategoryRow,
  type Figures,
  type FundingReport,
  type MeasureRow,
  type Totals,
} from './contract';

export const VIEWS = ['measures', 'categories'] as const;
export type View = (typeof VIEWS)[number];

type Money = keyof Figures;

interface Column<R> {
  header: string;
  width: number;
  /** A money column: the figure's key (in rows and totals). */
  money?: Money;
  text?: (r: R) => string | null;
}

const MONEY_HEADERS: Record<Money, string> = {
  planned_cents: 'Geplant (Kosten lt. Plan)',
  approved_cents: 'Bewilligt',
  requested_cents: 'Angefordert',
  received_cents: 'Eingegangen',
  spent_cents: 'Verausgabt (zuwendungsfähig)',
  federal_share_cents: 'Bundesanteil',
  own_share_cents: 'Eigenanteil',
  remaining_cents: 'Restbudget',
};

const money = <R>(keys: readonly Money[]): Column<R>[] =>
  keys.map((key) => ({ header: MONEY_HEADERS[key], width: 18, money: key }));

const MEASURE_COLUMNS: Column<MeasureRow>[] = [
  { header: 'Nr.', width: 8, text: (r) => r.code },
  { header: 'Maßnahme', width: 48, text: (r) => r.title },
  ...money<MeasureRow>(MEASURE_MONEY_COLUMNS),
];

const CATEGORY_COLUMNS: Column<CategoryRow>[] = [
  { header: 'Kostenart', width: 22, text: (r) => r.label },
  {
    header: 'Gruppe im Finanzierungsplan',
    width: 32,
    text: (r) => COST_GROUPS.find((g) => g.key === r.group)!.label,
  },
  ...money<CategoryRow>(CATEGORY_MONEY_COLUMNS),
];

export const SHEET_NAMES: Record<View, string> = { measures: 'Nach Maßnahme', categories: 'Nach Kostenart' };

export function reportTitle(report: FundingReport): string {
  const year = report.fiscal_year ? `Haushaltsjahr ${report.fiscal_year}` : 'alle Haushaltsjahre';
  return `Förderbericht ${report.grant.programme} – ${report.grant.phase} (Az. ${report.grant.file_number}), ${year}`;
}

export function reportFileName(report: FundingReport, ext: 'xlsx' | 'csv', view?: View): string {
  const year = report.fiscal_year ? String(report.fiscal_year) : 'alle-Jahre';
  const suffix = view === 'categories' ? '_nach-Kostenart' : view === 'measures' ? '_nach-Massnahme' : '';
  return `Förderbericht_${fileNamePart(report.grant.file_number)}_${year}${suffix}.${ext}`;
}

function addSheet<R>(
  wb: ExcelJS.Workbook,
  name: string,
  columns: Column<R>[],
  rows: R[],
  totals: Totals,
  notes: string[],
) {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  ws.columns = columns.map((c) => ({
    header: c.header,
    width: c.width,
    style: c.money ? { numFmt: EURO_FORMAT } : {},
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  for (const r of rows)
    ws.addRow(
      columns.map((c) => {
        if (c.text) return c.text(r);
        const v = (r as unknown as Figures)[c.money!];
        return v === null ? null : euros(v);
      }),
    );
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: columns.length } };
  const sum = ws.addRow(columns.map((c, i) => (i === 0 ? 'Summe' : c.money ? euros(totals[c.money]) : null)));
  sum.font = { bold: true };
  sum.eachCell((cell) => {
    cell.border = { top: { style: 'thin' }, bottom: { style: 'double' } };
  });
  ws.addRow([]);
  for (const n of notes) ws.addRow([n]).font = { italic: true, size: 9 };
  return ws;
}

function notesOf(report: FundingReport): string[] {
  return [
    reportTitle(report),
    `Förderquote ${(report.grant.funding_rate_bp / 100).toLocaleString('de-DE')} %. ${report.rounding_rule}`,
    'Bewilligt: Summe der Haushaltsjahre laut Bescheid (nicht je Maßnahme bewilligt). Angefordert/Eingegangen: Mittelabrufe nach zugeordneter Maßnahme. Restbudget: geplante Kosten abzüglich zuwendungsfähiger Ausgaben bis zum Ende des gewählten Jahres.',
  ];
}

export async function fundingWorkbook(report: FundingReport): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'MYK10 Steuerungscockpit';
  wb.title = reportTitle(report);
  wb.created = new Date();
  const notes = notesOf(report);
  addSheet(wb, SHEET_NAMES.measures, MEASURE_COLUMNS, report.measures, report.totals, notes);
  addSheet(wb, SHEET_NAMES.categories, CATEGORY_COLUMNS, report.categories, report.totals, notes);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function csvLines<R>(columns: Column<R>[], rows: R[], totals: Totals): CsvValue[][] {
  const cells = (r: R) =>
    columns.map((c) => (c.text ? c.text(r) : hundredths((r as unknown as Figures)[c.money!])));
  return [
    columns.map((c) => c.header),
    ...rows.map(cells),
    columns.map((c, i) => (i === 0 ? 'Summe' : c.money ? hundredths(totals[c.money]) : null)),
  ];
}

export function fundingCsv(report: FundingReport, view: View): string {
  return csvDocument(
    view === 'measures'
      ? csvLines(MEASURE_COLUMNS, report.measures, report.totals)
      : csvLines(CATEGORY_COLUMNS, report.categories, report.totals),
  );
}
