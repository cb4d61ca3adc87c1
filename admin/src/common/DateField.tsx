import { Typography } from '@mui/material';
import { useFieldValue, useLocaleState, type FieldProps } from 'react-admin';
import { dateLocale } from '../i18n';
import { formatDate } from './dates';
import { EmptyValue } from './EmptyValue';

/** A calendar date as 29.03.2026 (never shifted by the time zone); `showTime` for timestamps. */
export function DateField(props: FieldProps & { showTime?: boolean }) {
  const value = useFieldValue(props);
  const [locale] = useLocaleState();
  const text = formatDate(value, dateLocale(locale), props.showTime);
  if (!text) return <EmptyValue text={props.emptyText} />;
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {text}
    </Typography>
  );
}
