import type { Feature } from '../feature';
import audit_entries from './audit_entries';

export default { name: 'audit', resources: [audit_entries], routes: [] } satisfies Feature;
