import ForumIcon from '@mui/icons-material/Forum';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';

export default {
  list: lazy(() => import('./ContactList')),
  create: lazy(() => import('./ContactCreate')),
  edit: lazy(() => import('./ContactEdit')),
  show: lazy(() => import('./ContactShow')),
  icon: ForumIcon,
  recordRepresentation: (r: RaRecord) => String(r.topic),
};
