import type { Feature } from '../feature';
import contact_measures from './contact_measures';
import contacts from './contacts';

export default { name: 'contacts', resources: [contacts, contact_measures], routes: [] } satisfies Feature;
