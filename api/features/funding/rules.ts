import { COST_GROUP_LABELS } from '../../labels';
import type { CategoryRow, CostCategory } from './contract';

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
  { key: 'personnel', label: COST_GROUP_LABELS.personnel, categories: ['personnel'] },
  {
    key: 'material_services',
    label: COST_GROUP_LABELS.material_services,
    categories: ['material', 'services', 'other'],
  },
  { key: 'investment', label: COST_GROUP_LABELS.investment, categories: ['investment'] },
];

export const costGroupOf = (category: CostCategory): CategoryRow['group'] =>
  COST_GROUPS.find((g) => g.categories.includes(category))!.key;

/** 'YYYY-MM-DD' → a Date at UTC midnight, which exceljs writes as the exact Excel day. */
export const excelDate = (iso: string): Date => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
};

/** Cents as the euro number a spreadsheet cell holds (exact to the cent when read back and rounded). */
export const euros = (cents: number): number => cents / 100;

/** The grant recipient named in the header of every funding export. */
export const RECIPIENT = 'Landkreis Mayen-Koblenz';

export const EURO_FORMAT = '#,##0.00 "€"';
export const DATE_FORMAT = 'dd.mm.yyyy';
