import type { CategoryRow, CostCategory } from '../contracts/funding';
import { badRequest } from '../errors';

/**
 * Rounding rule of every funding figure (reports, exports, start page):
 *
 * The federal share is rounded once per row of measure × fiscal year × grant: the row's eligible
 * expenditures (summed exactly in cents) times the grant's funding rate in basis points, rounded half
 * up to the cent in integer arithmetic, `floor((eligible × rate_bp + 5000) / 10000)` — the same as
 * `shareOf` in api/money.ts. The own share is the rest, `eligible − federal share`, never rounded on its
 * own, so both parts always add up to the eligible costs. Larger figures (a measure over all years,
 * a fiscal year, a grant) are sums of these rows, never re-rounded, so every total reconciles to the
 * cent with its rows. In the view by cost category each row's federal share is split across its cost
 * categories by the largest-remainder method (each part rounded down, the cents left over go to the
 * parts with the largest remainders, ties by category order), so the category figures add up to the
 * very same cents as the measure figures.
 */
export const ROUNDING_RULE_DE =
  'Der Bundesanteil wird je Zeile aus Maßnahme, Haushaltsjahr und Bescheid einmal kaufmännisch auf den Cent gerundet (zuwendungsfähige Ausgaben × Förderquote); der Eigenanteil ist die Differenz zu den zuwendungsfähigen Ausgaben. Summen sind Summen dieser Zeilen und werden nicht erneut gerundet. In der Sicht nach Kostenart wird der Bundesanteil jeder Zeile nach der Methode der größten Reste auf die Kostenarten verteilt.';

/**
 * The federal share of a bigint cents expression in SQL, half up in integer arithmetic (twin of
 * `shareOf`). Both operands are bigint/int and never negative, so PostgreSQL's truncating division is
 * the floor.
 */
export const federalShareSql = (eligibleSql: string, rateSql: string): string =>
  `((${eligibleSql})::bigint * (${rateSql}) + 5000) / 10000`;

/** Financing-plan groups of the receipt list; `other` counts as material and services. */
export const COST_GROUPS: { key: CategoryRow['group']; label: string; categories: CostCategory[] }[] = [
  { key: 'personnel', label: 'Personalkosten', categories: ['personnel'] },
  {
    key: 'material_services',
    label: 'Sach- und Dienstleistungskosten',
    categories: ['material', 'services', 'other'],
  },
  { key: 'investment', label: 'Investitionen', categories: ['investment'] },
];

export const COST_CATEGORY_LABELS: Record<CostCategory, string> = {
  personnel: 'Personalkosten',
  material: 'Sachkosten',
  services: 'Dienstleistungen',
  investment: 'Investitionen',
  other: 'Sonstiges',
};

export const costGroupOf = (category: CostCategory): CategoryRow['group'] =>
  COST_GROUPS.find((g) => g.categories.includes(category))!.key;

function single(raw: unknown, name: string): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') throw badRequest(`Der Parameter "${name}" darf nur einmal angegeben werden.`);
  return raw;
}

/** A positive record id from the query string; `required` makes a missing one a 400. */
export function idParam(query: Record<string, unknown>, name: string, required: true): number;
export function idParam(query: Record<string, unknown>, name: string, required?: false): number | undefined;
export function idParam(query: Record<string, unknown>, name: string, required = false): number | undefined {
  const raw = single(query[name], name);
  if (raw === undefined) {
    if (required) throw badRequest(`Der Parameter "${name}" fehlt.`, { [name]: 'Pflichtfeld' });
    return undefined;
  }
  if (!/^\d{1,10}$/.test(raw) || Number(raw) < 1 || Number(raw) > 2147483647)
    throw badRequest(`"${raw.slice(0, 40)}" ist keine gültige ID für "${name}".`, { [name]: 'Ungültige ID' });
  return Number(raw);
}

/** An optional fiscal year (2000–2100); empty or missing means all years. */
export function fiscalYearParam(query: Record<string, unknown>): number | undefined {
  const raw = single(query.fiscal_year, 'fiscal_year');
  if (raw === undefined) return undefined;
  if (!/^\d{4}$/.test(raw) || Number(raw) < 2000 || Number(raw) > 2100)
    throw badRequest(`"${raw.slice(0, 40)}" ist kein gültiges Haushaltsjahr (2000–2100).`, {
      fiscal_year: 'Ungültiges Haushaltsjahr',
    });
  return Number(raw);
}

/** One value out of a fixed list, or the default. */
export function choiceParam<T extends string>(
  query: Record<string, unknown>,
  name: string,
  values: readonly T[],
  fallback: T,
): T {
  const raw = single(query[name], name);
  if (raw === undefined) return fallback;
  if (!(values as readonly string[]).includes(raw))
    throw badRequest(`Der Parameter "${name}" erlaubt nur: ${values.join(', ')}.`, {
      [name]: 'Ungültiger Wert',
    });
  return raw as T;
}

/** `attachment` with an ASCII fallback and the real (German) name in RFC 5987 form. */
export function attachment(fileName: string): string {
  const ascii = fileName
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/Ä/g, 'Ae')
    .replace(/Ö/g, 'Oe')
    .replace(/Ü/g, 'Ue')
    .replace(/ß/g, 'ss')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** A safe file-name part: letters, digits, dot, dash. */
export const fileNamePart = (s: string): string =>
  s
    .replace(/[^\p{L}\p{N}.-]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);

/** 'YYYY-MM-DD' → a Date at UTC midnight, which exceljs writes as the exact Excel day. */
export const excelDate = (iso: string): Date => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
};

/** Cents as the euro number a spreadsheet cell holds (exact to the cent when read back and rounded). */
export const euros = (cents: number): number => cents / 100;

export const EURO_FORMAT = '#,##0.00 "€"';
export const DATE_FORMAT = 'dd.mm.yyyy';
