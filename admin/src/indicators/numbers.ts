const numberFormat = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });

/** A measured or target value with its unit, German number format ("1.234,5 Buchungen"). */
export const withUnit = (value: number | null | undefined, unit: string | undefined): string =>
  value === null || value === undefined ? '—' : `${numberFormat.format(value)} ${unit ?? ''}`.trim();
