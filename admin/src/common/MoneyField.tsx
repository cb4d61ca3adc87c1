import { Typography } from '@mui/material';
import { useFieldValue, type FieldProps } from 'react-admin';
import { formatEuro } from './money';
import { EmptyValue } from './EmptyValue';

/** Integer cents as '1.234.567,89 €'. */
export function MoneyField(props: FieldProps) {
  const value = useFieldValue(props);
  if (typeof value !== 'number') return <EmptyValue text={props.emptyText} />;
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {formatEuro(value)}
    </Typography>
  );
}
