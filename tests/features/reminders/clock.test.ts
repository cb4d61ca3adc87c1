import { berlinDate } from '../../../api/officeDay';
import { dueRunDay, parseTime } from '../../../api/features/reminders/clock';

/** The daily run's day on the Europe/Berlin wall clock, whatever the server's zone, across DST changes. */

const SIX = parseTime('06:00');

describe('dueRunDay', () => {
  it('before 06:00 Berlin the day before is due, from 06:00 on today (winter, UTC+1)', () => {
    expect(dueRunDay(new Date('2026-12-07T04:59:00Z'), SIX)).toBe('2026-12-06');
    expect(dueRunDay(new Date('2026-12-07T05:00:00Z'), SIX)).toBe('2026-12-07');
  });

  it('in summer (UTC+2) 06:00 Berlin is 04:00 UTC', () => {
    expect(dueRunDay(new Date('2026-07-01T03:59:00Z'), SIX)).toBe('2026-06-30');
    expect(dueRunDay(new Date('2026-07-01T04:00:00Z'), SIX)).toBe('2026-07-01');
  });

  it('on the day clocks go forward (29 March 2026) 06:00 is still 06:00 on the wall', () => {
    expect(dueRunDay(new Date('2026-03-29T03:59:00Z'), SIX)).toBe('2026-03-28');
    expect(dueRunDay(new Date('2026-03-29T04:00:00Z'), SIX)).toBe('2026-03-29');
  });

  it('a run time in the skipped hour (02:30 on 29 March) runs at 03:00', () => {
    const half = parseTime('02:30');
    expect(dueRunDay(new Date('2026-03-29T00:59:00Z'), half)).toBe('2026-03-28'); // 01:59 CET
    expect(dueRunDay(new Date('2026-03-29T01:00:00Z'), half)).toBe('2026-03-29'); // 03:00 CEST
  });

  it('on the day clocks go back (25 October 2026) the repeated hour belongs to the same day', () => {
    const half = parseTime('02:30');
    expect(dueRunDay(new Date('2026-10-25T00:30:00Z'), half)).toBe('2026-10-25'); // 02:30 CEST
    expect(dueRunDay(new Date('2026-10-25T01:30:00Z'), half)).toBe('2026-10-25'); // 02:30 CET again
  });

  it('the Berlin date turns at Berlin midnight, at the month end and the year end', () => {
    expect(berlinDate(new Date('2026-01-31T22:59:00Z'))).toBe('2026-01-31');
    expect(berlinDate(new Date('2026-01-31T23:00:00Z'))).toBe('2026-02-01');
    expect(berlinDate(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
    expect(dueRunDay(new Date('2027-01-01T04:00:00Z'), SIX)).toBe('2026-12-31');
  });
});

describe('REMINDER_TIME', () => {
  it('accepts HH:MM and refuses anything else', () => {
    expect(parseTime('06:00')).toBe(360);
    expect(parseTime('23:59')).toBe(1439);
    for (const bad of ['6:00', '24:00', '06:60', 'sechs', ''])
      expect(() => parseTime(bad)).toThrow(/REMINDER_TIME/);
  });
});
