import HistoryIcon from '@mui/icons-material/History';
import { createElement, lazy } from 'react';
import { AuditRepresentation } from './AuditRepresentation';

export default {
  list: lazy(() => import('./AuditList')),
  show: lazy(() => import('./AuditShow')),
  icon: HistoryIcon,
  recordRepresentation: createElement(AuditRepresentation),
};
