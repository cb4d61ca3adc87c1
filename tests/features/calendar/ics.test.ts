import ical from 'node-ical';
import {
  escapeLine,
  escapeText,
  foldLine,
  nextDay,
  renderCalendar,
} from '../../../api/features/calendar/ics';

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

describe('iCalendar writer', () => {
  it('escapes backslash, semicolon, comma and line breaks', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('turns other control characters and the Unicode line separators into spaces', () => {
    expect(escapeText('a\u000bb\u000cc\u0085d\u2028e\u2029f\u0000g\u007fh\u009bi\tj')).toBe(
      'a b c d e f g h i j',
    );
    expect(escapeText('Zeile 1\nZeile 2')).toBe('Zeile 1\\nZeile 2');
    expect(escapeLine('Zeile 1\r\nZeile 2\rZeile 3')).toBe('Zeile 1 Zeile 2 Zeile 3');
  });

  it('lets no title forge a property or a second event', () => {
    const title =
      'X\u000bY\u2028DTSTART:19700101\rATTENDEE:evil\u0085END:VEVENT\u000cBEGIN:VEVENT\u2029UID:x';
    const text = renderCalendar({
      name: `Kalender\u2028X-WR-CALNAME:evil`,
      description: 'Beschreibung\u000bMETHOD:REQUEST',
      now: new Date(Date.UTC(2026, 10, 26, 8, 0, 0)),
      events: [
        {
          uid: 'milestone-1@test',
          date: '2026-12-01',
          summary: title,
          description: `${title}\n${'ä€'.repeat(40)}`,
          categories: [title],
        },
      ],
    });
    expect(text.replace(/\r\n/g, '').match(CONTROLS)).toBeNull();
    const lines = text.split('\r\n');
    expect(lines.every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(lines.filter((l) => /^[A-Z-]+[:;]/.test(l)).map((l) => /^[A-Z-]+/.exec(l)![0])).toEqual([
      'BEGIN',
      'VERSION',
      'PRODID',
      'CALSCALE',
      'METHOD',
      'X-WR-CALNAME',
      'X-WR-CALDESC',
      'REFRESH-INTERVAL',
      'X-PUBLISHED-TTL',
      'BEGIN',
      'UID',
      'DTSTAMP',
      'DTSTART',
      'DTEND',
      'SUMMARY',
      'DESCRIPTION',
      'CATEGORIES',
      'TRANSP',
      'END',
      'END',
    ]);
    const parsed = ical.sync.parseICS(text);
    const events = Object.values(parsed).filter((c) => c?.type === 'VEVENT') as ical.VEvent[];
    expect(events).toHaveLength(1);
    const event = events[0]!;
    expect(event.uid).toBe('milestone-1@test');
    expect(event.start.getFullYear()).toBe(2026);
    expect(event).not.toHaveProperty('attendee');
    expect(String(event.summary)).not.toMatch(CONTROLS);
    expect(String(event.summary)).toBe('X Y DTSTART:19700101 ATTENDEE:evil END:VEVENT BEGIN:VEVENT UID:x');
    expect(String(event.description)).toBe(
      `X Y DTSTART:19700101\nATTENDEE:evil END:VEVENT BEGIN:VEVENT UID:x\n${'ä€'.repeat(40)}`,
    );
  });

  it('folds lines at 75 octets, continuation lines starting with a space', () => {
    const folded = foldLine(`SUMMARY:${'x'.repeat(200)}`);
    const lines = folded.split('\r\n');
    expect(lines.every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(lines.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(lines.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(`SUMMARY:${'x'.repeat(200)}`);
  });

  it('never splits a multi-byte character', () => {
    const line = `SUMMARY:${'ä€'.repeat(60)}`;
    const lines = foldLine(line).split('\r\n');
    expect(lines.every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(lines.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(line);
  });

  it('gives all-day events the following day as exclusive end, also across months and years', () => {
    expect(nextDay('2026-12-31')).toBe('20270101');
    expect(nextDay('2028-02-28')).toBe('20280229');
  });

  it('writes a calendar that node-ical reads back, with CRLF line endings', () => {
    const text = renderCalendar({
      name: 'Test, Kalender',
      now: new Date(Date.UTC(2026, 10, 26, 8, 0, 0)),
      events: [
        {
          uid: 'milestone-1@test',
          date: '2026-12-01',
          summary: 'Meilenstein; mit, Sonderzeichen',
          description: `Zeile 1\nZeile 2 ${'lang '.repeat(30)}`,
        },
      ],
    });
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text).toContain('METHOD:PUBLISH\r\n');
    expect(text).toContain('DTSTAMP:20261126T080000Z\r\n');
    expect(text).toContain('DTSTART;VALUE=DATE:20261201\r\nDTEND;VALUE=DATE:20261202\r\n');
    const parsed = ical.sync.parseICS(text);
    const event = Object.values(parsed).find((c) => c?.type === 'VEVENT') as ical.VEvent;
    expect(event.uid).toBe('milestone-1@test');
    expect(event.summary).toBe('Meilenstein; mit, Sonderzeichen');
    expect(event.description).toBe(`Zeile 1\nZeile 2 ${'lang '.repeat(30)}`);
    expect(event.datetype).toBe('date');
  });
});
