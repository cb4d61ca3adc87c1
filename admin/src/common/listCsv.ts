import type { FetchRelatedRecords, RaRecord, TranslateFunction } from 'react-admin';
import { csvDocument, csvHundredths, hundredths, type CsvValue } from '../../../api/http/csvCell';
import { ENUM_FIELDS } from './enums';
import { formatValue, isHundredths } from './formatValue';
import { REFERENCE_FIELDS } from './references';

const SKIPPED = new Set(['version']);

function columnsOf(records: RaRecord[]): string[] {
  const columns = new Set<string>();
  for (const record of records)
    for (const key of Object.keys(record)) if (!SKIPPED.has(key)) columns.add(key);
  return [...columns];
}

type Labels = Record<string, Record<string, string>>;

async function relatedLabels(
  records: RaRecord[],
  columns: string[],
  fetchRelated: FetchRelatedRecords,
  label: (resource: string, record: RaRecord) => string,
): Promise<Labels> {
  const entries = await Promise.all(
    columns
      .filter((c) => REFERENCE_FIELDS[c])
      .map(async (column) => {
        const resource = REFERENCE_FIELDS[column]!;
        // A reference the role may not read exports as its id rather than failing the whole export.
        const related = await fetchRelated<RaRecord>(records, column, resource).catch(() => ({}));
        const texts = Object.fromEntries(
          Object.values(related).map((r) => [String(r.id), label(resource, r)]),
        );
        return [column, texts] as const;
      }),
  );
  return Object.fromEntries(entries);
}

interface Options {
  resource: string;
  translate: TranslateFunction;
  /** A referenced record as text (its recordRepresentation). */
  label: (resource: string, record: RaRecord) => string;
}

/**
 * The CSV text of a list export, for German spreadsheets (api/http/csvCell.ts): German column headers,
 * euros with a decimal comma, dates as 29.03.2026, enumerations and references in words. Numbers stay
 * numbers; text that starts like a formula is defused.
 */
export async function listCsv(
  records: RaRecord[],
  fetchRelated: FetchRelatedRecords,
  { resource, translate, label }: Options,
): Promise<string> {
  const columns = columnsOf(records);
  const labels = await relatedLabels(records, columns, fetchRelated, label);
  const enums = ENUM_FIELDS[resource] ?? {};
  const cell = (column: string, value: unknown): CsvValue => {
    const refLabels = labels[column];
    if (refLabels && value != null) {
      const ids = Array.isArray(value) ? value : [value];
      return ids.map((id) => refLabels[String(id)] ?? String(id)).join(', ');
    }
    const enumName = enums[column];
    if (typeof value === 'number' && !enumName) return isHundredths(column) ? hundredths(value) : value;
    return formatValue(column, value, { translate, hundredths: csvHundredths, enumName });
  };
  const header = columns.map((c) => translate(`resources.${resource}.fields.${c}`, { _: c }));
  return csvDocument([header, ...records.map((r) => columns.map((c) => cell(c, r[c])))]);
}
