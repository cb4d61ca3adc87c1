import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { writeBackup } from '../../../api/features/backup/snapshot';
import { proofOfUseDocuments } from '../../../api/features/documents/pack';
import { onPostgres } from '../../support/db';
import { testApp, type TestApp } from '../../support/app';
import { emptyDb, restore } from '../backup/support';

/**
 * Documents beyond their tab (#17): the proof-of-use pack's selection, the receipt list's marker, the paper-clip
 * counts of the lists, and the backup that carries them.
 */

let t: TestApp;
let grant: number;
let trancheInYear: number;
let trancheOtherYear: number | undefined;
let paidIn: { id: number; paid_on: string };
let paidOut: { id: number; paid_on: string };
const YEAR = 2025;
const period = { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` };

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n${text} ${crypto.randomUUID()}\n`);

async function upload(
  resource: string,
  recordId: number,
  kind: string,
  title: string,
  bytes: Buffer,
  name: string,
) {
  const res = await (
    await t.as('cdo')
  )
    .post('/api/documents')
    .set('X-Requested-With', 'XMLHttpRequest')
    .field('resource', resource)
    .field('record_id', String(recordId))
    .field('kind', kind)
    .field('title', title)
    .attach('file', bytes, name);
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: number };
}

beforeAll(async () => {
  t = await testApp();
  const { rows } = (await t.db.raw(
    `select e.grant_id, e.id, e.paid_on from expenditures e
     where e.eligible and e.paid_on between ? and ? order by e.id limit 1`,
    [period.from, period.to],
  )) as { rows: { grant_id: number; id: number; paid_on: string }[] };
  grant = rows[0]!.grant_id;
  paidIn = rows[0]!;
  paidOut = (await t
    .db('expenditures')
    .first('id', 'paid_on')
    .where({ grant_id: grant, eligible: true })
    .whereNotBetween('paid_on', [period.from, period.to])
    .orderBy('id')) as { id: number; paid_on: string };
  trancheInYear = (
    (await t.db('tranches').first('id').where({ grant_id: grant, fiscal_year: YEAR })) as { id: number }
  ).id;
  trancheOtherYear = (
    (await t.db('tranches').first('id').where({ grant_id: grant }).whereNot('fiscal_year', YEAR)) as
      { id: number } | undefined
  )?.id;
});
afterAll(async () => t?.close());

