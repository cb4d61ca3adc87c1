import GavelIcon from '@mui/icons-material/Gavel';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';

export default {
  list: lazy(() => import('./GrantList')),
  create: lazy(() => import('./GrantCreate')),
  edit: lazy(() => import('./GrantEdit')),
  show: lazy(() => import('./GrantShow')),
  icon: GavelIcon,
  recordRepresentation: (r: RaRecord) => String(r.phase),
};
