import type { Feature } from '../feature';
import { calendarModule } from './calendar';

export default { name: 'calendar', resources: [], routes: [calendarModule] } satisfies Feature;
