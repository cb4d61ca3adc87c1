import { Typography } from '@mui/material';
import { useRecordContext, type FieldProps } from 'react-admin';

/** The record an entry concerns, by name (from the API's record_label); its id only when the name is gone. */
export function RecordLabelField(_props: Partial<FieldProps>) {
  const record = useRecordContext<{ id: number; record_id?: number; record_label?: string | null }>();
  if (!record) return null;
  return (
    <Typography component="span" variant="body2">
      {record.record_label ?? `#${String(record.record_id ?? '')}`}
    </Typography>
  );
}
