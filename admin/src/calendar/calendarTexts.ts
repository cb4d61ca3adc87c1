import type { Role } from '../../../api/domain';
import { ACCESS } from '../../../api/features/access';

/** POST /api/calendar/token (api/features/calendar/calendar.ts). */
export interface TokenAnswer {
  active: true;
  path: string;
  url: string;
  webcal_url: string;
}

/** The i18n keys of what the role's calendar holds (the same role rules as the API's feed). */
export function calendarContents(role: Role | undefined): string[] {
  const keys = ['app.calendar.holds_milestones'];
  if (role && (ACCESS.funding.read as readonly Role[]).includes(role))
    keys.push('app.calendar.holds_spend_deadlines', 'app.calendar.holds_proofs');
  if (role && (ACCESS.contacts.read as readonly Role[]).includes(role))
    keys.push('app.calendar.holds_follow_ups');
  return keys;
}
