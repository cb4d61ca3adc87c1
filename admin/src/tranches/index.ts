import RequestQuoteIcon from '@mui/icons-material/RequestQuote';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';

export default {
  list: lazy(() => import('./TrancheList')),
  create: lazy(() => import('./TrancheCreate')),
  edit: lazy(() => import('./TrancheEdit')),
  show: lazy(() => import('./TrancheShow')),
  icon: RequestQuoteIcon,
  recordRepresentation: (r: RaRecord) => `${r.fiscal_year}/${r.number}`,
};
