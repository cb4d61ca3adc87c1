import type { Feature } from '../feature';
import municipalities from './municipalities';

export default { name: 'municipalities', resources: [municipalities], routes: [] } satisfies Feature;
