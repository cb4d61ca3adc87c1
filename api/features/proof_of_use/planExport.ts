import type ExcelJS from 'exceljs';
import { fileNamePart } from '../../http/attachment';
import type { PlanFigures, PlanVsActual } from './contract';
import { headRows, tableSheet, type SheetColumn } from './sheets';

/** Soll-Ist as a spreadsheet sheet (its own file, and one sheet of the proof-of-use workbook). */

export const PLAN_FLAG_NOTE =
  '„> 20 %“: Die Zeile überschreitet ihren Ansatz um mehr als 20 %. Nach ANBest-P Nr. 1.2 dürfen einzelne Ansätze um bis zu 20 % überschritten werden, soweit die Überschreitung durch Einsparungen bei anderen Ansätzen ausgeglichen wird; der Gesamtbetrag bleibt verbindlich.';
export const PLAN_TOTAL_NOTE =
  'Der Gesamtbetrag des Finanzierungsplans ist überschritten: die Mehrausgaben sind nicht durch Einsparungen gedeckt.';
export const PLAN_BASIS_NOTE =
  'Soll: Finanzierungsplan (Planzeilen des Zeitraums). Ist: zuwendungsfähige Zahlungen im Zeitraum nach Zahlungsdatum, bis heute – dieselben Zahlungen wie die Belegliste.';

type Row = PlanFigures & { code: string; title: string; category: string; flag: string; note: string | null };

const COLUMNS: SheetColumn<Row>[] = [
  { header: 'Nr.', width: 8, value: (r) => r.code },
  { header: 'Maßnahme', width: 40, value: (r) => r.title },
  { header: 'Kostenart', width: 20, value: (r) => r.category },
  { header: 'Soll (Finanzierungsplan)', width: 18, value: (r) => r.planned_cents, money: true },
  { header: 'Ist (Zahlungen)', width: 18, value: (r) => r.actual_cents, money: true },
  { header: 'Abweichung', width: 18, value: (r) => r.deviation_cents, money: true },
  { header: 'Abweichung in %', width: 14, value: (r) => r.deviation_bp, percent: true },
  { header: 'Hinweis', width: 12, value: (r) => r.flag },
  { header: 'Anmerkung', width: 48, value: (r) => r.note },
];

export const planTitle = (p: PlanVsActual): string =>
  `Soll-Ist-Vergleich ${p.grant.programme} – ${p.grant.phase} (Az. ${p.grant.file_number}), ${p.fiscal_year ? `Haushaltsjahr ${p.fiscal_year}` : 'gesamter Zeitraum'}`;

export function planFileName(p: PlanVsActual): string {
  return `Soll-Ist_${fileNamePart(p.grant.file_number)}_${p.fiscal_year ?? 'alle-Jahre'}.xlsx`;
}

export function addPlanSheet(
  wb: ExcelJS.Workbook,
  p: PlanVsActual,
  created: { by: string; on: string },
): void {
  const rows: Row[] = p.lines.map((l) => ({
    ...l,
    category: p.categories.find((c) => c.cost_category === l.cost_category)!.label,
    flag: l.over_20 ? '> 20 %' : '',
  }));
  const sums: Row[] = [
    ...p.categories.map((c) => ({ ...c, code: 'Summe', title: '', category: c.label, flag: '', note: null })),
    {
      ...p.total,
      code: 'Gesamt',
      title: '',
      category: '',
      flag: p.total.over_total ? 'überschritten' : '',
      note: null,
    },
  ];
  const notes = [PLAN_BASIS_NOTE, PLAN_FLAG_NOTE, ...(p.total.over_total ? [PLAN_TOTAL_NOTE] : [])];
  tableSheet(
    wb,
    'Soll-Ist',
    planTitle(p),
    headRows(p.grant, p.fiscal_year, created),
    COLUMNS,
    rows,
    sums,
    notes,
  );
}
