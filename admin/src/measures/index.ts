import FlagIcon from '@mui/icons-material/Flag';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';

export default {
  list: lazy(() => import('./MeasureList')),
  create: lazy(() => import('./MeasureCreate')),
  edit: lazy(() => import('./MeasureEdit')),
  show: lazy(() => import('./MeasureShow')),
  icon: FlagIcon,
  recordRepresentation: (r: RaRecord) => `${r.code} ${r.title}`,
};
