import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import {
  RecordContextProvider,
  useLocaleState,
  useRecordContext,
  useTranslate,
  type FieldProps,
} from 'react-admin';
import { ENUM_FIELDS } from '../common/enums';
import { formatValue } from '../common/formatValue';
import { formatEuro } from '../common/money';
import { REFERENCE_FIELDS } from '../common/references';
import { RefField } from '../common/RefFields';
import { dateLocale } from '../i18n';

type Changes = Record<string, [unknown, unknown]>;

/** What an audit entry changed: one row per field, old value → new value. */
export function ChangesField({ compact = false }: Partial<FieldProps> & { compact?: boolean }) {
  const record = useRecordContext<{ id: number; resource?: string; changes?: Changes }>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const resource = record?.resource ?? '';
  const changes = Object.entries(record?.changes ?? {});
  if (!changes.length) return null;
  const text = (field: string, value: unknown) =>
    REFERENCE_FIELDS[field] && value != null ? (
      // A reference shows its record's name, not its id.
      <RecordContextProvider value={{ id: 0, [field]: value }}>
        <RefField source={field} />
      </RecordContextProvider>
    ) : (
      formatValue(field, value, {
        translate,
        hundredths: formatEuro,
        enumName: ENUM_FIELDS[resource]?.[field],
        locale: dateLocale(locale),
      }) || '—'
    );
  const label = (field: string) => translate(`resources.${resource}.fields.${field}`, { _: field });
  if (compact) return <span>{changes.map(([field]) => label(field)).join(', ')}</span>;
  return (
    <Table size="small" aria-label={translate('resources.audit_entries.fields.changes')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.audit.field')}</TableCell>
          <TableCell>{translate('app.audit.old')}</TableCell>
          <TableCell aria-hidden />
          <TableCell>{translate('app.audit.new')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {changes.map(([field, [before, after]]) => (
          <TableRow key={field}>
            <TableCell component="th" scope="row">
              {label(field)}
            </TableCell>
            <TableCell>{text(field, before)}</TableCell>
            <TableCell aria-hidden>→</TableCell>
            <TableCell>{text(field, after)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
