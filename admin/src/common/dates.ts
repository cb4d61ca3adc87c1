import { differenceInCalendarDays, format, isValid, parseISO, type Locale } from 'date-fns';
import { de } from 'date-fns/locale';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A 'YYYY-MM-DD' string as a local date (never shifted by the time zone); timestamps as they are. */
function parseDateValue(value: unknown): Date | undefined {
  if (typeof value !== 'string' && !(value instanceof Date)) return undefined;
  const date = typeof value === 'string' ? parseISO(value) : value;
  return isValid(date) ? date : undefined;
}

export const isDateOnly = (value: unknown): value is string =>
  typeof value === 'string' && DATE_ONLY.test(value);

/** 29.03.2026 in German, 29/03/2026 in English; with `withTime` also the hour and minute. */
export function formatDate(value: unknown, locale: Locale = de, withTime = false): string {
  const date = parseDateValue(value);
  if (!date) return '';
  return format(date, withTime ? 'P HH:mm' : 'P', { locale });
}

/** Today as 'YYYY-MM-DD' in the user's time zone. */
export function todayIso(now = new Date()): string {
  return format(now, 'yyyy-MM-dd');
}

/** Whole calendar days from `from` to `to` (both 'YYYY-MM-DD'); positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}
