import type { RaRecord } from 'react-admin';
import { todayIso } from '../common/dates';

/** A follow-up that is open and whose date has passed. */
export const isFollowUpOverdue = (record: RaRecord, today = todayIso()): boolean =>
  typeof record.follow_up_on === 'string' && !record.follow_up_done && record.follow_up_on < today;
