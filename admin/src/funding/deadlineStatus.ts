/** How a deadline reads: colour and words from the days left (negative = overdue). */
export interface DeadlineStatus {
  severity: 'error' | 'warning' | 'info';
  /** Translation key; `smart_count` is the number of days. */
  key: 'app.funding.overdue_since' | 'app.funding.due_today' | 'app.funding.due_in';
  smart_count: number;
}

/** Within this many days a deadline counts as "soon" (amber); further off it is only information. */
export const SOON_DAYS = 14;

export function deadlineStatus(daysLeft: number): DeadlineStatus {
  if (daysLeft < 0) return { severity: 'error', key: 'app.funding.overdue_since', smart_count: -daysLeft };
  if (daysLeft === 0) return { severity: 'error', key: 'app.funding.due_today', smart_count: 0 };
  return {
    severity: daysLeft <= SOON_DAYS ? 'warning' : 'info',
    key: 'app.funding.due_in',
    smart_count: daysLeft,
  };
}

/** Counts for the summary chips above a deadline list. */
export function deadlineCounts(items: { days_left: number }[]): { overdue: number; soon: number } {
  return {
    overdue: items.filter((i) => i.days_left < 0).length,
    soon: items.filter((i) => i.days_left >= 0 && i.days_left <= SOON_DAYS).length,
  };
}
