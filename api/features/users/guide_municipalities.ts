import { defineResource } from '../../rest/resource';
import plain from './guide_municipalities.fields';

export default defineResource(plain);
