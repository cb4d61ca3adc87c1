import BusinessIcon from '@mui/icons-material/Business';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';

export default {
  list: lazy(() => import('./PartnerList')),
  create: lazy(() => import('./PartnerCreate')),
  edit: lazy(() => import('./PartnerEdit')),
  show: lazy(() => import('./PartnerShow')),
  icon: BusinessIcon,
  recordRepresentation: (r: RaRecord) => String(r.name),
};
