import { fileNamePart } from '../../http/attachment';
import { zip, type ZipFile } from '../../http/zip';
import { COST_CATEGORY_LABELS, germanDate, MEASURE_STATUS_LABELS } from '../../labels';
import { loadExcel } from '../../lazyModules';
import { formatEuro } from '../../money';
import { documentFrame, h1, h2, muted, renderPdf, table, type Content } from '../../pdf';
import { addReceiptSheet } from '../funding/receipts';
import type { MeasureNarrative, ProofOfUse, ProofRow } from './contract';
import { addPlanSheet, PLAN_BASIS_NOTE, PLAN_FLAG_NOTE } from './planExport';
import { headRows, tableSheet, workbookBuffer, type SheetColumn } from './sheets';

/** The proof of use as PDF, as workbook (Nachweis, Soll-Ist, Belegliste) and as one ZIP pack of both. */

export const proofTitle = (p: ProofOfUse): string =>
  p.kind === 'interim' ? `Zwischennachweis ${p.fiscal_year}` : 'Verwendungsnachweis';

const fullTitle = (p: ProofOfUse) =>
  `${proofTitle(p)} ${p.grant.programme} – ${p.grant.phase} (Az. ${p.grant.file_number})`;

export function proofFileName(p: ProofOfUse, ext: 'pdf' | 'xlsx' | 'zip'): string {
  const version = p.report ? `_v${p.report.version_no}` : '_Entwurf';
  const kind = p.kind === 'interim' ? `Zwischennachweis_${p.fiscal_year}` : 'Verwendungsnachweis';
  return `${kind}_${fileNamePart(p.grant.file_number)}${version}.${ext}`;
}

const percent = (bp: number | null) =>
  bp === null
    ? '—'
    : `${(bp / 100).toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} %`;
const signed = (cents: number) => `${cents > 0 ? '+' : ''}${formatEuro(cents)}`;

export const STATE_LABELS: Record<MeasureNarrative['transfers'][number]['proof_state'], string> = {
  checked: 'Nachweis geprüft',
  received: 'Nachweis eingegangen, Prüfung läuft',
  overdue: 'Nachweis überfällig',
  open: 'Nachweis noch nicht fällig',
};

export const NUMERIC_HEADERS = [
  '',
  'laut Zuwendungsbescheid/Finanzierungsplan (EUR)',
  '%',
  'laut Abrechnung (EUR)',
  '%',
  'Differenz (EUR)',
];

const numericRow = (r: ProofRow, bold = false): Content[] =>
  [
    r.label,
    formatEuro(r.planned_cents),
    percent(r.planned_bp),
    formatEuro(r.actual_cents),
    percent(r.actual_bp),
    signed(r.difference_cents),
  ].map((text, i) => ({ text, bold, alignment: i === 0 ? 'left' : 'right' }));

const status = (p: ProofOfUse) =>
  p.report?.status === 'issued'
    ? `Ausgestellt am ${germanDate(p.report.issued_on!)}${p.report.issued_by ? ` von ${p.report.issued_by}` : ''} (Version ${p.report.version_no})`
    : `Entwurf, Stand ${germanDate(p.as_of)}${p.report ? ` (Version ${p.report.version_no})` : ''}`;

function measureSection(m: MeasureNarrative): Content[] {
  const out: Content[] = [
    h2(`${m.code} ${m.title}`),
    {
      text: `Status: ${MEASURE_STATUS_LABELS[m.status as keyof typeof MEASURE_STATUS_LABELS] ?? m.status} · Fortschritt ${m.progress} %${m.health_note ? ` · ${m.health_note}` : ''}`,
      margin: [0, 0, 0, 3],
    },
  ];
  const bullets: string[] = [];
  for (const ms of m.milestones_reached)
    bullets.push(`Meilenstein erreicht: ${ms.title} am ${germanDate(ms.completed_on)}`);
  for (const ms of m.milestones_slipped)
    bullets.push(
      `Terminverschiebung: ${ms.title} ${ms.completed_on ? `erreicht am ${germanDate(ms.completed_on)}` : `jetzt geplant für ${germanDate(ms.due_date)}`} statt ${germanDate(ms.baseline_date)} (+${ms.days} Tage)`,
    );
  for (const s of m.spending)
    if (s.over_20 || (s.deviation_bp !== null && Math.abs(s.deviation_bp) >= 2000))
      bullets.push(
        `${COST_CATEGORY_LABELS[s.cost_category]}: ${formatEuro(s.actual_cents)} gegenüber ${formatEuro(s.planned_cents)} geplant (${s.deviation_bp === null ? 'ohne Planansatz' : percent(s.deviation_bp)})${s.note ? ` – ${s.note}` : ''}`,
      );
  for (const t of m.transfers)
    bullets.push(
      `Weiterleitung an ${t.recipient}: ${formatEuro(t.amount_cents)}${t.paid_on ? `, ausgezahlt am ${germanDate(t.paid_on)}` : ''}; ${STATE_LABELS[t.proof_state]}${t.proof_due_on ? ` (fällig ${germanDate(t.proof_due_on)})` : ''}`,
    );
  out.push(
    bullets.length
      ? { ul: bullets, margin: [0, 0, 0, 6] }
      : muted('Keine besonderen Ereignisse im Zeitraum.', [0, 0, 0, 6]),
  );
  return out;
}

