import fs from 'node:fs';
import path from 'node:path';
import type { Response } from 'superagent';
import { de } from '../../../admin/src/i18n/de';
import { HEALTH_NOTE_LABEL } from '../../../api/labels';
import { formatEuro } from '../../../api/money';
import { testApp, type Agent, type TestApp } from '../../support/app';
import { SUMMARY_MEASURES } from '../../../api/features/status_reports/pdf';
import { pageCount, pdfText } from './pdfText';

type Row = Record<string, unknown>;

/** The PDF is kept for a look (artifacts/ is not versioned). */
const ARTIFACTS = path.resolve(__dirname, '../../../artifacts');

async function getPdf(agent: Agent, path: string): Promise<Buffer> {
  const res = (await agent
    .get(path)
    .buffer(true)
    .parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    })) as Response & { body: Buffer };
  expect(res.status).toBe(200);
  return res.body;
}

/** The text of each page (pdfmake writes one content stream per page). */
const pagesOf = (pdf: Buffer) =>
  pdfText(pdf)
    .split('\n')
    .filter((p) => p.trim());

describe('status report: management summary, several reports a day', () => {
  let t: TestApp;
  let morning: Row;
  let afternoon: Row;
  beforeAll(async () => {
    t = await testApp();
    const steering = await t.as('steering');
    morning = (
      await steering
        .post('/api/status_reports')
        .send({ reported_on: '2026-11-26', title: 'Statusbericht November 2026' })
        .expect(201)
    ).body as Row;
    const m = (await steering.get('/api/measures').query({ filter: JSON.stringify({ code: 'M-02' }) }))
      .body[0] as Row;
    await steering
      .put(`/api/measures/${String(m.id)}`)
      .send({ ...m, health: 'red', health_note: 'Betreiber kündigt zum Jahresende' })
      .expect(200);
    afternoon = (
      await steering
        .post('/api/status_reports')
        .send({ reported_on: '2026-11-26', title: 'Statusbericht November 2026 (korrigiert)' })
        .expect(201)
    ).body as Row;
  });
  afterAll(async () => t?.close());

  it('keeps a second report on the same date as its own, compared with the first of that day', async () => {
    const cmp = (
      await (await t.as('viewer')).get(`/api/status_reports/${String(afternoon.id)}/comparison`).expect(200)
    ).body as { previous: Row | null; health_changes: Row[] };
    expect(cmp.previous).toMatchObject({ id: morning.id, reported_on: '2026-11-26' });
    expect(cmp.health_changes.map((h) => [h.code, h.from, h.to])).toEqual([['M-02', 'green', 'red']]);
    const list = (await (await t.as('viewer')).get('/api/status_reports').expect(200)).body as Row[];
    expect(list.filter((r) => r.reported_on === '2026-11-26')).toHaveLength(2);
  });

  it('opens with a one-page summary: lights, red and amber measures with their reasons, money, key dates', async () => {
    const pdf = await getPdf(await t.as('cdo'), `/api/status_reports/${String(afternoon.id)}/pdf`);
    const [first, second] = pagesOf(pdf);
    expect(first).toContain('Management-Zusammenfassung');
    expect(first).toContain('Seite 1 von');
    expect(second).not.toContain('Management-Zusammenfassung');
    const snapshot = afternoon.snapshot as Row[];
    for (const h of ['green', 'amber', 'red']) {
      const label = { green: 'Grün', amber: 'Gelb', red: 'Rot' }[h]!;
      expect(first).toContain(`${label}${snapshot.filter((m) => m.health === h).length}`);
    }
    const attention = snapshot.filter((m) => m.health === 'red' || m.health === 'amber');
    expect(attention.length).toBeGreaterThan(0);
    for (const m of attention.slice(0, SUMMARY_MEASURES)) expect(first).toContain(`${String(m.code)} · `);
    expect(first).toContain('Betreiber kündigt zum Jahresende');
    expect(first).toContain(HEALTH_NOTE_LABEL);
    // The money frozen at issue, the same figures as the dashboard's total at that time.
    const money = afternoon.money as Record<string, number>;
    const dashboard = (await (await t.as('cdo')).get('/api/dashboard').expect(200)).body as {
      money: { total: Record<string, number> };
    };
    expect(money).toEqual(dashboard.money.total);
    expect(first).toContain(`abgerufen (eingegangen)${formatEuro(money.received_cents!)}`);
    expect(first).toContain(`verausgabt${formatEuro(money.spent_cents!)}`);
    expect(first).toContain('Wichtige Termine');
  });

  it("names the light's reason alike on screen and in the PDF", () => {
    const measures = (de.resources as { measures: { fields: Record<string, string> } }).measures;
    expect(measures.fields.health_note).toBe(HEALTH_NOTE_LABEL);
  });

  it('leaves no near-empty page: every page but the last is well filled', async () => {
    const pdf = await getPdf(await t.as('cdo'), `/api/status_reports/${String(afternoon.id)}/pdf`);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    fs.writeFileSync(path.join(ARTIFACTS, 'statusbericht.pdf'), pdf);
    const pages = pagesOf(pdf);
    expect(pages).toHaveLength(pageCount(pdf));
    for (const page of pages.slice(0, -1)) expect(page.length).toBeGreaterThan(900);
  });

  it('shows money only to the roles that may see it', async () => {
    const guide = await t.as('guide');
    const report = (await guide.get(`/api/status_reports/${String(afternoon.id)}`).expect(200)).body as Row;
    expect(report).not.toHaveProperty('money');
    const [first] = pagesOf(await getPdf(guide, `/api/status_reports/${String(afternoon.id)}/pdf`));
    expect(first).toContain('Management-Zusammenfassung');
    expect(first).not.toContain('Bundesmittel');
  });
});
