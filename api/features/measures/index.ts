import type { Feature } from '../feature';
import fields_of_action from './fields_of_action';
import measure_municipalities from './measure_municipalities';
import measures from './measures';
import { profileModule } from './profile';
import { trendModule } from './routes';

export default {
  name: 'measures',
  resources: [fields_of_action, measures, measure_municipalities],
  routes: [trendModule, profileModule],
} satisfies Feature;
