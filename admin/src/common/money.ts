/**
 * Exact conversions between integer cents (or basis points) and German decimal notation.
 * Only string and integer arithmetic: 0.1 + 0.2 never happens here.
 */

const GROUPED = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/;

/**
 * '1.234,56' → 123456; '' → null; anything else (including too large amounts, and negatives unless `signed`:
 * '-312,50' → -31250) → undefined.
 */
export function parseHundredths(text: string, signed = false): number | null | undefined {
  const trimmed = text.replace(/[\s\u00a0€%]/g, '');
  if (trimmed === '') return null;
  const negative = signed && /^[-−]/.test(trimmed);
  const match = GROUPED.exec(negative ? trimmed.slice(1) : trimmed);
  if (!match) return undefined;
  const whole = match[1]!.replace(/\./g, '');
  const fraction = (match[2] ?? '').padEnd(2, '0');
  const value = Number(`${negative ? '-' : ''}${whole}${fraction}`);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** 123456 → '1234.56' (a plain decimal string, for Intl). */
function decimalString(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const grouped = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });

// Intl formats decimal strings exactly (no detour through a float).
const format = (nf: Intl.NumberFormat, hundredths: number) =>
  nf.format(decimalString(hundredths) as unknown as number);

/** 123456 → '1.234,56' (what a money or percent input shows). */
export function formatHundredths(hundredths: number): string {
  return format(grouped, hundredths);
}

/** 123456789 → '1.234.567,89 €' */
export function formatEuro(cents: number): string {
  return format(euro, cents);
}

/** 6500 (basis points) → '65,00 %' */
export function formatPercentBp(bp: number): string {
  return `${formatHundredths(bp)} %`;
}
