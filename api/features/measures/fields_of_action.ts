import { defineResource } from '../../rest/resource';
import plain from './fields_of_action.fields';

export default defineResource(plain);
