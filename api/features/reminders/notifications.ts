import { defineResource } from '../../rest/resource';
import plain from './notifications.fields';

/** Own rows only, for every role: lists, counts, filters and single records all run inside this rule. */
export default defineResource({
  ...plain,
  derived: { unread: { ...plain.derived.unread, sql: '(notifications.read_at is null)' } },
  readScope: (qb, user) => {
    qb.where('notifications.user_id', user.id);
  },
});
