import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';

export default {
  list: lazy(() => import('./ExpenditureList')),
  create: lazy(() => import('./ExpenditureCreate')),
  edit: lazy(() => import('./ExpenditureEdit')),
  show: lazy(() => import('./ExpenditureShow')),
  icon: ReceiptLongIcon,
  recordRepresentation: (r: RaRecord) => String(r.receipt_no ?? r.payee),
};
