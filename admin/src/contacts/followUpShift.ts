import { addWeeks, format, parseISO } from 'date-fns';
import { todayIso } from '../common/dates';

/**
 * The new date of a follow-up moved by `weeks`: counted from its date, or from today when it is already
 * overdue (moving an overdue follow-up a week on from its old date would leave it overdue).
 */
export function shiftedFollowUp(followUpOn: string, weeks: number, today = todayIso()): string {
  const from = followUpOn < today ? today : followUpOn;
  return format(addWeeks(parseISO(from), weeks), 'yyyy-MM-dd');
}
