import type { Feature } from '../feature';
import { backupModule } from './routes';

export default { name: 'backup', resources: [], routes: [backupModule] } satisfies Feature;
