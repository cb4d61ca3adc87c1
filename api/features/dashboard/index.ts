import type { Feature } from '../feature';
import { dashboardModule } from './dashboard';

export default { name: 'dashboard', resources: [], routes: [dashboardModule] } satisfies Feature;