describe('proofOfUseDocuments', () => {
  it('gives the documents of the grant, its tranches of the period and the period’s receipts, in folders by kind', async () => {
    const notice = pdf('Bescheid');
    const drawdown = pdf('Abruf');
    const receipt = pdf('Beleg');
    await upload('grants', grant, 'notice', 'Zuwendungsbescheid', notice, 'Bescheid.pdf');
    await upload('grants', grant, 'amendment', 'Änderungsbescheid 1', pdf('Änderung'), 'Bescheid.pdf');
    await upload('tranches', trancheInYear, 'drawdown', 'Mittelabruf wie versandt', drawdown, 'Abruf.pdf');
    await upload('expenditures', paidIn.id, 'receipt', 'Rechnung', receipt, 'Rechnung.pdf');
    await upload('expenditures', paidIn.id, 'receipt', 'Rechnung Seite 2', pdf('Seite 2'), 'Rechnung.pdf');
    if (paidOut) await upload('expenditures', paidOut.id, 'receipt', 'Alter Beleg', pdf('alt'), 'Alt.pdf');
    if (trancheOtherYear)
      await upload('tranches', trancheOtherYear, 'drawdown', 'Anderes Jahr', pdf('anders'), 'Anders.pdf');

    const pack = await proofOfUseDocuments(t.db, grant, period);

    // The demo data has both: a receipt paid outside the period and a tranche of another year.
    expect(paidOut).toBeDefined();
    expect(trancheOtherYear).toBeDefined();

    const ours = pack.filter((d) => !d.title.startsWith('Demo'));
    const index = ours.map(({ folder, fileName, title }) => ({ folder, fileName, title }));
    expect(index).toEqual(
      expect.arrayContaining([
        { folder: 'Bescheid', fileName: 'Bescheid.pdf', title: 'Zuwendungsbescheid' },
        { folder: 'Änderungsbescheid', fileName: 'Bescheid.pdf', title: 'Änderungsbescheid 1' },
        { folder: 'Mittelabruf', fileName: 'Abruf.pdf', title: 'Mittelabruf wie versandt' },
        { folder: 'Beleg', fileName: 'Rechnung.pdf', title: 'Rechnung' },
        { folder: 'Beleg', fileName: 'Rechnung (2).pdf', title: 'Rechnung Seite 2' },
      ]),
    );
    expect(index.map((d) => d.title)).not.toContain('Alter Beleg');
    expect(index.map((d) => d.title)).not.toContain('Anderes Jahr');
    const byTitle = (title: string) => pack.find((d) => d.title === title)!.bytes;
    expect(byTitle('Zuwendungsbescheid').equals(notice)).toBe(true);
    expect(byTitle('Mittelabruf wie versandt').equals(drawdown)).toBe(true);
    expect(byTitle('Rechnung').equals(receipt)).toBe(true);
    const names = pack.map((d) => `${d.folder}/${d.fileName}`.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });

  it('runs inside a transaction and gives nothing for a grant without documents', async () => {
    const other = (await t
      .db('grants')
      .insert({
        programme: 'Testprogramm',
        funder: 'Bund',
        file_number: `T-${crypto.randomUUID().slice(0, 8)}`,
        phase: 'A',
        committed_on: '2025-01-01',
        period_start: '2025-01-01',
        period_end: '2025-12-31',
        eligible_cents: 100,
        funding_rate_bp: 6500,
        approved_cents: 65,
        spend_rule: 'anbest_gk',
        proof_due_on: '2026-06-30',
      })
      .returning('id')) as [{ id: number }];

    const pack = await t.db.transaction((trx) => proofOfUseDocuments(trx, other[0].id, period));

    expect(pack).toEqual([]);
  });
});

describe('marks and counts', () => {
  it('the receipt list marks the receipts with a document, in JSON and in the spreadsheet', async () => {
    const funding = await t.as('funding');
    const json = (await funding.get(`/api/reports/receipts?grant_id=${grant}&fiscal_year=${YEAR}`)).body as {
      groups: { items: { id: number; has_document: boolean }[] }[];
    };
    const items = json.groups.flatMap((g) => g.items);
    const withDoc = new Set(
      (
        (await t.db('documents').select('expenditure_id').whereNotNull('expenditure_id')) as {
          expenditure_id: number;
        }[]
      ).map((r) => r.expenditure_id),
    );

    expect(items.find((i) => i.id === paidIn.id)?.has_document).toBe(true);
    expect(items.every((i) => i.has_document === withDoc.has(i.id))).toBe(true);

    const xlsx = await funding
      .get(`/api/reports/receipts.xlsx?grant_id=${grant}&fiscal_year=${YEAR}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const header = rows.find((r) => r[0] === 'Lfd. Nr.')!;
    expect(header[8]).toBe('Beleg im Cockpit');
    const marked = rows.filter((r) => typeof r[0] === 'number' && r[8] === 'ja').length;
    expect(marked).toBe(items.filter((i) => i.has_document).length);
    expect(marked).toBeGreaterThan(0);
  });

  it('the lists of tranches and expenditures count each record’s documents', async () => {
    const funding = await t.as('funding');
    const count = async (column: string, id: number) =>
      Number(((await t.db('documents').where(column, id).count({ n: '*' })) as [{ n: number }])[0].n);

    const tranche = (await funding.get(`/api/tranches/${trancheInYear}`)).body as { document_count: number };
    const list = (
      await funding.get(`/api/expenditures?filter=${encodeURIComponent(JSON.stringify({ id: [paidIn.id] }))}`)
    ).body as { document_count: number }[];

    expect(tranche.document_count).toBe(await count('tranche_id', trancheInYear));
    expect(list[0]!.document_count).toBe(await count('expenditure_id', paidIn.id));
    expect(list[0]!.document_count).toBeGreaterThanOrEqual(2);
  });
});

describe('backup', () => {
  it(`carries the documents and their bytes (${onPostgres ? 'PostgreSQL' : 'PGlite'} round trip)`, async () => {
    const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), crypto.randomBytes(4096)]);
    const doc = await upload('grants', grant, 'other', 'Binär', bytes, 'binaer.pdf');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'myk10-docs-'));
    const file = path.join(dir, 'backup.json.gz');
    await writeBackup(t.db, file);
    const target = await emptyDb(onPostgres ? 'postgresql' : 'pglite');
    try {
      await restore(target.db, file);
      const restored = (await target.db('document_files').where('document_id', doc.id).first()) as {
        bytes: Uint8Array;
      };
      const meta = (await target.db('documents').where('id', doc.id).first()) as { sha256: string };

      expect(Buffer.from(restored.bytes).equals(bytes)).toBe(true);
      expect(meta.sha256).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
    } finally {
      await target.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
