import { germanDate, HEALTH_LABELS, HEALTH_NOTE_LABEL, MEASURE_STATUS_LABELS } from '../../labels';
import { formatEuro } from '../../money';
import { addDays, berlinDate } from '../../officeDay';
import { documentFrame, h1, h2, LIGHT, light, muted, renderPdf, table, type Content } from '../../pdf';
import type { MoneyFlow } from '../funding/contract';
import { indicatorsSection } from '../indicators/pdfSection';
import type { SnapshotChanges } from './compare';
import type { MeasureSnapshot } from './snapshot';

/**
 * The monthly status report as an A4 PDF: a one-page management summary first, then the changes since the previous
 * report and the measures by field of action, flowing on without forced page breaks.
 */

export interface ReportForPdf {
  title: string;
  reported_on: string;
  created_at: string;
  author: string | null;
  snapshot: MeasureSnapshot[];
  /** Frozen when issued; null for reports issued before, and for roles that may not see money. */
  money: MoneyFlow | null;
  previous: { title: string; reported_on: string } | null;
  changes: SnapshotChanges;
}

const STATUS: Record<string, string> = MEASURE_STATUS_LABELS;

/** The summary lists this many red and amber measures, and this many key dates, so it stays one page. */
export const SUMMARY_MEASURES = 10;
export const SUMMARY_DATES = 6;
/** Key dates: open milestones due within this many days of the report date. */
export const KEY_DATE_DAYS = 90;
/** A light's reason in the summary is cut after this many characters (in full further on). */
const REASON_CHARS = 120;

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

const germanDay = (instant: string) => germanDate(berlinDate(new Date(instant)));

const cut = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;

/** A table of the summary page, set a little smaller so the page holds it. */
const compact = (content: Content): Content => ({
  ...(content as object),
  fontSize: 8,
  margin: [0, 2, 0, 4],
});

/** Red measures first, then amber, each by code. */
export function attentionMeasures(snapshot: MeasureSnapshot[]): MeasureSnapshot[] {
  const rank = (h: string) => (h === 'red' ? 0 : 1);
  return snapshot
    .filter((m) => m.health === 'red' || m.health === 'amber')
    .sort((a, b) => rank(a.health) - rank(b.health) || a.code.localeCompare(b.code, 'de'));
}

/** The open milestones due from the report date to KEY_DATE_DAYS later, soonest first. */
export function keyDates(r: Pick<ReportForPdf, 'snapshot' | 'reported_on'>) {
  const until = addDays(r.reported_on, KEY_DATE_DAYS);
  return r.snapshot
    .flatMap((m) =>
      (m.open_milestones ?? m.next_milestones).map((ms) => ({
        code: m.code,
        title: ms.title,
        due_date: ms.due_date,
      })),
    )
    .filter((d) => d.due_date >= r.reported_on && d.due_date <= until)
    .sort((a, b) => a.due_date.localeCompare(b.due_date) || a.code.localeCompare(b.code, 'de'));
}

function moneyBlock(money: MoneyFlow): Content[] {
  const row = (label: string, cents: number): Content[] => [
    label,
    { text: formatEuro(cents), alignment: 'right' },
  ];
  return [
    h2('Mittel (Stand bei Erstellung)'),
    {
      columns: [
        compact(
          table(
            ['*', 90],
            ['Bundesmittel', 'Betrag'],
            [
              row('bewilligt', money.approved_cents),
              row('angefordert', money.requested_cents),
              row('abgerufen (eingegangen)', money.received_cents),
            ],
          ),
        ),
        compact(
          table(
            ['*', 90],
            ['Zuwendungsfähige Ausgaben', 'Betrag'],
            [
              row('verausgabt', money.spent_cents),
              row('davon Bundesanteil', money.federal_share_cents),
              row('davon Eigenanteil', money.own_share_cents),
            ],
          ),
        ),
      ],
      columnGap: 16,
    },
    muted(
      'Bundesmittel werden mit dem Bundesanteil der zuwendungsfähigen Ausgaben verglichen, nicht mit allen Ausgaben.',
      [0, 0, 0, 6],
    ),
  ];
}

