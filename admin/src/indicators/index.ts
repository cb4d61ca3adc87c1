import InsightsIcon from '@mui/icons-material/Insights';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';

export default {
  list: lazy(() => import('./IndicatorList')),
  create: lazy(() => import('./IndicatorCreate')),
  edit: lazy(() => import('./IndicatorEdit')),
  show: lazy(() => import('./IndicatorShow')),
  icon: InsightsIcon,
  recordRepresentation: (r: RaRecord) => String(r.name),
};
