import path from 'node:path';
import type Pdfmake from 'pdfmake';
import { germanDate, HEALTH_LABELS, MEASURE_STATUS_LABELS } from '../../labels';
import { loadPdfmake } from '../../lazyModules';
import { indicatorsSection } from '../indicators/pdfSection';
import type { SnapshotChanges } from './compare';
import type { MeasureSnapshot } from './snapshot';

/** The monthly status report as an A4 PDF (pdfmake 0.3, the Roboto fonts bundled with the package). */

export interface ReportForPdf {
  title: string;
  reported_on: string;
  created_at: string;
  author: string | null;
  snapshot: MeasureSnapshot[];
  previous: { title: string; reported_on: string } | null;
  changes: SnapshotChanges;
}

type Content = string | Content[] | { [key: string]: unknown };

const FONT_DIR = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
const LIGHT: Record<string, { label: string; colour: string }> = {
  green: { label: HEALTH_LABELS.green, colour: '#2e7d32' },
  amber: { label: HEALTH_LABELS.amber, colour: '#f9a825' },
  red: { label: HEALTH_LABELS.red, colour: '#c62828' },
};
const STATUS: Record<string, string> = MEASURE_STATUS_LABELS;

/** 'YYYY-MM-DD' → 'November 2026'. */
export function germanMonth(iso: string): string {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat('de-DE', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}

/** The attachment's file name, e.g. Statusbericht_2026-11-26.pdf. */
export function pdfFileName(reportedOn: string): string {
  return `Statusbericht_${reportedOn}.pdf`;
}

const berlinDate = (instant: string) =>
  new Intl.DateTimeFormat('de-DE', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'Europe/Berlin',
  }).format(new Date(instant));

/** A coloured dot with the light's name beside it, so the report also reads in black and white. */
function light(health: string): Content {
  const l = LIGHT[health] ?? { label: health, colour: '#757575' };
  return {
    columns: [
      { width: 12, canvas: [{ type: 'ellipse', x: 5, y: 6, r1: 5, r2: 5, color: l.colour }] },
      { width: '*', text: l.label },
    ],
    columnGap: 2,
  };
}

const header = (texts: string[]): Content[] => texts.map((text) => ({ text, style: 'th' }));

function table(widths: (number | string)[], head: string[], rows: Content[][]): Content {
  return {
    table: { headerRows: 1, dontBreakRows: true, widths, body: [header(head), ...rows] },
    layout: {
      fillColor: (row: number) => (row === 0 ? '#eceff1' : null),
      hLineColor: () => '#b0bec5',
      vLineColor: () => '#b0bec5',
    },
    margin: [0, 2, 0, 10],
  };
}

function titlePage(r: ReportForPdf): Content[] {
  const count = (h: string) => r.snapshot.filter((m) => m.health === h).length;
  const summary = ['green', 'amber', 'red'].map((h) => [
    light(h),
    { text: String(count(h)), alignment: 'right' },
  ]);
  return [
    { text: 'Smarte Region MYK10 · Landkreis Mayen-Koblenz', style: 'kicker', margin: [0, 120, 0, 8] },
    { text: r.title, style: 'title' },
    {
      text: `Stand der Maßnahmen zum ${germanDate(r.reported_on)} · Berichtsmonat ${germanMonth(r.reported_on)}`,
      style: 'subtitle',
      margin: [0, 6, 0, 40],
    },
    {
      table: {
        widths: [140, '*'],
        body: [
          ['Berichtsmonat', germanMonth(r.reported_on)],
          ['Stichtag', germanDate(r.reported_on)],
          ['Erstellt von', r.author ?? '—'],
          ['Erstellt am', berlinDate(r.created_at)],
          ['Maßnahmen', String(r.snapshot.length)],
        ],
      },
      layout: 'noBorders',
      margin: [0, 0, 0, 30],
    },
    { text: 'Ampelstatus', style: 'h2' },
    { table: { widths: [80, 40], body: summary }, layout: 'noBorders' },
    {
      text: r.previous
        ? `Verglichen mit: ${r.previous.title} vom ${germanDate(r.previous.reported_on)}`
        : 'Erster Statusbericht – kein Vergleich mit einem Vorbericht.',
      style: 'muted',
      margin: [0, 30, 0, 0],
      pageBreak: 'after',
    },
  ];
}

const none = (text: string): Content => ({ text, style: 'muted', margin: [0, 0, 0, 10] });

