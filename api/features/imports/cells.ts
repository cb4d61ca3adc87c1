import { isRealDate, type Field } from '../../rest/fields';
import { enumLabels, NO, YES } from './labels';

/** What a spreadsheet cell holds once read: text, a number, a date, a boolean or nothing. */
export type RawCell = string | number | boolean | Date | null;

export type Parsed = { value: unknown } | { error: string };

/** Surrounding and non-breaking spaces gone, a CSV export's formula guard (a leading apostrophe) undone. */
export function cleanText(raw: string): string {
  const text = raw.replace(/[\u00a0\u202f\u2007]/g, ' ').trim();
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
}

export const isEmpty = (raw: RawCell): boolean =>
  raw === null || (typeof raw === 'string' && cleanText(raw) === '');

/** For comparing names: case, spaces and non-breaking spaces do not count. */
export const normalise = (raw: string): string => cleanText(raw).replace(/\s+/g, ' ').toLocaleLowerCase('de');

const pad = (n: number) => String(n).padStart(2, '0');

/** An Excel serial day number (1900 system) → 'YYYY-MM-DD'. */
function serialDate(serial: number): string {
  const d = new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** A date as people write it: an Excel date, TT.MM.JJJJ (also T.M.JJ), or JJJJ-MM-TT. */
export function parseDate(raw: RawCell): string | undefined {
  let iso: string | undefined;
  // exceljs reads a date cell as the UTC midnight of that calendar day.
  if (raw instanceof Date)
    iso = `${raw.getUTCFullYear()}-${pad(raw.getUTCMonth() + 1)}-${pad(raw.getUTCDate())}`;
  else if (typeof raw === 'number' && raw > 0 && raw < 200_000) iso = serialDate(raw);
  else if (typeof raw === 'string') {
    const text = cleanText(raw);
    const german = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(text);
    if (german) {
      const year = german[3]!.length === 2 ? 2000 + Number(german[3]) : Number(german[3]);
      iso = `${year}-${pad(Number(german[2]))}-${pad(Number(german[1]))}`;
    } else if (/^\d{4}-\d{2}-\d{2}([T ].*)?$/.test(text)) iso = text.slice(0, 10);
  }
  return iso && isRealDate(iso) ? iso : undefined;
}

/**
 * A number as German (and other) spreadsheets write it: 1.234,56 · 1234,56 · 1234.56 · 1.234 · -312,50 · "-" for
 * zero, with or without € or %.
 */
export function parseNumber(raw: RawCell): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  let text = cleanText(raw)
    .replace(/\s*(€|EUR|%)$/i, '')
    .replace(/\s/g, '');
  if (text === '-' || text === '–') return 0;
  text = text.replace(/^[–−]/, '-');
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(text) || /^-?\d+(,\d+)?$/.test(text))
    return Number(text.replace(/\./g, '').replace(',', '.'));
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) return Number(text.replace(/,/g, ''));
  if (/^-?\d*\.\d+$/.test(text)) return Number(text);
  return undefined;
}

const isPercentText = (raw: RawCell) => typeof raw === 'string' && /%\s*$/.test(raw);

const TRUE = new Set([YES, 'j', 'x', 'wahr', 'true', '1', 'yes', 'y']);
const FALSE = new Set([NO, 'n', 'falsch', 'false', '0', 'no']);

/**
 * One cell → the value the API takes for the field (references are resolved elsewhere). An empty cell is null
 * (a switch: false); `percent` marks a 0–100 field that may be written as 65 %, 65 or 0,65.
 */
export function parseCell(name: string, field: Field, raw: RawCell, percent = false): Parsed {
  if (isEmpty(raw)) return { value: field.kind === 'bool' && !field.nullable ? false : null };
  const labels = enumLabels(name, field);
  if (labels) {
    const text = normalise(String(raw));
    const hit = labels.find(([v, l]) => normalise(String(v)) === text || normalise(l) === text);
    if (hit) return { value: hit[0] };
    return {
      error: `Unbekannter Wert "${cleanText(String(raw))}"; erlaubt: ${labels.map(([, l]) => l).join(', ')}`,
    };
  }
  switch (field.kind) {
    case 'text':
      return {
        value: typeof raw === 'string' ? cleanText(raw) : raw instanceof Date ? parseDate(raw) : String(raw),
      };
    case 'date': {
      const iso = parseDate(raw);
      return iso ? { value: iso } : { error: 'Ungültiges Datum (erwartet TT.MM.JJJJ)' };
    }
    case 'money': {
      const euros = parseNumber(raw);
      return euros === undefined
        ? { error: 'Ungültiger Betrag (erwartet z. B. 1.234,56 €)' }
        : { value: Math.round(euros * 100) };
    }
    case 'int':
    case 'number': {
      let n = parseNumber(raw);
      if (n === undefined) return { error: 'Bitte eine Zahl eingeben' };
      // 0,65 or an Excel percent cell (0.65) for a 0–100 field; "65 %" is already 65.
      if (percent && !isPercentText(raw) && n > 0 && n < 1) n = Math.round(n * 10_000) / 100;
      if (field.kind === 'int' && !Number.isInteger(n)) return { error: 'Bitte eine ganze Zahl eingeben' };
      return { value: n };
    }
    case 'bool': {
      if (typeof raw === 'boolean') return { value: raw };
      const text = normalise(String(raw));
      if (TRUE.has(text)) return { value: true };
      if (FALSE.has(text)) return { value: false };
      return { error: 'Bitte ja oder nein angeben' };
    }
    default:
      return { error: 'Diese Spalte kann nicht importiert werden' };
  }
}

/** A list cell ("Andernach, Mayen; VG Maifeld") → its items. */
export const listItems = (raw: RawCell): string[] =>
  isEmpty(raw)
    ? []
    : String(raw)
        .split(/[;,\n]/)
        .map(cleanText)
        .filter(Boolean);
