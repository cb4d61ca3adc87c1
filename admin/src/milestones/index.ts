import EventIcon from '@mui/icons-material/Event';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';

export default {
  list: lazy(() => import('./MilestoneList')),
  create: lazy(() => import('./MilestoneCreate')),
  edit: lazy(() => import('./MilestoneEdit')),
  show: lazy(() => import('./MilestoneShow')),
  icon: EventIcon,
  recordRepresentation: (r: RaRecord) => String(r.title),
};
