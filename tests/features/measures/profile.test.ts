import type { Response } from 'superagent';
import { formatEuro } from '../../../api/money';
import { HEALTH_NOTE_LABEL } from '../../../api/labels';
import { testApp, type Agent, type TestApp } from '../../support/app';
import { pageCount, pdfText } from '../status_reports/pdfText';

type Row = Record<string, unknown>;

async function getPdf(agent: Agent, path: string): Promise<Response & { body: Buffer }> {
  return (await agent
    .get(path)
    .buffer(true)
    .parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    })) as Response & { body: Buffer };
}

describe('GET /api/measures/:id/profile.pdf (Projektsteckbrief)', () => {
  let t: TestApp;
  let measure: Row;
  beforeAll(async () => {
    t = await testApp();
    measure = (await t.db('measures').where('code', 'M-08').first()) as Row;
  });
  afterAll(async () => t?.close());

  it('is one German A4 page with goal, light and reason, milestones, partners, municipalities and money', async () => {
    const res = await getPdf(await t.as('steering'), `/api/measures/${String(measure.id)}/profile.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('Projektsteckbrief_M-08.pdf');
    expect(pageCount(res.body)).toBe(1);
    const text = pdfText(res.body);
    expect(text).toContain(`M-08 · ${String(measure.title)}`);
    expect(text).toContain('Ziel');
    expect(text).toContain(String(measure.summary).slice(0, 40));
    expect(text).toContain(`${HEALTH_NOTE_LABEL}${String(measure.health_note)}`);
    expect(text).toContain('AmpelRot');
    const milestones = (await t.db('milestones').where('measure_id', measure.id as number)) as Row[];
    for (const ms of milestones.slice(0, 5)) expect(text).toContain(String(ms.title));
    expect(text).toContain('überfällig');
    const partners = (await t
      .db('measure_partners as mp')
      .join('partners as p', 'p.id', 'mp.partner_id')
      .where('mp.measure_id', measure.id as number)
      .select('p.name')) as Row[];
    expect(partners.length).toBeGreaterThan(0);
    for (const p of partners) expect(text).toContain(String(p.name));
    const municipalities = (await t
      .db('measure_municipalities as mm')
      .join('municipalities as m', 'm.id', 'mm.municipality_id')
      .where('mm.measure_id', measure.id as number)
      .orderBy('m.name')
      .select('m.name')) as Row[];
    expect(text).toContain(`Beteiligte Kommunen${municipalities.map((m) => String(m.name)).join(', ')}`);
    const spent = (await t
      .db('expenditures')
      .where('measure_id', measure.id as number)
      .sum('amount_cents as s')
      .first()) as { s: string | null };
    expect(text).toContain(`Planbudget${formatEuro(Number(measure.budget_cents))}`);
    expect(text).toContain(`verausgabt (alle Ausgaben)${formatEuro(Number(spent.s ?? 0))}`);
  });

  it('leaves money out for roles that may not see it, and checks the role and the id', async () => {
    const guide = await getPdf(await t.as('guide'), `/api/measures/${String(measure.id)}/profile.pdf`);
    expect(guide.status).toBe(200);
    const text = pdfText(guide.body);
    expect(text).toContain('M-08');
    expect(text).not.toContain('Planbudget');
    expect(text).not.toContain('€');
    expect((await t.anonymous().get(`/api/measures/${String(measure.id)}/profile.pdf`)).status).toBe(401);
    expect((await (await t.as('viewer')).get('/api/measures/999999/profile.pdf')).status).toBe(404);
    expect((await (await t.as('viewer')).get('/api/measures/abc/profile.pdf')).status).toBe(400);
  });
});
