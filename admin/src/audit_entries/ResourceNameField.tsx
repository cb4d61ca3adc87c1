import { Typography } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

/** The name of the resource an entry concerns (e.g. 'measures' → "Maßnahmen"). */
export function ResourceNameField(props: FieldProps) {
  const value = useFieldValue(props);
  const translate = useTranslate();
  if (typeof value !== 'string') return null;
  return (
    <Typography component="span" variant="body2">
      {translate(`resources.${value}.name`, { smart_count: 2, _: value })}
    </Typography>
  );
}
