import { INDICATOR_STATES } from '../../../api/domain';
import { testApp, type TestApp } from '../../support/app';

/** The indicator list, its state filter and the summary against a recount of the rule in plain TypeScript. */

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t?.close());

interface Indicator {
  id: number;
  direction: 'higher' | 'lower';
  baseline_value: number;
  baseline_date: string;
  target_value: number;
  target_date: string;
  state: string;
}
interface Value {
  indicator_id: number;
  measured_on: string;
  value: number;
}

const DAY = 86_400_000;
const ms = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const sixMonthsBefore = (iso: string) => {
  const d = new Date(ms(iso));
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 6, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d.getUTCDate(), last));
};

/** The rule of the issue, written again independently of the SQL. */
function recount(i: Indicator, values: Value[], today: string): string {
  const latest = values
    .filter((v) => v.indicator_id === i.id && v.measured_on <= today)
    .sort((a, b) => a.measured_on.localeCompare(b.measured_on))
    .pop();
  if (!latest || ms(latest.measured_on) < sixMonthsBefore(today)) return 'stale';
  const span = (ms(i.target_date) - ms(i.baseline_date)) / DAY;
  const elapsed = Math.min(span, Math.max(0, (ms(latest.measured_on) - ms(i.baseline_date)) / DAY));
  const distance = i.target_value - i.baseline_value;
  const expected = i.baseline_value + (distance * elapsed) / span;
  const shortfall = (i.direction === 'higher' ? 1 : -1) * (expected - latest.value);
  if (shortfall <= 1e-9) return 'on_track';
  return shortfall <= 0.1 * Math.abs(distance) + 1e-9 ? 'behind' : 'off_track';
}

async function everything() {
  const cdo = await t.as('cdo');
  const indicators = (await cdo.get('/api/indicators?range=[0,999]')).body as Indicator[];
  const values: Value[] = [];
  // Pages of at most 1,000 rows (the API's largest page).
  for (let page: Value[] = []; values.length % 1000 === 0; values.push(...page)) {
    page = (await cdo.get(`/api/indicator_values?range=[${values.length},${values.length + 999}]`)).body;
    if (!page.length) break;
  }
  const summary = (await cdo.get('/api/indicators/summary')).body as {
    as_of: string;
    total: number;
    counts: Record<string, number>;
    measures: number;
    measures_on_track: number;
  };
  return { indicators, values, summary };
}

it('the demo data holds indicators in all four states on a good share of the measures', async () => {
  const { indicators, summary } = await everything();

  expect(indicators.length).toBeGreaterThanOrEqual(40);
  expect(summary.measures).toBeGreaterThanOrEqual(25);
  for (const state of INDICATOR_STATES) expect(summary.counts[state]).toBeGreaterThanOrEqual(3);
});

it('every state and the summary agree with an independent recount of the rule', async () => {
  const { indicators, values, summary } = await everything();

  const states = indicators.map((i) => recount(i, values, summary.as_of));
  expect(indicators.map((i) => i.state)).toEqual(states);
  expect(summary.total).toBe(indicators.length);
  expect(summary.counts).toEqual(
    Object.fromEntries(INDICATOR_STATES.map((s) => [s, states.filter((x) => x === s).length])),
  );
});

it('the measures figures count measures with indicators and those entirely on track', async () => {
  const cdo = await t.as('cdo');
  const rows = (await cdo.get('/api/indicators?range=[0,999]')).body as (Indicator & {
    measure_id: number;
  })[];
  const byMeasure = new Map<number, string[]>();
  for (const r of rows) byMeasure.set(r.measure_id, [...(byMeasure.get(r.measure_id) ?? []), r.state]);

  const summary = (await cdo.get('/api/indicators/summary')).body;

  expect(summary.measures).toBe(byMeasure.size);
  expect(summary.measures_on_track).toBe(
    [...byMeasure.values()].filter((s) => s.every((x) => x === 'on_track')).length,
  );
});

it.each(INDICATOR_STATES)(
  'the list filtered by state %s holds as many as the summary counts',
  async (state) => {
    const viewer = await t.as('viewer');
    const filter = encodeURIComponent(JSON.stringify({ state }));

    const list = await viewer.get(`/api/indicators?filter=${filter}&range=[0,999]`);
    const summary = await viewer.get('/api/indicators/summary');

    expect(list.status).toBe(200);
    expect(list.body.length).toBe(summary.body.counts[state]);
    expect(new Set((list.body as Indicator[]).map((i) => i.state))).toEqual(new Set([state]));
  },
);

it('a new value moves an indicator into its state at once', async () => {
  const cdo = await t.as('cdo');
  const stale = (
    await cdo.get(`/api/indicators?filter=${encodeURIComponent('{"state":"stale"}')}&range=[0,0]`)
  ).body[0] as Indicator;
  const before = (await cdo.get('/api/indicators/summary')).body;

  const created = await cdo.post('/api/indicator_values').send({
    indicator_id: stale.id,
    measured_on: before.as_of,
    value: stale.target_value,
    source: 'Test',
  });
  const after = (await cdo.get('/api/indicators/summary')).body;
  const now = (await cdo.get(`/api/indicators/${stale.id}`)).body;

  expect(created.status).toBe(201);
  expect(now).toMatchObject({
    state: 'on_track',
    latest_value: stale.target_value,
    latest_measured_on: before.as_of,
  });
  expect(after.counts.stale).toBe(before.counts.stale - 1);
  expect(after.counts.on_track).toBe(before.counts.on_track + 1);
});

it('refuses a line without slope, a future value and a second value on the same day', async () => {
  const cdo = await t.as('cdo');
  const measure = (await cdo.get('/api/measures?range=[0,0]')).body[0];
  const base = {
    measure_id: measure.id,
    name: 'Falsch herum',
    unit: 'Stück',
    direction: 'lower',
    baseline_value: 10,
    baseline_date: '2026-01-01',
    target_value: 20,
    target_date: '2025-01-01',
  };
  const indicator = (await cdo.get('/api/indicators?range=[0,0]')).body[0];
  const value = (await cdo.get(`/api/indicator_values?filter={"indicator_id":${indicator.id}}&range=[0,0]`))
    .body[0];

  const wrong = await cdo.post('/api/indicators').send(base);
  const future = await cdo
    .post('/api/indicator_values')
    .send({ indicator_id: indicator.id, measured_on: '2099-01-01', value: 1 });
  const twice = await cdo
    .post('/api/indicator_values')
    .send({ indicator_id: indicator.id, measured_on: value.measured_on, value: 1 });

  expect(wrong.status).toBe(400);
  expect(Object.keys(wrong.body.errors).sort()).toEqual(['target_date', 'target_value']);
  expect(future.status).toBe(400);
  expect(future.body.errors).toHaveProperty('measured_on');
  expect(twice.status).toBe(400);
  expect(JSON.stringify(twice.body)).toContain('bereits');
});
