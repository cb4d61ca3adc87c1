import { defineResource } from '../../rest/resource';
import plain from './measure_partners.fields';

export default defineResource(plain);
