import { useCallback } from 'react';
import { downloadCSV, useResourceDefinitions, useTranslate, type Exporter } from 'react-admin';
import { listCsv } from './listCsv';
import { representationText } from './references';

/** The CSV export of every list (see listCsv), downloaded as "<Ressourcenname>.csv". */
export function useCsvExporter(): Exporter {
  const translate = useTranslate();
  const definitions = useResourceDefinitions();
  return useCallback(
    async (records, fetchRelated, _dataProvider, resource = '') => {
      const csv = await listCsv(records, fetchRelated, {
        resource,
        translate,
        label: (res, r) => representationText(definitions[res], r),
      });
      downloadCSV(csv, translate(`resources.${resource}.name`, { smart_count: 2 }));
    },
    [translate, definitions],
  );
}
