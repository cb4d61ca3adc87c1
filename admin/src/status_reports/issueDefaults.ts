/** Defaults of a newly issued status report: today's date and the month name in the UI language. */

/** 'YYYY-MM-DD' → 'November 2026' (German) or 'November 2026' (English), without time-zone shifts. */
export function monthLabel(iso: string, locale: string): string {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'de-DE', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** The local calendar day of `now` as 'YYYY-MM-DD'. */
export function localIsoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The PDF of a report: download, or shown in the browser. */
export function reportPdfUrl(id: number | string, inline = false): string {
  return `/api/status_reports/${id}/pdf${inline ? '?inline=1' : ''}`;
}
