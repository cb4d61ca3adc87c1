import OutboxIcon from '@mui/icons-material/Outbox';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';

export default {
  list: lazy(() => import('./MailOutboxList')),
  icon: OutboxIcon,
  recordRepresentation: (r: RaRecord) => String(r.subject),
};