/** Page 1: who and when, the lights, what needs attention and why, the money, the dates ahead. */
function summaryPage(r: ReportForPdf): Content[] {
  const count = (h: string) => r.snapshot.filter((m) => m.health === h).length;
  const attention = attentionMeasures(r.snapshot);
  const dates = keyDates(r);
  const out: Content[] = [
    { text: 'Smarte Region MYK10 · Landkreis Mayen-Koblenz', style: 'kicker' },
    { text: r.title, style: 'title', margin: [0, 2, 0, 2] },
    {
      text: `Stand der Maßnahmen zum ${germanDate(r.reported_on)} · Berichtsmonat ${germanMonth(r.reported_on)} · erstellt von ${r.author ?? '—'} am ${germanDay(r.created_at)}`,
      style: 'subtitle',
    },
    muted(
      r.previous
        ? `Verglichen mit: ${r.previous.title} vom ${germanDate(r.previous.reported_on)}`
        : 'Erster Statusbericht – kein Vergleich mit einem Vorbericht.',
      [0, 2, 0, 4],
    ),
    h1('Management-Zusammenfassung'),
    {
      columns: (['green', 'amber', 'red'] as const).map((h) => ({
        width: 'auto',
        columns: [light(h), { width: 'auto', text: String(count(h)), bold: true, margin: [4, 0, 16, 0] }],
      })),
      margin: [0, 0, 0, 4],
    },
    muted(`${r.snapshot.length} Maßnahmen insgesamt`, [0, 0, 0, 4]),
    h2('Rote und gelbe Maßnahmen'),
    attention.length
      ? compact(
          table(
            [40, 190, '*'],
            ['Ampel', 'Maßnahme', HEALTH_NOTE_LABEL],
            attention
              .slice(0, SUMMARY_MEASURES)
              .map((m) => [
                light(m.health),
                `${m.code} · ${cut(m.title, 45)}`,
                m.health_note
                  ? cut(m.health_note, REASON_CHARS)
                  : { text: 'keine Begründung angegeben', style: 'muted' },
              ]),
          ),
        )
      : muted(`Keine – alle Maßnahmen stehen auf ${HEALTH_LABELS.green} (oder sind abgeschlossen).`),
  ];
  if (attention.length > SUMMARY_MEASURES)
    out.push(
      muted(`… und ${attention.length - SUMMARY_MEASURES} weitere, siehe „Maßnahmen nach Handlungsfeld“.`),
    );
  if (r.money) out.push(...moneyBlock(r.money));
  out.push(h2(`Wichtige Termine (nächste ${KEY_DATE_DAYS} Tage)`));
  out.push(
    dates.length
      ? compact(
          table(
            [60, 50, '*'],
            ['Termin', 'Maßnahme', 'Meilenstein'],
            dates.slice(0, SUMMARY_DATES).map((d) => [germanDate(d.due_date), d.code, cut(d.title, 90)]),
          ),
        )
      : muted('In den nächsten Wochen ist kein Meilenstein fällig.'),
  );
  return out;
}

function changesSection(r: ReportForPdf): Content[] {
  const c = r.changes;
  // The summary is page 1 on its own; the details start on page 2.
  const out: Content[] = [h1('Änderungen seit dem letzten Bericht', { pageBreak: 'before' })];
  if (!r.previous)
    return [...out, muted('Dies ist der erste Statusbericht; es gibt keinen Vorbericht zum Vergleich.')];
  out.push(muted(`Vorbericht: ${r.previous.title} vom ${germanDate(r.previous.reported_on)}`, [0, 0, 0, 8]));

  out.push(h2('Geänderte Ampeln'));
  out.push(
    c.health_changes.length
      ? table(
          [60, '*', 60, 60],
          ['Maßnahme', 'Titel', 'vorher', 'jetzt'],
          c.health_changes.map((h) => [h.code, h.title, light(h.from), light(h.to)]),
        )
      : muted('Keine'),
  );
  out.push(h2('Verschobene Meilensteine'));
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
      : muted('Keine'),
  );
  out.push(h2('Neue Maßnahmen'));
  out.push(
    c.new_measures.length
      ? table(
          [60, '*', 80, 60],
          ['Maßnahme', 'Titel', 'Status', 'Ampel'],
          c.new_measures.map((m) => [m.code, m.title, STATUS[m.status] ?? m.status, light(m.health)]),
        )
      : muted('Keine'),
  );
  out.push(h2('Abgeschlossene Maßnahmen'));
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
      : muted('Keine'),
  );
  return out;
}

function measuresSection(r: ReportForPdf): Content[] {
  const fields = new Map<string, MeasureSnapshot[]>();
  for (const m of r.snapshot) fields.set(m.field_of_action, [...(fields.get(m.field_of_action) ?? []), m]);
  const out: Content[] = [h1('Maßnahmen nach Handlungsfeld', { margin: [0, 14, 0, 6] })];
  for (const [field, measures] of [...fields].sort(([a], [b]) => a.localeCompare(b, 'de'))) {
    out.push(h2(`${field} (${measures.length})`));
    out.push(
      table(
        [52, '*', 46, '*', 120],
        ['Ampel', 'Maßnahme', 'Fortschritt', HEALTH_NOTE_LABEL, 'Nächste Meilensteine'],
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
  return documentFrame(
    r.title,
    { author: r.author ?? 'MYK10', subject: `Statusbericht ${germanMonth(r.reported_on)}` },
    [...summaryPage(r), ...changesSection(r), ...measuresSection(r), ...indicatorsSection(r.snapshot, table)],
    options.compress ?? true,
  );
}

export async function renderStatusReportPdf(
  r: ReportForPdf,
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  return renderPdf(statusReportDocument(r, options));
}
