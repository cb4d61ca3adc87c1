import { defineResource } from '../../rest/resource';
import plain from './municipalities.fields';

export default defineResource({
  ...plain,
  derived: {
    last_contact_on: {
      ...plain.derived.last_contact_on,
      sql: '(select max(c.contact_on) from contacts c where c.municipality_id = municipalities.id)',
    },
    open_follow_ups: {
      ...plain.derived.open_follow_ups,
      sql: '(select count(*) from contacts c where c.municipality_id = municipalities.id and c.follow_up_on is not null and not c.follow_up_done)',
    },
    guide_ids: {
      ...plain.derived.guide_ids,
      link: { table: 'guide_municipalities', self: 'municipality_id', other: 'user_id' },
    },
  },
});
