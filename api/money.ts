const euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });

/** 123456789 cents → "1.234.567,89 €". */
export function formatEuro(cents: number): string {
  return euro.format(cents / 100);
}

/**
 * A share of an amount in basis points, rounded half up to the cent, in integer arithmetic:
 * the rule every report uses, so parts and totals reconcile to the cent.
 */
export function shareOf(cents: number, basisPoints: number): number {
  // In BigInt: cents × basis points passes 2^53 from about 9 Mrd. € on.
  return Number((BigInt(cents) * BigInt(basisPoints) + 5000n) / 10000n);
}
