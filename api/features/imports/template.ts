import type { Field } from '../../rest/fields';
import type { ResourceDef } from '../../rest/resource';
import { loadExcel } from '../../lazyModules';
import { enumLabels, fieldLabel, NO, resourceLabel, YES } from './labels';
import { REF_HINTS } from './references';
import type { ImportSpec } from './specs';

/** The shape of a field's cells in words, for the notes sheet. */
function format(name: string, field: Field, spec: ImportSpec): string {
  if (spec.percent?.includes(name)) return 'Prozent 0–100, z. B. 65 %, 65 oder 0,65';
  if (enumLabels(name, field)) return 'ein Wert aus der Auswahlliste';
  switch (field.kind) {
    case 'date':
      return 'Datum TT.MM.JJJJ (oder Excel-Datum)';
    case 'money':
      return 'Betrag in Euro, z. B. 1.234,56 € oder 1234,56; „-“ für 0';
    case 'bool':
      return `${YES} oder ${NO} (leer = ${NO})`;
    case 'int':
      return `ganze Zahl ${field.min} bis ${field.max}`;
    case 'number':
      return 'Zahl mit Dezimalkomma';
    case 'ids':
      return 'mehrere Werte, durch Komma getrennt';
    case 'ref':
      return 'Text (Verweis)';
    case 'text':
      return field.format === 'email' ? 'E-Mail-Adresse' : `Text, höchstens ${field.maxLength} Zeichen`;
    default:
      return '';
  }
}

const COLUMN = (i: number) => {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/**
 * The template of a resource: one sheet with the UI's German column headers, German number and date formats and
 * a selection list for every enumeration (and yes/no), and a "Hinweise" sheet explaining each column.
 */
export async function importTemplate(def: ResourceDef, spec: ImportSpec): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'MYK10 Steuerungscockpit';
  const sheet = workbook.addWorksheet(resourceLabel(def.name).slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const notes = workbook.addWorksheet('Hinweise');
  const fieldOf = (name: string): Field => def.fields[name] ?? def.derived![name]!;
  sheet.columns = spec.columns.map((name) => ({
    header: fieldLabel(def.name, name),
    key: name,
    width: Math.max(14, fieldLabel(def.name, name).length + 4),
  }));
  sheet.getRow(1).font = { bold: true };
  notes.columns = [
    { header: 'Spalte', key: 'label', width: 34 },
    { header: 'Feldname (API)', key: 'name', width: 24 },
    { header: 'Pflicht', key: 'required', width: 10 },
    { header: 'Format', key: 'format', width: 44 },
    { header: 'Erlaubte Werte / Hinweis', key: 'values', width: 80 },
  ];
  notes.getRow(1).font = { bold: true };
  spec.columns.forEach((name, i) => {
    const field = fieldOf(name);
    const labels = enumLabels(name, field);
    const column = sheet.getColumn(i + 1);
    if (field.kind === 'date') column.numFmt = 'dd.mm.yyyy';
    if (field.kind === 'money') column.numFmt = '#,##0.00 "€"';
    const list = labels?.map(([, l]) => l) ?? (field.kind === 'bool' ? [YES, NO] : undefined);
    if (list) {
      const range = `${COLUMN(i)}2:${COLUMN(i)}2000`;
      // exceljs 4 has sheet-wide validations, its types do not declare them.
      (sheet as unknown as { dataValidations: { add(range: string, v: object): void } }).dataValidations.add(
        range,
        {
          type: 'list',
          allowBlank: !field.required,
          formulae: [`"${list.join(',')}"`],
          showErrorMessage: true,
          errorTitle: fieldLabel(def.name, name),
          error: `Bitte einen Wert aus der Liste wählen: ${list.join(', ')}`,
        },
      );
    }
    const key = spec.key.includes(name)
      ? ' Teil des Schlüssels: bestimmt, welcher Datensatz gemeint ist.'
      : '';
    notes.addRow({
      label: fieldLabel(def.name, name),
      name,
      required:
        field.required || (spec.key.includes(name) && !spec.keyMayBeEmpty?.includes(name)) ? 'ja' : 'nein',
      format: format(name, field, spec),
      values:
        `${list ? list.join(', ') : field.references ? ((REF_HINTS as Record<string, string>)[field.references] ?? '') : ''}${key}`.trim(),
    });
  });
  notes.addRow({});
  for (const line of [
    'Die Spalten dürfen in beliebiger Reihenfolge stehen; statt der deutschen Überschrift geht auch der Feldname.',
    'Eine Zeile, deren Schlüssel schon existiert, ändert nur die Zellen, die abweichen; leere Zellen leeren das Feld.',
    'Vor dem Übernehmen zeigt die Probe (Trockenlauf), was angelegt, geändert oder abgelehnt würde.',
    ...(spec.notes ?? []),
  ])
    notes.addRow({ label: line });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
