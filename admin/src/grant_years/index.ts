import DateRangeIcon from '@mui/icons-material/DateRange';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';

export default {
  list: lazy(() => import('./GrantYearList')),
  create: lazy(() => import('./GrantYearCreate')),
  edit: lazy(() => import('./GrantYearEdit')),
  show: lazy(() => import('./GrantYearShow')),
  icon: DateRangeIcon,
  recordRepresentation: (r: RaRecord) => String(r.fiscal_year),
};
