import type ExcelJS from 'exceljs';
import { loadExcel } from '../../lazyModules';
import { csvDocument, hundredths, type CsvValue } from '../../http/csvCell';
import { fileNamePart } from '../../http/attachment';
import { COST_GROUPS, EURO_FORMAT, euros, RECIPIENT } from './rules';
import { germanDate } from '../../labels';
import { formatEuro } from '../../money';
import {
  CATEGORY_MONEY_COLUMNS,
  MEASURE_MONEY_COLUMNS,
  type CategoryRow,
  type Figures,
  type FundingReport,
  type MeasureRow,
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
  planned_cents: 'Geplant (Kosten lt. Plan, gesamt)',
  approved_cents: 'Bewilligt (Bundesmittel)',
  requested_cents: 'Angefordert',
  received_cents: 'Eingegangen',
  spent_cents: 'Verausgabt (zuwendungsfähig)',
  federal_share_cents: 'Bundesanteil',
  own_share_cents: 'Eigenanteil',
  remaining_cents: 'Restbudget',
};

/** The period a column covers, in its header: the chosen year, cumulative, or (planned cost) the whole measure. */
function headerOf(key: Money, year: number | null): string {
  if (key === 'planned_cents') return MONEY_HEADERS[key];
  if (key === 'remaining_cents')
    return year ? `Restbudget (Stand 31.12.${year})` : 'Restbudget (Stand heute)';
  return `${MONEY_HEADERS[key]} ${year ? year : '(kumuliert)'}`;
}

/** Euro format; negative figures (an overspent budget) in red with a minus sign. */
export const EURO_SIGNED_FORMAT = `${EURO_FORMAT};[Red]-${EURO_FORMAT}`;

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

/** The header of every sheet, like the receipt list's: who receives, who funds, file number, period, created. */
export function headerBlock(report: FundingReport, createdBy: string, createdOn: string): [string, string][] {
  const g = report.grant;
  const period = report.fiscal_year
    ? `Haushaltsjahr ${report.fiscal_year} (01.01.${report.fiscal_year} – 31.12.${report.fiscal_year})`
    : `alle Haushaltsjahre, kumuliert (Bewilligungszeitraum ${germanDate(g.period_start)} – ${germanDate(g.period_end)})`;
  return [
    ['Zuwendungsempfänger', RECIPIENT],
    ['Zuwendungsgeber', g.funder],
    ['Förderprogramm', `${g.programme} – ${g.phase}`],
    ['Aktenzeichen', g.file_number],
    ['Berichtszeitraum', period],
    ['Erstellt', `${germanDate(createdOn)} von ${createdBy}`],
    [UNSPENT_LABEL, formatEuro(report.totals.unspent_cents)],
  ];
}

export const UNSPENT_LABEL = 'Eingegangen, noch nicht verausgabt (offene Abrufe)';

function addSheet<R>(
  wb: ExcelJS.Workbook,
  name: string,
  columns: Column<R>[],
  rows: R[],
  report: FundingReport,
  head: [string, string][],
  notes: string[],
) {
  const totals = report.totals;
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      paperSize: 9,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      oddFooter: `&L${reportTitle(report).replace(/&/g, '&&')}&RSeite &P von &N`,
    },
  });
  ws.columns = columns.map((c) => ({ width: c.width }));
  ws.addRow([reportTitle(report)]).font = { bold: true, size: 14 };
  for (const [k, v] of head) ws.addRow([`${k}:`, v]).getCell(1).font = { bold: true };
  ws.addRow([]);
  const header = ws.addRow(columns.map((c) => (c.money ? headerOf(c.money, report.fiscal_year) : c.header)));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.border = { bottom: { style: 'thin' } };
  });
  const first = header.number;
  ws.views = [{ state: 'frozen', ySplit: first, xSplit: 1 }];
  ws.pageSetup.printTitlesRow = `${first}:${first}`;
  const cellsOf = (values: (string | number | null)[], bold = false) => {
    const row = ws.addRow(values);
    columns.forEach((c, i) => {
      if (c.money) row.getCell(i + 1).numFmt = EURO_SIGNED_FORMAT;
    });
    if (bold) row.font = { bold: true };
    return row;
  };
  for (const r of rows)
    cellsOf(
      columns.map((c) => {
        if (c.text) return c.text(r);
        const v = (r as unknown as Figures)[c.money!];
        return v === null ? null : euros(v);
      }),
    );
  ws.autoFilter = {
    from: { row: first, column: 1 },
    to: { row: first + rows.length, column: columns.length },
  };
  const sum = cellsOf(
    columns.map((c, i) => (i === 0 ? 'Summe' : c.money ? euros(totals[c.money]) : null)),
    true,
  );
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

export async function fundingWorkbook(
  report: FundingReport,
  createdBy: string,
  createdOn: string,
): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'MYK10 Steuerungscockpit';
  wb.title = reportTitle(report);
  wb.created = new Date();
  const notes = notesOf(report);
  const head = headerBlock(report, createdBy, createdOn);
  addSheet(wb, SHEET_NAMES.measures, MEASURE_COLUMNS, report.measures, report, head, notes);
  addSheet(wb, SHEET_NAMES.categories, CATEGORY_COLUMNS, report.categories, report, head, notes);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function csvLines<R>(columns: Column<R>[], rows: R[], report: FundingReport): CsvValue[][] {
  const { totals, fiscal_year: year } = report;
  const cells = (r: R) =>
    columns.map((c) => (c.text ? c.text(r) : hundredths((r as unknown as Figures)[c.money!])));
  return [
    columns.map((c) => (c.money ? headerOf(c.money, year) : c.header)),
    ...rows.map(cells),
    columns.map((c, i) => (i === 0 ? 'Summe' : c.money ? hundredths(totals[c.money]) : null)),
    [],
    [UNSPENT_LABEL, hundredths(totals.unspent_cents)],
  ];
}

export function fundingCsv(report: FundingReport, view: View): string {
  return csvDocument(
    view === 'measures'
      ? csvLines(MEASURE_COLUMNS, report.measures, report)
      : csvLines(CATEGORY_COLUMNS, report.categories, report),
  );
}
