import type { Feature } from '../feature';
import guide_municipalities from './guide_municipalities';
import { mfaResetModule } from './mfaReset';
import users from './users';

export default {
  name: 'users',
  resources: [users, guide_municipalities],
  routes: [mfaResetModule],
} satisfies Feature;
