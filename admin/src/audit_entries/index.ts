import HistoryIcon from '@mui/icons-material/History';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import { i18nProvider } from '../i18n';

export default {
  list: lazy(() => import('./AuditList')),
  show: lazy(() => import('./AuditShow')),
  icon: HistoryIcon,
  // "Maßnahmen #12": the resource in the current language (titles and exports need a string).
  recordRepresentation: (r: RaRecord) =>
    `${i18nProvider.translate(`resources.${r.resource}.name`, { smart_count: 2, _: String(r.resource) })} #${r.record_id}`,
};
