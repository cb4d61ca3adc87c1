import { defineResource } from '../../rest/resource';
import plain from './base_rates.fields';

export default defineResource(plain);
