import ForwardToInboxIcon from '@mui/icons-material/ForwardToInbox';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';

export default {
  list: lazy(() => import('./TransferList')),
  create: lazy(() => import('./TransferCreate')),
  edit: lazy(() => import('./TransferEdit')),
  show: lazy(() => import('./TransferShow')),
  icon: ForwardToInboxIcon,
  recordRepresentation: (r: RaRecord) => `#${r.id} (${r.contract_on})`,
};
