import type { Feature } from '../feature';
import measure_partners from './measure_partners';
import partners from './partners';

export default { name: 'partners', resources: [partners, measure_partners], routes: [] } satisfies Feature;
