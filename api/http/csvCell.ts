/**
 * The one CSV cell writer of the API's CSV files and the admin's list export: CSV the way German Excel opens
 * it with a double click (UTF-8 with BOM, `;` between fields, CRLF line ends, decimal comma, quotes only
 * where needed). Text that a spreadsheet would read as a formula gets a leading apostrophe (OWASP CSV
 * injection); numbers are written as numbers, so a negative amount stays a negative amount.
 *
 * Pure on purpose (no Node or browser API): the admin bundles it.
 */

/** Integer hundredths (cents, basis points), written as a decimal with two places: 123456 → 1234,56. */
export interface Hundredths {
  readonly hundredths: number;
}

/** What one cell holds: text, a number, integer hundredths, or nothing (an empty cell). */
export type CsvValue = string | number | Hundredths | null | undefined;

export const hundredths = (value: number | null | undefined): Hundredths | null =>
  value === null || value === undefined ? null : { hundredths: value };

const FORMULA_START = /^[=+\-@\t\r\n]/;
const NEEDS_QUOTES = /[;"\r\n]/;

function number(value: number): string {
  return Number.isFinite(value) ? String(value).replace('.', ',') : '';
}

function decimal({ hundredths: value }: Hundredths): string {
  if (!Number.isSafeInteger(value)) return '';
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  return `${sign}${Math.trunc(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/** Text: a formula trigger at the start defused with `'`, quoted when it holds `;`, `"` or a line break. */
function text(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One field of a CSV line. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return number(value);
  if (typeof value === 'string') return text(value);
  return decimal(value);
}

/** 123456 → '1234,56' (no thousands separator, so a spreadsheet reads a number). */
export function csvHundredths(value: number): string {
  return decimal({ hundredths: value });
}

export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(';');
}

/** Rows of cells → the file body: BOM, `;` separated, CRLF after every line. */
export function csvDocument(rows: readonly (readonly CsvValue[])[]): string {
  return `\uFEFF${rows.map((r) => `${csvRow(r)}\r\n`).join('')}`;
}
