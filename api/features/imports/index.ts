import type { Feature } from '../feature';
import { importsModule } from './routes';

export default { name: 'imports', resources: [], routes: [importsModule] } satisfies Feature;
