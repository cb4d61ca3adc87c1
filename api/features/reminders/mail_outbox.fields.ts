import { MAIL_STATUSES } from '../../domain';
import { ACCESS } from '../access';
import { enumOf, int, ref, text, timestamp, type ResourceFields } from '../../rest/fields';

const readOnly = { readOnly: true } as const;

export default {
  name: 'mail_outbox',
  description:
    'Postausgang der Erinnerungen: jede E-Mail mit Status (wartet, wird gesendet, gesendet, fehlgeschlagen), Versuchen, nächstem Versuch und letztem Fehler. Nur CDO.',
  fields: {
    recipient: { ...text(320, { filter: true, sort: true }), ...readOnly },
    subject: { ...text(500), ...readOnly },
    text_body: { ...text(20000), ...readOnly },
    status: { ...enumOf(MAIL_STATUSES, { enumName: 'mail_status', filter: true, sort: true }), ...readOnly },
    attempts: { ...int(0, 1000, { sort: true }), ...readOnly },
    next_attempt_at: timestamp({ sort: true }),
    sent_at: timestamp({ sort: true }),
    last_error: { ...text(2000), ...readOnly },
    notification_id: { ...ref('notifications'), ...readOnly },
    user_id: { ...ref('users', { filter: true }), ...readOnly },
  },
  search: { ilike: ['recipient', 'subject'] },
  defaultSort: ['created_at', 'DESC'],
  versioned: false,
  updatable: false,
  access: ACCESS.outbox,
} satisfies ResourceFields;
