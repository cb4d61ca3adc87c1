import type { Feature } from '../feature';
import { documentsModule } from './routes';

/** Documents attached to records (#17); served by its own routes, its rights those of the parent records. */
export default {
  name: 'documents',
  resources: [],
  routes: [documentsModule],
} satisfies Feature;
