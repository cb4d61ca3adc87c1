import { IMPORTS } from '../../../api/features/imports/specs';

/** Resources with a spreadsheet import (the API's import declarations, plain data). */
export const IMPORTABLE: ReadonlySet<string> = new Set(IMPORTS.map((s) => s.resource));

/** "resource.field" of the 0–100 fields, shown with % in the report. */
export const PERCENT_FIELDS: ReadonlySet<string> = new Set(
  IMPORTS.flatMap((s) => (s.percent ?? []).map((f) => `${s.resource}.${f}`)),
);

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The type the API reads the file as, by its name: Windows calls a .csv "application/vnd.ms-excel". */
export function uploadType(file: File): string {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xlsx')) return XLSX_TYPE;
  if (name.endsWith('.csv') || name.endsWith('.txt')) return 'text/csv';
  return file.type || 'application/octet-stream';
}

export type ImportAction = 'create' | 'update' | 'unchanged' | 'error';

export interface ImportReport {
  resource: string;
  dry_run: boolean;
  file_name: string;
  summary: { rows: number; create: number; update: number; unchanged: number; error: number };
  rows: {
    row: number;
    action: ImportAction;
    key: string;
    changes: Record<string, [unknown, unknown]>;
    errors: Record<string, string>;
  }[];
  warnings: string[];
}
