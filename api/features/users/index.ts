import type { Feature } from '../feature';
import guide_municipalities from './guide_municipalities';
import users from './users';

export default { name: 'users', resources: [users, guide_municipalities], routes: [] } satisfies Feature;
