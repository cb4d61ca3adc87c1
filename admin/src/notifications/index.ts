import NotificationsIcon from '@mui/icons-material/Notifications';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';

export default {
  list: lazy(() => import('./NotificationList')),
  icon: NotificationsIcon,
  recordRepresentation: (r: RaRecord) => String(r.title),
};
