import type { Response } from 'superagent';
import { testApp, type Agent, type TestApp } from '../../support/app';
import { pageCount, pdfText } from './pdfText';

type Row = Record<string, unknown>;

async function getPdf(agent: Agent, path: string): Promise<Response & { body: Buffer }> {
  return (await agent
    .get(path)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    })) as Response & { body: Buffer };
}

describe('status reports', () => {
  let t: TestApp;
  let first: Row;
  let second: Row;
  let measure: Row;
  let milestone: Row;
  beforeAll(async () => {
    t = await testApp();
    const cdo = await t.as('cdo');
    first = (
      await cdo
        .post('/api/status_reports')
        .send({ reported_on: '2026-10-29', title: 'Statusbericht Oktober 2026' })
        .expect(201)
    ).body as Row;
    // Between the two reports: a light turns red, a milestone slips.
    const { id } = (await t.db('measures').where('code', 'M-01').first('id')) as { id: number };
    measure = (await cdo.get(`/api/measures/${id}`).expect(200)).body as Row;
    await cdo
      .put(`/api/measures/${String(measure.id)}`)
      .send({ ...measure, health: 'red', health_note: 'Träger abgesprungen' })
      .expect(200);
    milestone = (await t
      .db('milestones')
      .where('measure_id', measure.id as number)
      .whereNull('completed_on')
      .orderBy('due_date')
      .first()) as Row;
    await cdo
      .put(`/api/milestones/${String(milestone.id)}`)
      .send({ ...milestone, due_date: '2028-06-30' })
      .expect(200);
    second = (
      await (
        await t.as('steering')
      )
        .post('/api/status_reports')
        .send({ reported_on: '2026-11-26', title: 'Statusbericht November 2026' })
        .expect(201)
    ).body as Row;
  });
  afterAll(async () => t?.close());

  describe('POST /api/status_reports (issuing)', () => {
    it('freezes the state: a later edit of a measure leaves the report unchanged', async () => {
      const cdo = await t.as('cdo');
      const before = (await cdo.get(`/api/status_reports/${String(second.id)}`).expect(200)).body as Row;
      const current = (await cdo.get(`/api/measures/${String(measure.id)}`).expect(200)).body as Row;
      await cdo
        .put(`/api/measures/${String(measure.id)}`)
        .send({ ...current, health: 'green', progress: 99 })
        .expect(200);
      const after = (await cdo.get(`/api/status_reports/${String(second.id)}`).expect(200)).body as Row;
      expect(after.snapshot).toEqual(before.snapshot);
      const frozen = (after.snapshot as Row[]).find((m) => m.id === measure.id)!;
      expect(frozen).toMatchObject({
        health: 'red',
        health_note: 'Träger abgesprungen',
        progress: measure.progress,
      });
      await cdo
        .put(`/api/measures/${String(measure.id)}`)
        .send({
          ...((await cdo.get(`/api/measures/${String(measure.id)}`).expect(200)).body as Row),
          health: 'red',
        })
        .expect(200);
    });

    it('answers 403 when a viewer tries to issue a report', async () => {
      const res = await (
        await t.as('viewer')
      )
        .post('/api/status_reports')
        .send({ reported_on: '2026-12-01', title: 'x' });
      expect(res.status).toBe(403);
    });
  });

  describe('what a report shows every reader', () => {
    it.each(['cdo', 'steering', 'funding', 'guide', 'viewer'] as const)(
      'as %s: the snapshot and the comparison hold no money and no contact data',
      async (role) => {
        const agent = await t.as(role);
        const report = (await agent.get(`/api/status_reports/${String(second.id)}`).expect(200)).body as Row;
        const comparison = (
          await agent.get(`/api/status_reports/${String(second.id)}/comparison`).expect(200)
        ).body as Row;

        const keys = (v: unknown): string[] =>
          Array.isArray(v)
            ? v.flatMap(keys)
            : v && typeof v === 'object'
              ? Object.entries(v).flatMap(([k, x]) => [k, ...keys(x)])
              : [];
        for (const body of [report.snapshot, comparison])
          expect(
            keys(body).filter((k) => /cents|contact|person|follow_up|budget|amount|notes/.test(k)),
          ).toEqual([]);
      },
    );
  });

  describe('GET /api/status_reports/:id/comparison', () => {
    it('lists the light change and the slipped milestone since the previous report', async () => {
      const res = await (
        await t.as('guide')
      )
        .get(`/api/status_reports/${String(second.id)}/comparison`)
        .expect(200);
      expect(res.body.previous).toEqual({
        id: first.id,
        title: 'Statusbericht Oktober 2026',
        reported_on: '2026-10-29',
      });
      expect(res.body.health_changes).toEqual([
        { measure_id: measure.id, code: 'M-01', title: measure.title, from: measure.health, to: 'red' },
      ]);
      expect(res.body.slipped_milestones).toEqual([
        expect.objectContaining({
          milestone_id: milestone.id,
          code: 'M-01',
          from: milestone.due_date,
          to: '2028-06-30',
        }),
      ]);
      expect(res.body.new_measures).toEqual([]);
      expect(res.body.closed_measures).toEqual([]);
    });

    it('has no previous report and no changes for the first report', async () => {
      const res = await (
        await t.as('viewer')
      )
        .get(`/api/status_reports/${String(first.id)}/comparison`)
        .expect(200);
      expect(res.body.previous).toBeNull();
      expect(res.body.health_changes).toEqual([]);
    });

    it('answers 404 for an unknown report and 400 for a bad id', async () => {
      const cdo = await t.as('cdo');
      expect((await cdo.get('/api/status_reports/999999/comparison')).status).toBe(404);
      expect((await cdo.get('/api/status_reports/abc/comparison')).status).toBe(400);
    });

    it('answers 401 without a session', async () => {
      expect((await t.anonymous().get(`/api/status_reports/${String(second.id)}/comparison`)).status).toBe(
        401,
      );
    });
  });

  describe('GET /api/status_reports/:id/pdf', () => {
    let res: Response & { body: Buffer };
    let text: string;
    beforeAll(async () => {
      res = await getPdf(await t.as('funding'), `/api/status_reports/${String(second.id)}/pdf`);
      text = pdfText(res.body);
    });

    it('is a PDF download with a German file name', () => {
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe('attachment; filename="Statusbericht_2026-11-26.pdf"');
      expect(res.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });

    it('has a title page and more pages, numbered "Seite x von y"', () => {
      const pages = pageCount(res.body);
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(text).toContain('Statusbericht November 2026');
      expect(text).toContain('Tobias Klein'); // the author (steering issued it)
      expect(text).toContain(`Seite 1 von ${pages}`);
      expect(text).toContain(`Seite ${pages} von ${pages}`);
    });

    it('contains every measure, grouped by field of action, with light, progress and note', async () => {
      const measures = (await t.db('measures').select('code')) as { code: string }[];
      for (const m of measures) expect(text).toContain(`${m.code} · `);
      const fields = (await t
        .db('fields_of_action')
        .join('measures', 'measures.field_of_action_id', 'fields_of_action.id')
        .distinct('fields_of_action.name')) as { name: string }[];
      for (const f of fields) expect(text).toMatch(new RegExp(`${f.name} \\(\\d+\\)`));
      expect(text).toContain('Träger abgesprungen');
      expect(text).toContain('Rot');
      expect(text).toContain(`${String(measure.progress)} %`);
    });

    it('contains the changes since the previous report', () => {
      expect(text).toContain('Änderungen seit dem letzten Bericht');
      expect(text).toContain('30.06.2028');
    });

    it('can be shown in the browser (inline)', async () => {
      const inline = await getPdf(
        await t.as('viewer'),
        `/api/status_reports/${String(second.id)}/pdf?inline=1`,
      );
      expect(inline.headers['content-disposition']).toMatch(/^inline; filename=/);
    });

    it('answers 401 without a session and 404 for an unknown report', async () => {
      expect((await t.anonymous().get(`/api/status_reports/${String(second.id)}/pdf`)).status).toBe(401);
      expect((await (await t.as('cdo')).get('/api/status_reports/999999/pdf')).status).toBe(404);
    });
  });
});
