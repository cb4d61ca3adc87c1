import { defineResource } from '../../rest/resource';
import plain from './measure_municipalities.fields';

export default defineResource(plain);
