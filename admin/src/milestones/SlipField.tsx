import { Typography } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { daysBetween } from '../common/dates';
import { signedDays } from '../common/signedDays';

/** How far the forecast lies behind (+) or ahead of (−) the baseline, in days. */
export function SlipField(_props: Partial<FieldProps>) {
  const record = useRecordContext();
  const translate = useTranslate();
  if (typeof record?.baseline_date !== 'string' || typeof record.due_date !== 'string') return null;
  const days = daysBetween(record.baseline_date, record.due_date);
  return (
    <Typography
      component="span"
      variant="body2"
      sx={{
        whiteSpace: 'nowrap',
        fontWeight: days > 0 ? 600 : 400,
        color: days > 30 ? 'error.main' : 'text.primary',
      }}
    >
      {translate('app.milestones.slip_days', { smart_count: Math.abs(days), days: signedDays(days) })}
    </Typography>
  );
}
