import type { Feature } from '../feature';
import indicator_values from './indicator_values';
import indicators from './indicators';
import { summaryModule } from './summary';

export default {
  name: 'indicators',
  resources: [indicators, indicator_values],
  routes: [summaryModule],
} satisfies Feature;
