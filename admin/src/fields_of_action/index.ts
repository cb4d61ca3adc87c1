import CategoryIcon from '@mui/icons-material/Category';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';

export default {
  list: lazy(() => import('./FieldOfActionList')),
  create: lazy(() => import('./FieldOfActionCreate')),
  edit: lazy(() => import('./FieldOfActionEdit')),
  show: lazy(() => import('./FieldOfActionShow')),
  icon: CategoryIcon,
  recordRepresentation: (r: RaRecord) => String(r.name),
};
