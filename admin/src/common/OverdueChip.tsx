import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';

/** "überfällig" as a word (with an icon), so highlighted rows do not rely on colour. */
export function OverdueChip() {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color="error"
      icon={<WarningAmberIcon />}
      label={translate('app.common.overdue')}
      sx={{ ml: 1, fontWeight: 600 }}
    />
  );
}

/** Background of a row that needs attention (paired with an OverdueChip in the row). */
export const overdueRowSx = { backgroundColor: '#fdecea' } as const;
