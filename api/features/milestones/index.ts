import type { Feature } from '../feature';
import milestone_forecasts from './milestone_forecasts';
import milestones from './milestones';

export default {
  name: 'milestones',
  resources: [milestones, milestone_forecasts],
  routes: [],
} satisfies Feature;
