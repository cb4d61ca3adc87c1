import { Box } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { DateField } from '../common/DateField';

/**
 * The next open milestone's date; red and marked "überfällig" in words when it lies in the past (the measure is
 * late, `late` from the API), so the list shows late measures at a glance without relying on colour alone.
 */
export function NextMilestoneField(_props: Partial<FieldProps>) {
  const record = useRecordContext<{ id: number; late?: boolean }>();
  const translate = useTranslate();
  if (!record?.late) return <DateField source="next_milestone_due" />;
  return (
    <Box
      component="span"
      data-late="true"
      sx={{ color: 'error.main', fontWeight: 600, display: 'inline-flex', flexDirection: 'column' }}
    >
      <DateField source="next_milestone_due" />
      <Box component="span" sx={{ typography: 'caption', fontWeight: 600 }}>
        {translate('app.common.overdue')}
      </Box>
    </Box>
  );
}
