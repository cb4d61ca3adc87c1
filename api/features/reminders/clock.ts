import { addDays, berlinDate, OFFICE_TZ } from '../../officeDay';

/** The reminders' clock: the daily run belongs to a calendar day in Europe/Berlin (api/officeDay.ts). */
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: OFFICE_TZ,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Minutes since Berlin midnight at an instant (the wall clock, so 06:00 stays 06:00 across a DST change). */
export function berlinMinutes(now: Date): number {
  const parts = timeFormat.formatToParts(now);
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return part('hour') * 60 + part('minute');
}

/** 'HH:MM' → minutes after midnight; throws for anything else. */
export function parseTime(raw: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(raw);
  if (!m) throw new Error(`REMINDER_TIME muss die Form HH:MM haben (z. B. 06:00), nicht "${raw}".`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/**
 * The day whose daily run is due at `now`: today (Berlin) once the wall clock has passed the run time, else
 * yesterday. A day whose run is recorded is done; a process that was down catches up at its next check. On the
 * day clocks go forward a run time inside the skipped hour (e.g. 02:30) runs at 03:00; on the day they go back
 * the repeated hour does not run twice (the day is recorded after the first run).
 */
export function dueRunDay(now: Date, runAtMinutes: number): string {
  const today = berlinDate(now);
  return berlinMinutes(now) >= runAtMinutes ? today : addDays(today, -1);
}
