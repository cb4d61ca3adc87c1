/**
 * The code a new measure should get: the most used prefix ("M-") with the highest number after it plus one,
 * as wide as the widest number ("M-41", "M-100"). Undefined when no code ends in a number.
 */
export function nextMeasureCode(codes: readonly string[]): string | undefined {
  const parsed = codes
    .map((c) => /^(.*?)(\d+)$/.exec(c.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ prefix: m[1]!, digits: m[2]! }));
  if (!parsed.length) return undefined;
  const count = new Map<string, number>();
  for (const p of parsed) count.set(p.prefix, (count.get(p.prefix) ?? 0) + 1);
  const prefix = [...count.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
  const mine = parsed.filter((p) => p.prefix === prefix);
  const next = Math.max(...mine.map((p) => Number(p.digits))) + 1;
  const width = Math.max(...mine.map((p) => p.digits.length));
  return `${prefix}${String(next).padStart(width, '0')}`;
}
