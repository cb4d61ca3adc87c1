import type { FetchRelatedRecords, RaRecord, TranslateFunction } from 'react-admin';
import { listCsv } from '../../../admin/src/common/listCsv';
import { de } from '../../../admin/src/i18n/de';
import { testApp, type Agent, type TestApp } from '../../support/app';
import { csv, upload, xlsx, type Report } from './helpers';

let t: TestApp;
let steering: Agent;
beforeAll(async () => {
  t = await testApp();
  steering = await t.as('steering');
});
afterAll(async () => t?.close());

describe('POST /api/imports/milestones', () => {
  it('matches by measure code and title; a moved due date updates it and writes a forecast for the MTA', async () => {
    const header = ['Maßnahme', 'Titel', 'Basistermin', 'Prognosetermin', 'Abschlussmeilenstein'];
    const first = await xlsx([
      header,
      ['M-01', 'Importierter Meilenstein', '01.06.2027', '01.06.2027', 'nein'],
    ]);
    expect((await upload(steering, 'milestones', first, { dryRun: false })).status).toBe(200);
    const moved = await xlsx([
      header,
      ['m-01', ' importierter  meilenstein ', '01.06.2027', '15.07.2027', 'nein'],
    ]);
    const [row] = ((await upload(steering, 'milestones', moved)).body as Report).rows;
    expect(row).toMatchObject({ action: 'update', changes: { due_date: ['2027-06-01', '2027-07-15'] } });
    expect(Object.keys(row!.changes)).toEqual(['due_date']);
    expect((await upload(steering, 'milestones', moved, { dryRun: false })).status).toBe(200);
    const ms = await t.db('milestones').where('title', 'Importierter Meilenstein').first();
    const forecasts = await t.db('milestone_forecasts').where('milestone_id', ms.id).orderBy('id');
    expect(forecasts.map((f) => f.due_date)).toContain('2027-07-15');
  });
});

describe('POST /api/imports/partners', () => {
  it('finds a partner by name whatever the case and spaces, and reports a bad e-mail at its cell', async () => {
    const existing = await t.db('partners').orderBy('id').first();
    const file = csv([
      ['Name', 'Sektor', 'E-Mail-Adresse'],
      [`  ${String(existing.name).toUpperCase()}\u00a0`, existing.sector, existing.email ?? ''],
      ['Neuer Partner e. V.', 'Zivilgesellschaft', 'keine-adresse'],
    ]);
    const rows = ((await upload(steering, 'partners', file, { type: 'text/csv' })).body as Report).rows;
    expect(rows[0]).toMatchObject({ action: 'unchanged' });
    expect(rows[1]).toMatchObject({ action: 'error', errors: { email: 'Ungültige E-Mail-Adresse' } });
  });
});

/** The admin's CSV export of a list, as the browser builds it (German catalogue, references in words). */
async function exportCsv(resource: string, representation: (resource: string, r: RaRecord) => string) {
  const records = (await steering.get(`/api/${resource}`).query({ range: '[0,999]' })).body as RaRecord[];
  const catalogue = de as unknown as Record<string, unknown>;
  const translate = ((key: string, options?: { _?: string }) => {
    const text = key
      .split('.')
      .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], catalogue);
    return typeof text === 'string' ? text : (options?._ ?? key);
  }) as TranslateFunction;
  const fetchRelated = (async (_records: RaRecord[], _column: string, related: string) => {
    const rows = (await steering.get(`/api/${related}`).query({ range: '[0,999]' })).body as RaRecord[];
    return Object.fromEntries(rows.map((r) => [r.id, r]));
  }) as unknown as FetchRelatedRecords;
  return listCsv(records, fetchRelated, { resource, translate, label: representation });
}

describe('round trip of the list exports', () => {
  it('re-imports the measure list export with nothing to create or change', async () => {
    const text = await exportCsv('measures', (res, r) =>
      res === 'measures' ? `${r.code} ${r.title}` : res === 'users' ? String(r.name) : String(r.name),
    );
    const report = (await upload(steering, 'measures', text, { type: 'text/csv', fileName: 'Maßnahmen.csv' }))
      .body as Report;
    expect(report.rows.filter((r) => r.action !== 'unchanged')).toEqual([]);
    expect(report.summary.unchanged).toBeGreaterThan(5);
    expect(report.warnings.join(' ')).toMatch(/Nur lesbare Spalten/);
  });

  it('re-imports the milestone list export with nothing to create or change', async () => {
    const text = await exportCsv('milestones', (res, r) =>
      res === 'measures' ? `${r.code} ${r.title}` : String(r.title),
    );
    const report = (await upload(steering, 'milestones', text, { type: 'text/csv' })).body as Report;
    expect(report.rows.filter((r) => r.action !== 'unchanged')).toEqual([]);
  });

  it('re-imports the partner list export with nothing to create or change', async () => {
    const text = await exportCsv('partners', (_res, r) => String(r.name));
    const report = (await upload(steering, 'partners', text, { type: 'text/csv' })).body as Report;
    expect(report.rows.filter((r) => r.action !== 'unchanged')).toEqual([]);
  });
});
