import { defineResource } from '../../rest/resource';
import plain from './grant_years.fields';

export default defineResource(plain);
