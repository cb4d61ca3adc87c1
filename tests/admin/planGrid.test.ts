import {
  cellKey,
  cellValue,
  invalidCells,
  pivotLines,
  planWrites,
  rowSum,
  yearChecks,
  yearSums,
  type PlanLine,
} from '../../admin/src/budget_lines/planGrid';

const line = (
  id: number,
  measure_id: number,
  cost_category: PlanLine['cost_category'],
  fiscal_year: number,
  planned_cents: number,
): PlanLine => ({
  id,
  version: 3,
  measure_id,
  cost_category,
  fiscal_year,
  planned_cents,
});

const LINES = [
  line(1, 7, 'services', 2025, 100_000_00),
  line(2, 7, 'personnel', 2025, 50_000_00),
  line(3, 7, 'personnel', 2026, 60_000_00),
  line(4, 5, 'investment', 2026, 1_000_00),
];
const YEARS = [2025, 2026];

describe('financing plan grid', () => {
  it('pivots lines into measure × cost category rows in measure order, then category order', () => {
    const rows = pivotLines(LINES, [{ measure_id: 9, cost_category: 'material' }], [5, 7, 9]);
    expect(rows.map((r) => r.key)).toEqual(['5|investment', '7|personnel', '7|services', '9|material']);
    expect(rows[1]!.cells[2025]!.id).toBe(2);
    expect(rows[1]!.cells[2026]!.id).toBe(3);
    expect(rows[3]!.cells).toEqual({});
  });

  it('adds an added row only once when it already has lines', () => {
    const rows = pivotLines(LINES, [{ measure_id: 7, cost_category: 'services' }], [7, 5]);
    expect(rows.map((r) => r.key)).toEqual(['7|personnel', '7|services', '5|investment']);
  });

  it('sums per year and per row with the typed cells, German notation', () => {
    const rows = pivotLines(LINES, [], [5, 7]);
    const edits = { [cellKey(rows[1]!, 2025)]: '1.234,56', [cellKey(rows[2]!, 2025)]: '' };
    expect(cellValue(rows[1]!, 2025, edits)).toBe(123_456);
    expect(cellValue(rows[2]!, 2025, edits)).toBeNull();
    expect(yearSums(rows, YEARS, edits)).toEqual({ 2025: 123_456, 2026: 61_000_00 });
    expect(yearSums(rows, YEARS, {})).toEqual({ 2025: 150_000_00, 2026: 61_000_00 });
    expect(rowSum(rows[1]!, YEARS, edits)).toBe(123_456 + 60_000_00);
  });

  it('names cells whose text is no amount; they count as empty', () => {
    const rows = pivotLines(LINES, [], [5, 7]);
    const edits = { [cellKey(rows[0]!, 2026)]: '12,345', [cellKey(rows[1]!, 2025)]: '5,5' };
    expect(invalidCells(edits)).toEqual([cellKey(rows[0]!, 2026)]);
    expect(cellValue(rows[0]!, 2026, edits)).toBeNull();
  });

  it('checks the plan × funding rate against the approved federal amount, rounded half up', () => {
    // 100 € at 65 % = 65 €; 100,01 € → 65,0065 € → 65,01 €.
    const checks = yearChecks(
      { 2025: 100_00, 2026: 100_01 },
      [
        { fiscal_year: 2025, approved_cents: 65_00 },
        { fiscal_year: 2026, approved_cents: 65_00 },
        { fiscal_year: 2027, approved_cents: 0 },
      ],
      6500,
    );
    expect(checks).toEqual([
      {
        fiscal_year: 2025,
        planned_cents: 100_00,
        federal_cents: 65_00,
        approved_cents: 65_00,
        excess_cents: 0,
      },
      {
        fiscal_year: 2026,
        planned_cents: 100_01,
        federal_cents: 65_01,
        approved_cents: 65_00,
        excess_cents: 1,
      },
      { fiscal_year: 2027, planned_cents: 0, federal_cents: 0, approved_cents: 0, excess_cents: 0 },
    ]);
  });

  it('turns typed cells into creates, updates (with the line read) and deletes; unchanged and invalid cells write nothing', () => {
    const rows = pivotLines(LINES, [{ measure_id: 9, cost_category: 'other' }], [5, 7, 9]);
    const [inv, pers, serv, other] = rows as [
      (typeof rows)[0],
      (typeof rows)[0],
      (typeof rows)[0],
      (typeof rows)[0],
    ];
    const writes = planWrites(rows, {
      [cellKey(pers, 2025)]: '50.000,00', // unchanged
      [cellKey(pers, 2026)]: '0', // zero is an amount
      [cellKey(serv, 2025)]: ' ', // emptied
      [cellKey(other, 2026)]: '2.500', // new line
      [cellKey(inv, 2025)]: 'abc', // invalid
      [cellKey(inv, 2026)]: '', // emptied
    });
    expect(writes.update).toEqual([{ line: LINES[2], planned_cents: 0 }]);
    expect(writes.remove.map((l) => l.id).sort()).toEqual([1, 4]);
    expect(writes.create).toEqual([
      { measure_id: 9, cost_category: 'other', fiscal_year: 2026, planned_cents: 250_000 },
    ]);
  });
});
