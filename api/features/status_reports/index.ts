import type { Feature } from '../feature';
import { statusReportModule } from './routes';
import status_reports from './status_reports';

export default {
  name: 'status_reports',
  resources: [status_reports],
  routes: [statusReportModule],
} satisfies Feature;
