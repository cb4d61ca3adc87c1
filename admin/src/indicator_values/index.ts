import TimelineIcon from '@mui/icons-material/Timeline';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';

export default {
  list: lazy(() => import('./IndicatorValueList')),
  edit: lazy(() => import('./IndicatorValueEdit')),
  icon: TimelineIcon,
  recordRepresentation: (r: RaRecord) => `${String(r.measured_on)}: ${String(r.value)}`,
};