function paragraphs(text: string | null, fallback: string): Content[] {
  if (!text?.trim()) return [muted(fallback)];
  return text.split(/\n\s*\n/).map((p) => ({ text: p.trim(), margin: [0, 0, 0, 6] }));
}

export async function proofPdf(p: ProofOfUse): Promise<Buffer> {
  const n = p.numeric;
  const content: Content[] = [
    { text: 'Landkreis Mayen-Koblenz · Stabsstelle Smart Cities', style: 'kicker' },
    { text: proofTitle(p), style: 'title' },
    { text: `${p.grant.programme} – ${p.grant.phase}, Az. ${p.grant.file_number}`, style: 'subtitle' },
    muted(
      `Zuwendungsgeber: ${p.grant.funder} · Zeitraum ${germanDate(p.period_start)} – ${germanDate(p.period_end)} · ${status(p)}`,
    ),
    h1('1. Sachbericht'),
    ...paragraphs(p.introduction, 'Einleitung: noch kein Text.'),
    ...p.narrative.flatMap(measureSection),
    ...paragraphs(p.conclusion, 'Schluss: noch kein Text.'),
    h1('2. Zahlenmäßiger Nachweis'),
    h2('Einnahmen'),
    table([150, '*', 40, '*', 40, 70], NUMERIC_HEADERS, [
      ...n.income.map((r) => numericRow(r)),
      numericRow(n.total, true),
    ]),
    h2('Ausgaben'),
    table([150, '*', 40, '*', 40, 70], NUMERIC_HEADERS, [
      ...n.spending.map((r) => numericRow(r)),
      numericRow(n.total, true),
    ]),
    muted(
      `Bundesanteil der zuwendungsfähigen Zahlungen (Förderquote ${percent(p.grant.funding_rate_bp)}): ${formatEuro(n.federal_share_cents)}; erhaltene Zuwendungen: ${formatEuro(n.received_cents)}; Unterschied: ${signed(n.received_cents - n.federal_share_cents)}.`,
    ),
    h1('3. Soll-Ist-Vergleich'),
    table(
      [36, '*', 70, 62, 62, 62, 42],
      ['Nr.', 'Maßnahme', 'Kostenart', 'Soll', 'Ist', 'Abweichung', '%'],
      [
        ...p.plan.lines.map((l) => [
          l.code,
          l.title,
          COST_CATEGORY_LABELS[l.cost_category],
          { text: formatEuro(l.planned_cents), alignment: 'right' },
          { text: formatEuro(l.actual_cents), alignment: 'right' },
          { text: signed(l.deviation_cents), alignment: 'right', color: l.over_20 ? '#c62828' : undefined },
          { text: `${percent(l.deviation_bp)}${l.over_20 ? ' (> 20 %)' : ''}`, alignment: 'right' },
        ]),
        [
          { text: 'Gesamt', bold: true, colSpan: 3 },
          '',
          '',
          { text: formatEuro(p.plan.total.planned_cents), alignment: 'right', bold: true },
          { text: formatEuro(p.plan.total.actual_cents), alignment: 'right', bold: true },
          { text: signed(p.plan.total.deviation_cents), alignment: 'right', bold: true },
          { text: percent(p.plan.total.deviation_bp), alignment: 'right', bold: true },
        ],
      ],
    ),
    muted(`${PLAN_BASIS_NOTE} ${PLAN_FLAG_NOTE}`),
    h1('4. Belegliste'),
    ...p.receipts.groups.flatMap((g) => [
      h2(`${g.label} (${formatEuro(g.subtotal_cents)})`),
      g.items.length
        ? table(
            [50, 110, '*', 44, 66],
            ['Datum', 'Zahlungsempfänger', 'Grund der Zahlung', 'Maßnahme', 'Betrag'],
            g.items.map((e) => [
              germanDate(e.paid_on),
              e.payee,
              e.description ?? '',
              e.measure_code,
              { text: formatEuro(e.amount_cents), alignment: 'right' },
            ]),
          )
        : muted('keine zuwendungsfähigen Ausgaben'),
    ]),
    {
      text: `Gesamtsumme der Belegliste: ${formatEuro(p.receipts.total_cents)} (${p.receipts.count} Zahlungen)`,
      bold: true,
    },
  ];
  return renderPdf(documentFrame(fullTitle(p), { subject: proofTitle(p) }, content));
}

