/**
 * The office's calendar: "today" is the day in Mayen-Koblenz (Europe/Berlin), whatever the server's zone. The
 * database sessions run in the same zone (api/db/knex.ts), so SQL's current_date is this day too.
 */
export const OFFICE_TZ = 'Europe/Berlin';

const dateFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: OFFICE_TZ });

/** The Berlin calendar date ('YYYY-MM-DD') at an instant. */
export const berlinDate = (now: Date): string => dateFormat.format(now);

/** 'YYYY-MM-DD' plus whole days (negative goes back). */
export const addDays = (iso: string, days: number): string => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
