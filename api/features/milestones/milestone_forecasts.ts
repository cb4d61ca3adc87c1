import { defineResource } from '../../rest/resource';
import plain from './milestone_forecasts.fields';

export default defineResource(plain);
