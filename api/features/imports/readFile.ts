import { AppError } from '../../errors';
import { loadExcel } from '../../lazyModules';
import type { RawCell } from './cells';

/** A file's rows as read, each with its number as the user sees it in Excel (1 = the first line). */
export interface SheetRow {
  row: number;
  cells: RawCell[];
}

export type FileKind = 'xlsx' | 'csv';

const XLSX_TYPES = ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];
// Windows names a .csv "application/vnd.ms-excel"; a download without type arrives as octet-stream.
const CSV_TYPES = ['text/csv', 'application/csv', 'text/comma-separated-values', 'application/vnd.ms-excel'];
const ANY_TYPES = ['application/octet-stream'];

const isZip = (buf: Buffer) => buf.length > 4 && buf.readUInt32LE(0) === 0x04034b50;

/** xlsx or CSV by content type and content (a zip is a workbook, text without NUL bytes is CSV); else 415. */
export function fileKind(contentType: string | undefined, buf: Buffer): FileKind {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const unsupported = new AppError(
    415,
    'unsupported_type',
    'Bitte eine Excel-Datei (.xlsx) oder eine CSV-Datei hochladen.',
  );
  if (XLSX_TYPES.includes(type) || ANY_TYPES.includes(type) || CSV_TYPES.includes(type)) {
    if (isZip(buf)) {
      if (CSV_TYPES.includes(type) && type !== 'application/vnd.ms-excel') throw unsupported;
      return 'xlsx';
    }
    if (XLSX_TYPES.includes(type) || buf.subarray(0, 8192).includes(0)) throw unsupported;
    return 'csv';
  }
  throw unsupported;
}

/** A cell as exceljs reads it → its value: a formula's cached result, rich text as text, a hyperlink's text. */
function cellValue(v: unknown): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: string };
    if ('formula' in o || 'sharedFormula' in o) return cellValue(o.result);
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if (o.text !== undefined) return cellValue(o.text);
    if (o.error) return null;
  }
  return null;
}

/**
 * A whole number that its format shows with leading zeros ("0000000": the ledger account 0821000) → that text,
 * as the user sees it; other numbers stay numbers.
 */
function zeroPadded(value: RawCell | undefined, format: string | undefined): string | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return undefined;
  if (!format || !/^0{2,}$/.test(format)) return undefined;
  return String(value).padStart(format.length, '0');
}

async function readXlsx(buf: Buffer): Promise<SheetRow[]> {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new AppError(400, 'unreadable_file', 'Die Excel-Datei lässt sich nicht lesen. Ist sie beschädigt?');
  }
  // The data lie in the first sheet that is not the template's notes.
  const sheet = workbook.worksheets.find((w) => !/^(hinweise|listen)$/i.test(w.name.trim()));
  if (!sheet) return [];
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const values = row.values as unknown[]; // 1-based
    const cells = values.slice(1).map(cellValue);
    row.eachCell((cell, column) => {
      const padded = zeroPadded(cells[column - 1], cell.numFmt);
      if (padded !== undefined) cells[column - 1] = padded;
    });
    rows.push({ row: number, cells });
  });
  return rows;
}

/**
 * Windows-1252's characters at 0x80–0x9F (€ „ “ – … and the like); elsewhere it equals Latin-1. Written out
 * because Node's TextDecoder decodes "windows-1252" as plain Latin-1 (C1 control characters there).
 */
const CP1252_HIGH =
  '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd' +
  '\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';

const decodeCp1252 = (buf: Buffer): string =>
  buf.toString('latin1').replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);

/** UTF-8 (with or without BOM) when the bytes are valid UTF-8, else Windows-1252 (German Excel's default). */
export function decodeText(buf: Buffer): string {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return decodeCp1252(buf);
  }
}

/** The separator: the one of ; , and tab found most often outside quotes in the first lines. */
function separatorOf(text: string): string {
  const sample = text.slice(0, 20_000).replace(/"[^"]*"/g, '');
  const count = (c: string) => sample.split(c).length - 1;
  return [';', ',', '\t'].reduce((best, c) => (count(c) > count(best) ? c : best), ';');
}

/** RFC 4180 records: quoted fields with separators, doubled quotes and line breaks; CRLF or LF. */
export function parseCsv(text: string): SheetRow[] {
  const sep = separatorOf(text);
  const rows: SheetRow[] = [];
  let cells: RawCell[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const endCell = () => {
    cells.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    if (cells.some((c) => c !== '')) rows.push({ row: rows.length + 1, cells });
    else rows.push({ row: rows.length + 1, cells: [] });
    cells = [];
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === '') {
      cell = '';
      quoted = true;
    } else if (ch === sep) endCell();
    else if (ch === '\n' || ch === '\r') {
      endRow();
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else cell += ch;
    i++;
  }
  if (cell !== '' || cells.length) endRow();
  return rows.filter((r) => r.cells.length);
}

export async function readRows(kind: FileKind, buf: Buffer): Promise<SheetRow[]> {
  return kind === 'xlsx' ? readXlsx(buf) : parseCsv(decodeText(buf));
}
