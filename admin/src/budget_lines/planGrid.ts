import { COST_CATEGORIES } from '../../../api/domain';
import { shareOf } from '../../../api/money';
import { parseHundredths } from '../common/money';

/**
 * The financing plan grid of a grant (pure): budget lines pivoted into rows of measure × cost category with one
 * cell per fiscal year, the sums per year, the check of each year against the grant year's approved amount, and
 * the writes that turn the typed cells into create, update and delete calls.
 */

export type CostCategory = (typeof COST_CATEGORIES)[number];

export interface PlanLine {
  id: number;
  version: number;
  measure_id: number;
  cost_category: CostCategory;
  fiscal_year: number;
  planned_cents: number;
}

export interface PlanYear {
  fiscal_year: number;
  /** The approved grant (federal share) of the year, as grant_years holds it. */
  approved_cents: number;
}

export interface RowKey {
  measure_id: number;
  cost_category: CostCategory;
}

export interface PlanRow extends RowKey {
  key: string;
  /** The stored line per fiscal year. */
  cells: Partial<Record<number, PlanLine>>;
}

/** Typed cell texts by cellKey; only cells the user touched. */
export type CellEdits = Readonly<Record<string, string>>;

export const rowKey = (r: RowKey): string => `${r.measure_id}|${r.cost_category}`;
export const cellKey = (r: RowKey, fiscalYear: number): string => `${rowKey(r)}|${fiscalYear}`;

/**
 * One row per measure × cost category that has a line or was added (`extra`), ordered by the measures' order
 * (`measureOrder`: ids, e.g. sorted by code; unknown ones last) and the cost categories' order.
 */
export function pivotLines(lines: PlanLine[], extra: RowKey[], measureOrder: number[]): PlanRow[] {
  const rows = new Map<string, PlanRow>();
  const rowOf = (k: RowKey): PlanRow => {
    const key = rowKey(k);
    let row = rows.get(key);
    if (!row) {
      row = { key, measure_id: k.measure_id, cost_category: k.cost_category, cells: {} };
      rows.set(key, row);
    }
    return row;
  };
  for (const line of lines) rowOf(line).cells[line.fiscal_year] = line;
  for (const k of extra) rowOf(k);
  const rank = (id: number) => {
    const i = measureOrder.indexOf(id);
    return i < 0 ? measureOrder.length : i;
  };
  return [...rows.values()].sort(
    (a, b) =>
      rank(a.measure_id) - rank(b.measure_id) ||
      a.measure_id - b.measure_id ||
      COST_CATEGORIES.indexOf(a.cost_category) - COST_CATEGORIES.indexOf(b.cost_category),
  );
}

/** A cell's amount as it stands: the typed text if touched (null when empty or not an amount), else the line's. */
export function cellValue(row: PlanRow, fiscalYear: number, edits: CellEdits): number | null {
  const typed = edits[cellKey(row, fiscalYear)];
  if (typed === undefined) return row.cells[fiscalYear]?.planned_cents ?? null;
  return parseHundredths(typed) ?? null;
}

/** Touched cells whose text is not an amount (they block saving). */
export function invalidCells(edits: CellEdits): string[] {
  return Object.entries(edits)
    .filter(([, text]) => parseHundredths(text) === undefined)
    .map(([key]) => key);
}

/** The sum of a row over all years, as the cells stand. */
export function rowSum(row: PlanRow, years: number[], edits: CellEdits): number {
  return years.reduce((sum, y) => sum + (cellValue(row, y, edits) ?? 0), 0);
}

/** The plan's sum per fiscal year, as the cells stand. */
export function yearSums(rows: PlanRow[], years: number[], edits: CellEdits): Record<number, number> {
  return Object.fromEntries(
    years.map((y) => [y, rows.reduce((sum, row) => sum + (cellValue(row, y, edits) ?? 0), 0)]),
  );
}

export interface YearCheck {
  fiscal_year: number;
  planned_cents: number;
  /** The plan's federal share: planned × funding rate, rounded half up to the cent (like every report). */
  federal_cents: number;
  approved_cents: number;
  /** How far the federal share exceeds the approved amount (0 when within). */
  excess_cents: number;
}

/**
 * Each year's plan against the approved grant of the year. grant_years hold the approved federal share, so the
 * plan (the eligible cost) counts with the grant's funding rate: like is compared with like.
 */
export function yearChecks(sums: Record<number, number>, years: PlanYear[], rateBp: number): YearCheck[] {
  return years.map(({ fiscal_year, approved_cents }) => {
    const planned = sums[fiscal_year] ?? 0;
    const federal = shareOf(planned, rateBp);
    return {
      fiscal_year,
      planned_cents: planned,
      federal_cents: federal,
      approved_cents,
      excess_cents: Math.max(federal - approved_cents, 0),
    };
  });
}

export interface PlanWrites {
  create: (RowKey & { fiscal_year: number; planned_cents: number })[];
  /** The stored line (with the version read) and its new amount. */
  update: { line: PlanLine; planned_cents: number }[];
  /** Lines whose cell was emptied. */
  remove: PlanLine[];
}

/** The writes that store the typed cells: a new amount creates or updates its line, an emptied cell deletes it. */
export function planWrites(rows: PlanRow[], edits: CellEdits): PlanWrites {
  const writes: PlanWrites = { create: [], update: [], remove: [] };
  const byKey = new Map(rows.map((r) => [r.key, r]));
  for (const [key, text] of Object.entries(edits)) {
    const amount = parseHundredths(text);
    if (amount === undefined) continue;
    const cut = key.lastIndexOf('|');
    const row = byKey.get(key.slice(0, cut));
    if (!row) continue;
    const fiscalYear = Number(key.slice(cut + 1));
    const line = row.cells[fiscalYear];
    if (line && amount === null) writes.remove.push(line);
    else if (line && amount !== null && amount !== line.planned_cents)
      writes.update.push({ line, planned_cents: amount });
    else if (!line && amount !== null)
      writes.create.push({
        measure_id: row.measure_id,
        cost_category: row.cost_category,
        fiscal_year: fiscalYear,
        planned_cents: amount,
      });
  }
  return writes;
}

export const writeCount = (w: PlanWrites): number => w.create.length + w.update.length + w.remove.length;
