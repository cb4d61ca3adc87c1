import type { Feature } from '../feature';
import { privacyModule } from './routes';

export default { name: 'privacy', resources: [], routes: [privacyModule] } satisfies Feature;
