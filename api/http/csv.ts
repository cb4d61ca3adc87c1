/**
 * CSV the way German Excel opens it with a double click: UTF-8 with BOM, `;` between fields, CRLF line
 * ends, decimal comma, quotes only where needed. Text that Excel would read as a formula gets a leading
 * apostrophe (OWASP CSV injection).
 */

/** Cents as "1234,56" (no thousands separator, so Excel reads a number); null → empty. */
export function csvEuro(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '';
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/** A text cell: formula triggers defused, quoted when it holds `;`, `"` or a line break. */
export function csvText(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Lines of already formatted cells → the file body with BOM and CRLF. */
export function csvDocument(lines: string[][]): string {
  return `\uFEFF${lines.map((cells) => cells.join(';')).join('\r\n')}\r\n`;
}
