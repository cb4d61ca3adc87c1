import { Box } from '@mui/material';
import { useRecordContext, type FieldProps } from 'react-admin';
import { DateField } from '../common/DateField';
import { OverdueChip } from '../common/OverdueChip';

/** The proof-of-use deadline, marked "überfällig" when it passed without a proof. */
export function ProofDueField(_props: Partial<FieldProps>) {
  const record = useRecordContext();
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center' }}>
      <DateField source="proof_due_on" />
      {record?.proof_overdue === true && <OverdueChip />}
    </Box>
  );
}
