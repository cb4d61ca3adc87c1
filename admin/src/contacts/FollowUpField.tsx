import CheckIcon from '@mui/icons-material/Check';
import { Box } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { DateField } from '../common/DateField';
import { OverdueChip } from '../common/OverdueChip';
import { isFollowUpOverdue } from './followUp';

/** The follow-up date, marked "überfällig" or "erledigt" in words. */
export function FollowUpField(_props: Partial<FieldProps>) {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record?.follow_up_on) return null;
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, flexWrap: 'wrap' }}>
      <DateField source="follow_up_on" />
      {record.follow_up_done ? (
        <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', typography: 'body2' }}>
          <CheckIcon fontSize="small" aria-hidden />
          {translate('app.common.done')}
        </Box>
      ) : (
        isFollowUpOverdue(record) && <OverdueChip />
      )}
    </Box>
  );
}
