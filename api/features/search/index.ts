import type { Feature } from '../feature';
import { searchModule } from './routes';

export default { name: 'search', resources: [], routes: [searchModule] } satisfies Feature;