type NumericLine = ProofRow & { group: string };

const NUMERIC_COLUMNS: SheetColumn<NumericLine>[] = [
  { header: 'Bereich', width: 12, value: (r) => r.group },
  { header: 'Position', width: 30, value: (r) => r.label },
  { header: NUMERIC_HEADERS[1]!, width: 22, value: (r) => r.planned_cents, money: true },
  { header: '% (Plan)', width: 10, value: (r) => r.planned_bp, percent: true },
  { header: NUMERIC_HEADERS[3]!, width: 22, value: (r) => r.actual_cents, money: true },
  { header: '% (Abrechnung)', width: 12, value: (r) => r.actual_bp, percent: true },
  { header: NUMERIC_HEADERS[5]!, width: 18, value: (r) => r.difference_cents, money: true },
];

export async function proofWorkbook(p: ProofOfUse, created: { by: string; on: string }): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'MYK10 Steuerungscockpit';
  wb.title = fullTitle(p);
  const n = p.numeric;
  tableSheet(
    wb,
    'Nachweis',
    `Zahlenmäßiger Nachweis – ${fullTitle(p)}`,
    [...headRows(p.grant, p.fiscal_year, created), ['Stand', status(p)]],
    NUMERIC_COLUMNS,
    [
      ...n.income.map((r) => ({ ...r, group: 'Einnahmen' })),
      { ...n.total, group: 'Einnahmen' },
      ...n.spending.map((r) => ({ ...r, group: 'Ausgaben' })),
    ],
    [{ ...n.total, group: 'Ausgaben' }],
    [
      `Bundesanteil der zuwendungsfähigen Zahlungen: ${formatEuro(n.federal_share_cents)}; erhaltene Zuwendungen: ${formatEuro(n.received_cents)}.`,
    ],
  );
  addPlanSheet(wb, p.plan, created);
  addReceiptSheet(wb, p.receipts);
  return workbookBuffer(wb);
}

/**
 * The pack for the funder: the PDF, the workbook, the attached documents (`extraPackFiles`, in folders by kind) and a
 * short index that names each file, with a document's title beside it.
 */
export async function proofPack(
  p: ProofOfUse,
  created: { by: string; on: string },
  extraPackFiles: (ZipFile & { title?: string })[] = [],
): Promise<Buffer> {
  const files: (ZipFile & { title?: string })[] = [
    { name: proofFileName(p, 'pdf'), data: await proofPdf(p) },
    { name: proofFileName(p, 'xlsx'), data: await proofWorkbook(p, created) },
    ...extraPackFiles,
  ];
  const index = [
    fullTitle(p),
    `Zuwendungsempfänger: Landkreis Mayen-Koblenz`,
    `Zeitraum: ${germanDate(p.period_start)} – ${germanDate(p.period_end)}`,
    status(p),
    `Zusammengestellt am ${germanDate(created.on)} von ${created.by}`,
    '',
    'Inhalt:',
    ...files.map((f) => (f.title ? `- ${f.name} – ${f.title}` : `- ${f.name}`)),
    '',
    `Ausgaben laut Abrechnung: ${formatEuro(p.numeric.total.actual_cents)}; Belegliste: ${p.receipts.count} Zahlungen, ${formatEuro(p.receipts.total_cents)}.`,
  ].join('\r\n');
  return zip([{ name: 'Inhalt.txt', data: Buffer.from(`\ufeff${index}\r\n`, 'utf8') }, ...files]);
}
