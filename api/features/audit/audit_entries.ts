import { defineResource } from '../../rest/resource';
import plain from './audit_entries.fields';

export default defineResource(plain);
