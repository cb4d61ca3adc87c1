import type { Feature } from '../feature';
import mail_outbox from './mail_outbox';
import notifications from './notifications';
import { remindersModule } from './routes';

export default {
  name: 'reminders',
  resources: [notifications, mail_outbox],
  routes: [remindersModule],
} satisfies Feature;
