import ical from 'node-ical';
import { escapeText, foldLine, nextDay, renderCalendar } from '../../../api/features/calendar/ics';

describe('iCalendar writer', () => {
  it('escapes backslash, semicolon, comma and line breaks', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
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
