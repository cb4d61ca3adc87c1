import HandshakeIcon from '@mui/icons-material/Handshake';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';

export default {
  list: lazy(() => import('./MeasurePartnerList')),
  create: lazy(() => import('./MeasurePartnerCreate')),
  edit: lazy(() => import('./MeasurePartnerEdit')),
  show: lazy(() => import('./MeasurePartnerShow')),
  icon: HandshakeIcon,
  recordRepresentation: (r: RaRecord) => String(r.role ?? `#${r.id}`),
};
