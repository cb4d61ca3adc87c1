import ErrorOutlineIcon from '@mui/icons-material/ErrorOutline';
import InfoOutlinedIcon from '@mui/icons-material/InfoOutlined';
import ScheduleIcon from '@mui/icons-material/Schedule';
import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import { deadlineStatus } from './deadlineStatus';

const ICONS = { error: ErrorOutlineIcon, warning: ScheduleIcon, info: InfoOutlinedIcon };

/** The status of a deadline in colour and in words ("überfällig seit 3 Tagen", "fällig in 5 Tagen"). */
export function DeadlineChip({ daysLeft }: { daysLeft: number }) {
  const translate = useTranslate();
  const s = deadlineStatus(daysLeft);
  const Icon = ICONS[s.severity];
  return (
    <Chip
      size="small"
      variant={s.severity === 'info' ? 'outlined' : 'filled'}
      color={s.severity === 'info' ? 'default' : s.severity}
      icon={<Icon />}
      label={translate(s.key, { smart_count: s.smart_count })}
      // Far-off deadlines in the dark shade: the light info blue on white is below 4.5:1.
      sx={
        s.severity === 'info'
          ? {
              fontWeight: 600,
              color: 'info.dark',
              borderColor: 'info.dark',
              '& .MuiChip-icon': { color: 'info.dark' },
            }
          : { fontWeight: 600 }
      }
    />
  );
}
