import type { Locale } from 'date-fns';
import type { TranslateFunction } from 'react-admin';
import { formatDate, isDateOnly } from './dates';
import { enumLabelKey, type EnumName } from './enums';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T/;
const HUNDREDTHS = /_cents$|_bp$/;

/** Columns holding integer hundredths: cents and basis points. */
export const isHundredths = (column: string) => HUNDREDTHS.test(column);

interface Options {
  translate: TranslateFunction;
  /** How integer cents and basis points are written (e.g. '1.234,56 €' on screen, '1234,56' in a CSV). */
  hundredths: (value: number) => string;
  enumName?: EnumName;
  locale?: Locale;
}

/** A stored value as German text: enumerations and booleans in words, dates as 29.03.2026, amounts in euros. */
export function formatValue(
  column: string,
  value: unknown,
  { translate, hundredths, enumName, locale }: Options,
): string {
  if (value === null || value === undefined) return '';
  if (enumName) return translate(enumLabelKey(enumName, value));
  if (typeof value === 'boolean') return translate(value ? 'app.common.yes' : 'app.common.no');
  if (typeof value === 'number')
    return isHundredths(column) ? hundredths(value) : String(value).replace('.', ',');
  if (isDateOnly(value)) return formatDate(value, locale);
  if (typeof value === 'string' && TIMESTAMP.test(value)) return formatDate(value, locale, true);
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object'))
    return value.map((v) => String(v)).join(', ');
  if (Array.isArray(value)) return translate('app.audit.entries', { smart_count: value.length });
  return typeof value === 'string' ? value : JSON.stringify(value);
}
