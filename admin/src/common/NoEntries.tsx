import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/** "Noch keine Einträge": an empty related list on a detail page. */
export function NoEntries() {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ py: 2 }}>
      {translate('app.common.empty')}
    </Typography>
  );
}
