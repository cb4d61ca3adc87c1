import { useCallback } from 'react';
import {
  downloadCSV,
  useResourceDefinitions,
  useTranslate,
  type Exporter,
  type FetchRelatedRecords,
  type RaRecord,
} from 'react-admin';
import { ENUM_FIELDS } from './enums';
import { formatValue } from './formatValue';
import { csvEuro } from './money';
import { REFERENCE_FIELDS, representationText } from './references';

const SKIPPED = new Set(['version']);

function quote(text: string): string {
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

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

/**
 * The CSV export of every list, for German spreadsheets: `;` separated, UTF-8 with BOM, German column headers,
 * euros with a decimal comma, dates as 29.03.2026, enumerations and references in words.
 */
export function useCsvExporter(): Exporter {
  const translate = useTranslate();
  const definitions = useResourceDefinitions();
  return useCallback(
    async (records: RaRecord[], fetchRelated: FetchRelatedRecords, _dataProvider, resource = '') => {
      const columns = columnsOf(records);
      const labels = await relatedLabels(records, columns, fetchRelated, (res, r) =>
        representationText(definitions[res], r),
      );
      const enums = ENUM_FIELDS[resource] ?? {};
      const cell = (column: string, value: unknown): string => {
        const refLabels = labels[column];
        if (refLabels && value != null) {
          const ids = Array.isArray(value) ? value : [value];
          return ids.map((id) => refLabels[String(id)] ?? String(id)).join(', ');
        }
        return formatValue(column, value, { translate, hundredths: csvEuro, enumName: enums[column] });
      };
      const header = columns.map((c) => translate(`resources.${resource}.fields.${c}`, { _: c }));
      const lines = [header, ...records.map((r) => columns.map((c) => cell(c, r[c])))].map((row) =>
        row.map(quote).join(';'),
      );
      downloadCSV(`\uFEFF${lines.join('\r\n')}`, translate(`resources.${resource}.name`, { smart_count: 2 }));
    },
    [translate, definitions],
  );
}
