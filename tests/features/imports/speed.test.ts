import { testApp, type Agent, type TestApp } from '../../support/app';
import { createGrant, upload, xlsx, type Cell, type Report } from './helpers';

/**
 * A large expenditures file through the batched writes (500 rows per statement): in the suite 1,200 rows (two full
 * batches and a partial one); `npm run bench -- --import` runs it with IMPORT_ROWS=10000 on both databases and
 * holds the printed seconds against the target of 15 s (timings belong to the benchmark, not to the tests).
 */
const ROWS = Number(process.env.IMPORT_ROWS ?? 1_200);

let t: TestApp;
let funding: Agent;
beforeAll(async () => {
  t = await testApp();
  funding = await t.as('funding');
  await createGrant(funding, 'SPEED-2026/001', 'Tempophase');
}, 60_000);
afterAll(async () => t?.close());

function file(): Promise<Buffer> {
  const rows: Cell[][] = [
    [
      'Zuwendungsbescheid',
      'Belegnummer',
      'Maßnahme',
      'Gebucht am',
      'Betrag',
      'Kostenart',
      'Zahlungsempfänger',
    ],
  ];
  for (let i = 1; i <= ROWS; i++)
    rows.push([
      'SPEED-2026/001',
      `S-${i}`,
      'M-01',
      `${String((i % 28) + 1).padStart(2, '0')}.03.2026`,
      `${i},${String(i % 100).padStart(2, '0')}`,
      'Dienstleistungen',
      `Empfänger ${i % 50}`,
    ]);
  return xlsx(rows);
}

async function timed(body: Buffer, dryRun: boolean): Promise<{ ms: number; report: Report }> {
  const start = performance.now();
  const res = await upload(funding, 'expenditures', body, { dryRun, fileName: 'tempo.xlsx' });
  const ms = performance.now() - start;
  if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
  return { ms, report: res.body as Report };
}

it(`imports ${ROWS} expenditures: a dry run, an apply with every cent summed and every row audited, then nothing left to do`, async () => {
  const body = await file();
  const dry = await timed(body, true);
  const apply = await timed(body, false);
  const again = await timed(body, true);
  const sums = (await t
    .db('expenditure_sums')
    .join('grants', 'grants.id', 'expenditure_sums.grant_id')
    .where('grants.file_number', 'SPEED-2026/001')
    .sum({ total: 'amount_cents' })
    .first()) as { total: string };
  const audit = (await t
    .db('audit_entries')
    .where('source', 'Import: tempo.xlsx')
    .count({ n: '*' })
    .first()) as {
    n: string;
  };
  console.log(
    `IMPORT ${ROWS} rows (${t.db.client.config.client === 'pg' ? 'PostgreSQL' : 'PGlite'}): dry run ${(dry.ms / 1000).toFixed(1)} s, apply ${(apply.ms / 1000).toFixed(1)} s, unchanged re-run ${(again.ms / 1000).toFixed(1)} s`,
  );
  expect(dry.report.summary).toMatchObject({ rows: ROWS, create: ROWS, error: 0 });
  expect(apply.report.summary).toMatchObject({ rows: ROWS, create: ROWS, error: 0 });
  expect(again.report.summary).toMatchObject({ rows: ROWS, unchanged: ROWS });
  // Every cent in the running totals, one audit entry per created record.
  const cents = Array.from({ length: ROWS }, (_, k) => (k + 1) * 100 + ((k + 1) % 100)).reduce(
    (a, b) => a + b,
    0,
  );
  expect(Number(sums.total)).toBe(cents);
  expect(Number(audit.n)).toBe(ROWS);
}, 300_000);
