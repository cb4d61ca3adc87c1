import AssessmentIcon from '@mui/icons-material/Assessment';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';

export default {
  list: lazy(() => import('./StatusReportList')),
  show: lazy(() => import('./StatusReportShow')),
  icon: AssessmentIcon,
  recordRepresentation: (r: RaRecord) => String(r.title),
};
