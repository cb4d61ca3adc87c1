import crypto from 'node:crypto';
import type { Knex } from 'knex';
import { renderPdf, STYLES } from '../api/pdf';
import { germanDate } from '../api/labels';
import { formatEuro } from '../api/money';

/**
 * Demo documents (#17): small generated PDFs attached where the funding officer would put them — the notice on the
 * first grant, the requests as sent on its first two requested tranches, and three scanned receipts on its first
 * paid eligible expenditures, uploaded by the funding officer.
 */

interface Grant {
  id: number;
  programme: string;
  funder: string;
  file_number: string;
  phase: string;
  committed_on: string;
  approved_cents: number;
}
interface Tranche {
  id: number;
  number: number;
  fiscal_year: number;
  requested_on: string;
  requested_cents: number;
}
interface Receipt {
  id: number;
  paid_on: string;
  payee: string;
  receipt_no: string | null;
  amount_cents: number;
  description: string | null;
}

const page = (title: string, lines: string[]) =>
  renderPdf({
    info: { title, creator: 'MYK10 Steuerungscockpit (Demodaten)' },
    content: [
      { text: 'DEMO – kein echtes Dokument', style: 'kicker' },
      { text: title, style: 'h1', margin: [0, 4, 0, 12] },
      ...lines.map((text) => ({ text, margin: [0, 0, 0, 6] })),
    ],
    styles: STYLES,
  });

async function insertDocument(
  trx: Knex,
  row: Record<string, unknown> & { kind: string; title: string; file_name: string },
  bytes: Buffer,
  uploader: number,
): Promise<void> {
  const [{ id }] = (await trx('documents')
    .insert({
      ...row,
      media_type: 'application/pdf',
      size_bytes: bytes.length,
      sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
      uploaded_by: uploader,
    })
    .returning('id')) as [{ id: number }];
  await trx('document_files').insert({ document_id: id, bytes });
}

export async function seedDemoDocuments(trx: Knex): Promise<void> {
  const officer = (await trx('users').first('id').where('role', 'funding').orderBy('id')) as { id: number };
  const uploader = officer.id;
  const grant = (await trx('grants').first().orderBy('id')) as Grant | undefined;
  if (!grant) return;
  const tranches = (await trx('tranches')
    .select('id', 'number', 'fiscal_year', 'requested_on', 'requested_cents')
    .where('grant_id', grant.id)
    .whereNot('status', 'planned')
    .orderBy('number')
    .limit(2)) as Tranche[];
  const receipts = (await trx('expenditures')
    .select('id', 'paid_on', 'payee', 'receipt_no', 'amount_cents', 'description')
    .where({ grant_id: grant.id, eligible: true })
    .whereNotNull('paid_on')
    .orderBy(['paid_on', 'id'])
    .limit(3)) as Receipt[];

  const notice = await page(`Zuwendungsbescheid ${grant.file_number}`, [
    `${grant.funder} – ${grant.programme}, ${grant.phase}`,
    `Bescheid vom ${germanDate(grant.committed_on)}`,
    `Bewilligte Zuwendung: ${formatEuro(grant.approved_cents)}`,
  ]);
  await insertDocument(
    trx,
    {
      grant_id: grant.id,
      kind: 'notice',
      title: `Zuwendungsbescheid ${grant.phase}`,
      file_name: `Zuwendungsbescheid_${grant.file_number.replace(/[^\p{L}\p{N}-]+/gu, '-')}.pdf`,
    },
    notice,
    uploader,
  );
  for (const t of tranches) {
    const pdf = await page(`Mittelabruf Nr. ${t.number} (Haushaltsjahr ${t.fiscal_year})`, [
      `Zum Bescheid ${grant.file_number}`,
      `Angefordert am ${germanDate(t.requested_on)}: ${formatEuro(t.requested_cents)}`,
    ]);
    await insertDocument(
      trx,
      {
        tranche_id: t.id,
        kind: 'drawdown',
        title: `Mittelabruf Nr. ${t.number} wie versandt`,
        file_name: `Mittelabruf_${t.number}_${t.fiscal_year}.pdf`,
      },
      pdf,
      uploader,
    );
  }
  for (const r of receipts) {
    const pdf = await page(`Rechnung ${r.receipt_no ?? ''}`.trim(), [
      `${r.payee}`,
      `${r.description ?? ''}`,
      `Betrag: ${formatEuro(r.amount_cents)} – bezahlt am ${germanDate(r.paid_on)}`,
    ]);
    await insertDocument(
      trx,
      {
        expenditure_id: r.id,
        kind: 'receipt',
        title: `Rechnung ${r.payee}`.slice(0, 200),
        file_name: `Beleg_${(r.receipt_no ?? String(r.id)).replace(/[^\p{L}\p{N}-]+/gu, '-')}.pdf`,
      },
      pdf,
      uploader,
    );
  }
}
