import InboxIcon from '@mui/icons-material/Inbox';
import type { ReactNode } from 'react';
import { Box, Typography } from '@mui/material';
import { CreateButton, useResourceContext, useResourceDefinition, useTranslate } from 'react-admin';

/**
 * An empty list in words, with a create button for those who may create (CreateButton checks canAccess), or the
 * resource's own way to create (`action`, e.g. issuing a status report).
 */
export function EmptyState({ action }: { action?: ReactNode }) {
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
      {action ?? (hasCreate && <CreateButton variant="contained" />)}
    </Box>
  );
}
