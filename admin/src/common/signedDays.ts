/**
 * A day difference with one sign style everywhere: "+12", "−20" (a real minus sign, U+2212), "±0".
 * The unit ("Tage") is the caller's translation.
 */
export function signedDays(days: number): string {
  const sign = days > 0 ? '+' : days < 0 ? '−' : '±';
  return `${sign}${Math.abs(days)}`;
}
