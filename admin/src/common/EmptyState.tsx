import InboxIcon from '@mui/icons-material/Inbox';
import { Box, Typography } from '@mui/material';
import { CreateButton, useResourceContext, useResourceDefinition, useTranslate } from 'react-admin';

/** An empty list in words, with a create button for those who may create (CreateButton checks canAccess). */
export function EmptyState() {
  const resource = useResourceContext();
  const { hasCreate } = useResourceDefinition();
  const translate = useTranslate();
  const name = translate(`resources.${resource}.name`, { smart_count: 2 });
  return (
    <Box sx={{ textAlign: 'center', py: 6, px: 2, flex: 1 }}>
      <InboxIcon sx={{ fontSize: 64, color: 'text.secondary' }} aria-hidden />
      <Typography component="p" variant="h6" sx={{ my: 1 }}>
        {translate('ra.page.empty', { name })}
      </Typography>
      {hasCreate && <CreateButton variant="contained" />}
    </Box>
  );
}
