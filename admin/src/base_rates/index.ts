import PercentIcon from '@mui/icons-material/Percent';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';

export default {
  list: lazy(() => import('./BaseRateList')),
  create: lazy(() => import('./BaseRateCreate')),
  edit: lazy(() => import('./BaseRateEdit')),
  icon: PercentIcon,
  recordRepresentation: (r: RaRecord) => String(r.valid_from),
};
