import { REMINDER_RULES } from '../../domain';
import { ACCESS } from '../access';
import { bool, date, enumOf, int, ref, text, timestamp, type ResourceFields } from '../../rest/fields';

const readOnly = { readOnly: true } as const;

export default {
  name: 'notifications',
  description:
    'Die eigenen Benachrichtigungen (Erinnerungen an Fristen, Meilensteine, Wiedervorlagen, Wochenüberblick). Jede Rolle sieht nur ihre eigenen; gelesen markieren über POST /api/notifications/{id}/read und /api/notifications/read_all.',
  fields: {
    rule: { ...enumOf(REMINDER_RULES, { enumName: 'reminder_rule', filter: true, sort: true }), ...readOnly },
    resource: { ...text(40, { filter: true }), ...readOnly },
    record_id: { ...int(0, 2147483647, { filter: true }), ...readOnly },
    due_on: { ...date({ filter: true, sort: true }), ...readOnly },
    title: { ...text(500), ...readOnly },
    body: { ...text(10000), ...readOnly },
    link: { ...text(300), ...readOnly },
    read_at: timestamp({ sort: true }),
    user_id: { ...ref('users'), ...readOnly },
  },
  derived: {
    unread: { ...bool({ filter: true }), ...readOnly },
  },
  defaultSort: ['created_at', 'DESC'],
  versioned: false,
  updatable: false,
  access: ACCESS.notifications,
} satisfies ResourceFields;
