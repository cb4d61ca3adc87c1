/**
 * A minimal iCalendar (RFC 5545) writer for all-day events: CRLF line endings, lines folded at 75 octets
 * (never inside a UTF-8 sequence), TEXT values escaped, DTSTAMP on every event, DTSTART;VALUE=DATE and the
 * exclusive DTEND on the following day.
 */

export interface IcsEvent {
  /** Stable per item, so a calendar updates an event instead of duplicating it. */
  uid: string;
  /** 'YYYY-MM-DD' */
  date: string;
  summary: string;
  description?: string;
  categories?: string[];
  /** Instant of the last change (ISO string), written as LAST-MODIFIED. */
  lastModified?: string;
}

export interface IcsCalendar {
  name: string;
  description?: string;
  /** The instant the feed is generated: DTSTAMP of every event. */
  now: Date;
  events: IcsEvent[];
}

const MAX_OCTETS = 75;

// Controls other than the line breaks, and the Unicode line and paragraph separators: RFC 5545 forbids
// controls in TEXT, and some clients break lines at VT, FF, NEL, U+2028 or U+2029, so a value could start a
// forged property of its own.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks; other control characters
 * and the Unicode separators become spaces.
 */
export function escapeText(value: string): string {
  return value
    .replace(UNSAFE, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** TEXT of a one-line property (SUMMARY, CATEGORIES, the calendar name): line breaks become spaces too. */
export function escapeLine(value: string): string {
  return escapeText(value.replace(/\r\n|\r|\n/g, ' '));
}

/** Folds a content line into chunks of at most 75 octets; continuation lines start with one space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // The first line holds 75 octets; each continuation line one less, for its leading space.
    const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD' → 'YYYYMMDD'. */
export function icsDate(iso: string): string {
  return iso.slice(0, 10).replace(/-/g, '');
}

/** The day after an ISO date, as 'YYYYMMDD' (DTEND of an all-day event is exclusive). */
export function nextDay(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return `${next.getUTCFullYear()}${pad(next.getUTCMonth() + 1)}${pad(next.getUTCDate())}`;
}

/** A UTC instant as 'YYYYMMDDTHHMMSSZ'. */
export function icsInstant(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export function renderCalendar(cal: IcsCalendar): string {
  const stamp = icsInstant(cal.now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Landkreis Mayen-Koblenz//MYK10 Steuerungscockpit//DE',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeLine(cal.name)}`,
    ...(cal.description ? [`X-WR-CALDESC:${escapeText(cal.description)}`] : []),
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
  ];
  for (const e of cal.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(e.date)}`,
      `DTEND;VALUE=DATE:${nextDay(e.date)}`,
      `SUMMARY:${escapeLine(e.summary)}`,
    );
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.categories?.length) lines.push(`CATEGORIES:${e.categories.map(escapeLine).join(',')}`);
    if (e.lastModified) lines.push(`LAST-MODIFIED:${icsInstant(new Date(e.lastModified))}`);
    lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
