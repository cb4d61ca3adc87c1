import { todayIso } from '../common/dates';

/** A new contact: today, by phone, no follow-up done yet. */
export const contactDefaults = () => ({ contact_on: todayIso(), channel: 'phone', follow_up_done: false });
