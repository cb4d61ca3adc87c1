import type { Response } from 'superagent';
import type { IndicatorSnapshot } from '../../../api/features/indicators/contract';
import { testApp, type Agent, type TestApp } from '../../support/app';
import { pdfText } from '../status_reports/pdfText';

/** A status report freezes every indicator's state at issue time; its PDF shows them. */

interface Measure {
  id: number;
  code: string;
  indicators?: IndicatorSnapshot[];
}

let t: TestApp;
let report: { id: number; snapshot: Measure[] };
beforeAll(async () => {
  t = await testApp();
  const created = await (
    await t.as('steering')
  )
    .post('/api/status_reports')
    .send({ reported_on: '2026-11-26', title: 'Statusbericht November 2026' });
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  report = created.body;
});
afterAll(async () => t?.close());

async function getPdf(agent: Agent, path: string): Promise<Buffer> {
  const res = (await agent
    .get(path)
    .buffer(true)
    .parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    })) as Response & { body: Buffer };
  return res.body;
}

const frozen = (snapshot: Measure[]) =>
  snapshot.flatMap((m) => (m.indicators ?? []).map((i) => ({ ...i, measure_id: m.id })));

it('the snapshot holds every indicator with the state the list shows at issue time', async () => {
  const live = (await (await t.as('cdo')).get('/api/indicators?range=[0,999]')).body as {
    id: number;
    measure_id: number;
    state: string;
    latest_value: number | null;
  }[];

  const snap = frozen(report.snapshot);

  expect(snap.map((i) => [i.id, i.measure_id, i.state, i.latest_value]).sort()).toEqual(
    live.map((i) => [i.id, i.measure_id, i.state, i.latest_value]).sort(),
  );
});

it('a later value leaves the issued report unchanged', async () => {
  const cdo = await t.as('cdo');
  const target = frozen(report.snapshot).find((i) => i.state === 'off_track')!;
  const today = (await cdo.get('/api/indicators/summary')).body.as_of as string;
  await cdo
    .post('/api/indicator_values')
    .send({ indicator_id: target.id, measured_on: today, value: target.target_value })
    .expect(201);

  const now = (await cdo.get(`/api/indicators/${target.id}`)).body;
  const again = (await cdo.get(`/api/status_reports/${report.id}`)).body as { snapshot: Measure[] };

  expect(now.state).toBe('on_track');
  expect(frozen(again.snapshot).find((i) => i.id === target.id)).toEqual(target);
});

it('the PDF lists the indicators with their frozen state', async () => {
  const text = pdfText(await getPdf(await t.as('viewer'), `/api/status_reports/${report.id}/pdf`));
  const snap = frozen(report.snapshot);
  const offTrack = snap.filter((i) => i.state === 'off_track').length;

  expect(text).toContain('Wirkungsindikatoren');
  // The test's PDF reader maps a few glyphs of the subset font wrongly (":", "W", "j"), and each wrapped line of
  // a cell is its own text run: compare without white space, on words without those glyphs.
  const section = text.replace(/\s/g, '').split('Wirkungsindikatoren').pop()!;
  expect(section.split('deutlichdahinter').length - 1).toBe(offTrack + 1);
  for (const m of report.snapshot.filter((x) => x.indicators?.length))
    expect(section).toContain(`${m.code}·`);
});
