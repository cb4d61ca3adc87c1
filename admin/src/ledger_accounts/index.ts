import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';

export default {
  list: lazy(() => import('./LedgerAccountList')),
  create: lazy(() => import('./LedgerAccountCreate')),
  edit: lazy(() => import('./LedgerAccountEdit')),
  icon: AccountTreeIcon,
  recordRepresentation: (r: RaRecord) => String(r.account),
};
