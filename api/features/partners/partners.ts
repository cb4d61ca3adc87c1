import { defineResource } from '../../rest/resource';
import plain from './partners.fields';

export default defineResource(plain);