function changesSection(r: ReportForPdf): Content[] {
  const c = r.changes;
  const out: Content[] = [{ text: 'Änderungen seit dem letzten Bericht', style: 'h1' }];
  if (!r.previous)
    return [...out, none('Dies ist der erste Statusbericht; es gibt keinen Vorbericht zum Vergleich.')];
  out.push({
    text: `Vorbericht: ${r.previous.title} vom ${germanDate(r.previous.reported_on)}`,
    style: 'muted',
    margin: [0, 0, 0, 8],
  });

  out.push({ text: 'Geänderte Ampeln', style: 'h2' });
  out.push(
    c.health_changes.length
      ? table(
          [60, '*', 60, 60],
          ['Maßnahme', 'Titel', 'vorher', 'jetzt'],
          c.health_changes.map((h) => [h.code, h.title, light(h.from), light(h.to)]),
        )
      : none('Keine'),
  );
  out.push({ text: 'Verschobene Meilensteine', style: 'h2' });
  out.push(
    c.slipped_milestones.length
      ? table(
          [50, '*', 60, 60, 45],
          ['Maßnahme', 'Meilenstein', 'bisher', 'neu', 'Tage'],
          c.slipped_milestones.map((s) => [
            s.code,
            s.title,
            germanDate(s.from),
            germanDate(s.to),
            { text: `+${s.days}`, alignment: 'right' },
          ]),
        )
      : none('Keine'),
  );
  out.push({ text: 'Neue Maßnahmen', style: 'h2' });
  out.push(
    c.new_measures.length
      ? table(
          [60, '*', 80, 60],
          ['Maßnahme', 'Titel', 'Status', 'Ampel'],
          c.new_measures.map((m) => [m.code, m.title, STATUS[m.status] ?? m.status, light(m.health)]),
        )
      : none('Keine'),
  );
  out.push({ text: 'Abgeschlossene Maßnahmen', style: 'h2' });
  out.push(
    c.closed_measures.length
      ? table(
          [60, '*', 80, 80],
          ['Maßnahme', 'Titel', 'vorher', 'jetzt'],
          c.closed_measures.map((m) => [
            m.code,
            m.title,
            STATUS[m.status_before] ?? m.status_before,
            m.status_now ? (STATUS[m.status_now] ?? m.status_now) : 'entfernt',
          ]),
        )
      : none('Keine'),
  );
  return out;
}

function measuresSection(r: ReportForPdf): Content[] {
  const fields = new Map<string, MeasureSnapshot[]>();
  for (const m of r.snapshot) fields.set(m.field_of_action, [...(fields.get(m.field_of_action) ?? []), m]);
  const out: Content[] = [{ text: 'Maßnahmen nach Handlungsfeld', style: 'h1', pageBreak: 'before' }];
  for (const [field, measures] of [...fields].sort(([a], [b]) => a.localeCompare(b, 'de'))) {
    out.push({ text: `${field} (${measures.length})`, style: 'h2' });
    out.push(
      table(
        [52, '*', 46, '*', 120],
        ['Ampel', 'Maßnahme', 'Fortschritt', 'Hinweis', 'Nächste Meilensteine'],
        measures.map((m) => [
          light(m.health),
          {
            stack: [
              { text: `${m.code} · ${m.title}`, bold: true },
              { text: STATUS[m.status] ?? m.status, style: 'muted' },
            ],
          },
          { text: `${m.progress} %`, alignment: 'right' },
          m.health_note ?? '',
          m.next_milestones.length
            ? {
                ul: m.next_milestones.map((ms) =>
                  ms.due_date < r.reported_on
                    ? {
                        text: [
                          `${germanDate(ms.due_date)} ${ms.title} `,
                          { text: '(überfällig)', color: LIGHT.red!.colour, bold: true },
                        ],
                      }
                    : `${germanDate(ms.due_date)} ${ms.title}`,
                ),
                style: 'small',
              }
            : { text: 'keine offenen', style: 'muted' },
        ]),
      ),
    );
  }
  return out;
}

export function statusReportDocument(r: ReportForPdf, options: { compress?: boolean } = {}): object {
  return {
    pageSize: 'A4',
    pageMargins: [40, 48, 40, 56],
    compress: options.compress ?? true,
    language: 'de-DE',
    info: {
      title: r.title,
      author: r.author ?? 'MYK10',
      subject: `Statusbericht ${germanMonth(r.reported_on)}`,
      creator: 'MYK10 Steuerungscockpit',
    },
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.15 },
    styles: {
      kicker: { fontSize: 11, color: '#546e7a' },
      title: { fontSize: 26, bold: true, color: '#1f3a4d' },
      subtitle: { fontSize: 13, color: '#37474f' },
      h1: { fontSize: 15, bold: true, color: '#1f3a4d', margin: [0, 0, 0, 8] },
      h2: { fontSize: 11.5, bold: true, color: '#37474f', margin: [0, 8, 0, 4] },
      th: { bold: true },
      muted: { color: '#607d8b' },
      small: { fontSize: 8 },
    },
    footer: (currentPage: number, pageCount: number) => ({
      columns: [
        { text: `MYK10 Steuerungscockpit · ${r.title}`, style: 'muted' },
        { text: `Seite ${currentPage} von ${pageCount}`, alignment: 'right', style: 'muted' },
      ],
      margin: [40, 20, 40, 0],
      fontSize: 8,
    }),
    content: [
      ...titlePage(r),
      ...changesSection(r),
      ...measuresSection(r),
      ...indicatorsSection(r.snapshot, table),
    ],
  };
}

/** Set on every call: pdfmake is a process-wide singleton that other code may configure too. */
function configure(pdfmake: typeof Pdfmake): void {
  pdfmake.setFonts({
    Roboto: {
      normal: path.join(FONT_DIR, 'Roboto-Regular.ttf'),
      bold: path.join(FONT_DIR, 'Roboto-Medium.ttf'),
      italics: path.join(FONT_DIR, 'Roboto-Italic.ttf'),
      bolditalics: path.join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
    },
  });
  // The report embeds nothing from outside: no downloads, and only the bundled fonts from disk.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(FONT_DIR + path.sep));
}

export async function renderStatusReportPdf(
  r: ReportForPdf,
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  const pdfmake = await loadPdfmake();
  configure(pdfmake);
  return pdfmake.createPdf(statusReportDocument(r, options)).getBuffer();
}
