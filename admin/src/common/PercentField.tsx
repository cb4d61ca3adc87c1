import { Typography } from '@mui/material';
import { useFieldValue, type FieldProps } from 'react-admin';
import { formatPercentBp } from './money';
import { EmptyValue } from './EmptyValue';

/** Basis points as a percentage: 6500 → '65,00 %'. */
export function PercentField(props: FieldProps) {
  const value = useFieldValue(props);
  if (typeof value !== 'number') return <EmptyValue text={props.emptyText} />;
  return (
    <Typography component="span" variant="body2">
      {formatPercentBp(value)}
    </Typography>
  );
}
