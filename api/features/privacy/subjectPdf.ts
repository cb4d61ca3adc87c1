import { renderPdf } from '../../pdf';
import type { SubjectFindings } from './subjects';

/** The Art. 15 export as a readable A4 PDF, in the style of the status report (pdfmake, bundled Roboto). */

type Content = string | Content[] | { [key: string]: unknown };

const TABLES: Record<string, string> = {
  contacts: 'Kontaktprotokoll',
  partners: 'Kooperationspartner',
  users: 'Benutzer',
  audit_entries: 'Änderungsprotokoll',
};

const show = (v: unknown): string => {
  if (v === null || v === undefined || v === '') return '–';
  if (typeof v === 'boolean') return v ? 'ja' : 'nein';
  if (Array.isArray(v)) return v.length ? v.join(', ') : '–';
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return v.split('-').reverse().join('.');
  return String(v);
};

/** One block per record: a two-column table of label and value. */
function records(title: string, rows: Record<string, unknown>[], labels: Record<string, string>): Content[] {
  const out: Content[] = [{ text: `${title} (${rows.length})`, style: 'h1' }];
  if (rows.length === 0) out.push({ text: 'Keine Einträge.', style: 'muted' });
  for (const row of rows)
    out.push({
      table: {
        widths: [130, '*'],
        dontBreakRows: true,
        body: Object.entries(labels).map(([k, label]) => [{ text: label, style: 'th' }, show(row[k])]),
      },
      layout: 'lightHorizontalLines',
      margin: [0, 0, 0, 10],
    });
  return out;
}

export function subjectDocument(f: SubjectFindings, createdAt: string): object {
  const when = new Intl.DateTimeFormat('de-DE', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  }).format(new Date(createdAt));
  return {
    pageSize: 'A4',
    pageMargins: [40, 48, 40, 56],
    language: 'de-DE',
    info: { title: 'Auskunft nach Art. 15 DSGVO', creator: 'MYK10 Steuerungscockpit' },
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 20, bold: true, color: '#1f3a4d' },
      h1: { fontSize: 13, bold: true, color: '#1f3a4d', margin: [0, 12, 0, 6] },
      th: { bold: true },
      muted: { color: '#607d8b' },
    },
    footer: (page: number, pages: number) => ({
      columns: [
        { text: 'MYK10 Steuerungscockpit · Auskunft nach Art. 15 DSGVO', style: 'muted' },
        { text: `Seite ${page} von ${pages}`, alignment: 'right', style: 'muted' },
      ],
      margin: [40, 20, 40, 0],
      fontSize: 8,
    }),
    content: [
      { text: 'Auskunft nach Art. 15 DSGVO', style: 'title' },
      { text: `Gespeicherte Daten zu „${f.query}“ · erstellt am ${when}`, margin: [0, 4, 0, 8] },
      {
        text: 'Zweck der Verarbeitung: Steuerung des Modellprojekts Smarte Region MYK10 (Kontaktpflege mit den Kommunen, Zusammenarbeit mit Kooperationspartnern, Benutzerverwaltung). Aufbewahrung der Kontaktdaten: bis zum Ablauf der Aufbewahrungsfrist, danach anonymisiert.',
        style: 'muted',
      },
      ...records('Kontaktprotokoll', f.contacts, {
        contact_on: 'Datum',
        municipality: 'Kommune',
        channel: 'Kanal',
        person_name: 'Person',
        person_role: 'Funktion',
        topic: 'Thema',
        notes: 'Notizen',
        follow_up_on: 'Wiedervorlage',
        measures: 'Maßnahmen',
        author: 'Erfasst von',
      }),
      ...records('Kooperationspartner (Ansprechperson)', f.partners, {
        name: 'Partner',
        contact_person: 'Ansprechperson',
        email: 'E-Mail',
        phone: 'Telefon',
        city: 'Ort',
        notes: 'Notizen',
      }),
      ...records('Benutzerkonten', f.users, {
        name: 'Name',
        email: 'E-Mail',
        role: 'Rolle',
        active: 'Aktiv',
        municipalities: 'Betreute Kommunen',
      }),
      { text: `Weitere Fundstellen (${f.occurrences.length})`, style: 'h1' },
      f.occurrences.length
        ? {
            table: {
              headerRows: 1,
              widths: [110, 80, '*'],
              body: [
                [
                  { text: 'Bereich', style: 'th' },
                  { text: 'Feld', style: 'th' },
                  { text: 'Inhalt', style: 'th' },
                ],
                ...f.occurrences.map((o) => [`${TABLES[o.table] ?? o.table} #${o.id}`, o.column, o.value]),
              ],
            },
            layout: 'lightHorizontalLines',
          }
        : { text: 'Keine.', style: 'muted' },
    ],
  };
}

export function renderSubjectPdf(f: SubjectFindings, createdAt: string): Promise<Buffer> {
  return renderPdf(subjectDocument(f, createdAt));
}
