import { Box } from '@mui/material';
import type { FieldProps } from 'react-admin';
import { DateField } from '../common/DateField';

/** The funding period as "01.07.2023 – 31.12.2027". */
export function PeriodField(_props: Partial<FieldProps>) {
  return (
    <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
      <DateField source="period_start" /> – <DateField source="period_end" />
    </Box>
  );
}
