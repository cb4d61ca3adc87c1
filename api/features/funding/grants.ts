import { defineResource } from '../../rest/resource';
import { dateOrder } from '../../rest/checks';
import plain from './grants.fields';

export default defineResource({
  ...plain,
  validate: (r) => dateOrder(r, 'period_start', 'period_end'),
});
