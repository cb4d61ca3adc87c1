import type { Knex } from 'knex';
import { expectedValueSql, indicatorStateSql } from '../../../api/features/indicators/stateSql';
import { testDb, type TestDb } from '../../support/db';

/**
 * The on-track rule (api/features/indicators/stateSql.ts) on crafted series. The line runs from 100 on 2026-01-01
 * to 200 on 2026-04-11 (100 days): one unit a day, so the expected value on day n is 100 + n and 10 % of the
 * distance is 10. Falling-is-better indicators run from 100 down to 0 over the same days.
 */

let t: TestDb;
let measureId: number;
let n = 0;

beforeAll(async () => {
  t = await testDb({ seed: false });
  const [field] = (await t
    .db('fields_of_action')
    .insert({ name: 'Testfeld', colour: '#123456' })
    .returning('id')) as [{ id: number }];
  const [measure] = (await t
    .db('measures')
    .insert({
      code: 'T-1',
      title: 'Testmaßnahme',
      field_of_action_id: field!.id,
      phase: 'implementation',
      status: 'implementation',
      health: 'green',
      progress: 0,
      budget_cents: 0,
    })
    .returning('id')) as [{ id: number }];
  measureId = measure!.id;
});
afterAll(async () => t?.close());

type Series = [measuredOn: string, value: number][];

async function indicator(direction: 'higher' | 'lower', values: Series): Promise<number> {
  n += 1;
  const [row] = (await t
    .db('indicators')
    .insert({
      measure_id: measureId,
      name: `Indikator ${n}`,
      unit: 'Stück',
      direction,
      baseline_value: 100,
      baseline_date: '2026-01-01',
      target_value: direction === 'higher' ? 200 : 0,
      target_date: '2026-04-11',
    })
    .returning('id')) as [{ id: number }];
  for (const [measured_on, value] of values)
    await t.db('indicator_values').insert({ indicator_id: row!.id, measured_on, value });
  return row!.id;
}

async function stateOf(db: Knex, id: number, asOf: string): Promise<string> {
  const { rows } = (await db.raw(
    `select ${indicatorStateSql('i', 'p.as_of')} as state from indicators i, (select ?::date as as_of) p where i.id = ?`,
    [asOf, id],
  )) as { rows: [{ state: string }] };
  return rows[0].state;
}

const state = async (direction: 'higher' | 'lower', values: Series, asOf = '2026-06-30') =>
  stateOf(t.db, await indicator(direction, values), asOf);

describe('rising is better', () => {
  it.each([
    ['exactly on the line', 150, 'on_track'],
    ['above the line', 170, 'on_track'],
    ['a hair below the line', 149.9999, 'behind'],
    ['exactly 10 % of the distance below', 140, 'behind'],
    ['a hair beyond 10 % below', 139.9999, 'off_track'],
    ['far below', 100, 'off_track'],
  ])('day 50, %s (%d) → %s', async (_case, value, expected) => {
    expect(await state('higher', [['2026-02-20', value]])).toBe(expected);
  });

  it('compares the latest value only, at its own date', async () => {
    expect(
      await state('higher', [
        ['2026-01-11', 100],
        ['2026-02-20', 151],
      ]),
    ).toBe('on_track');
    expect(
      await state('higher', [
        ['2026-01-11', 111],
        ['2026-02-20', 100],
      ]),
    ).toBe('off_track');
  });

  it('before the baseline date the line is the baseline', async () => {
    expect(await state('higher', [['2025-12-01', 100]], '2026-01-15')).toBe('on_track');
    expect(await state('higher', [['2025-12-01', 90]], '2026-01-15')).toBe('behind');
  });
});

describe('falling is better', () => {
  it.each([
    ['exactly on the line', 50, 'on_track'],
    ['below the line', 30, 'on_track'],
    ['a hair above the line', 50.0001, 'behind'],
    ['exactly 10 % of the distance above', 60, 'behind'],
    ['a hair beyond 10 % above', 60.0001, 'off_track'],
  ])('day 50, %s (%d) → %s', async (_case, value, expected) => {
    expect(await state('lower', [['2026-02-20', value]])).toBe(expected);
  });
});

describe('target date passed: the line stays at the target', () => {
  it.each([
    ['higher', '2026-04-11', 200, 'on_track'],
    ['higher', '2026-06-01', 200, 'on_track'],
    ['higher', '2026-06-01', 230, 'on_track'],
    ['higher', '2026-06-01', 199, 'behind'],
    ['higher', '2026-06-01', 190, 'behind'],
    ['higher', '2026-06-01', 189.99, 'off_track'],
    ['lower', '2026-06-01', 0, 'on_track'],
    ['lower', '2026-06-01', 10, 'behind'],
    ['lower', '2026-06-01', 10.01, 'off_track'],
  ] as const)('%s is better, measured %s: %d → %s', async (direction, on, value, expected) => {
    expect(await state(direction, [[on, value]])).toBe(expected);
  });

  it('expected values: baseline before, the line between, the target after', async () => {
    const id = await indicator('higher', []);
    const { rows } = (await t.db.raw(
      `select ${['2025-06-01', '2026-01-01', '2026-02-20', '2026-04-11', '2027-01-01']
        .map((d, k) => `${expectedValueSql('i', `'${d}'::date`)} as e${k}`)
        .join(', ')} from indicators i where i.id = ?`,
      [id],
    )) as { rows: [Record<string, number>] };
    expect(Object.values(rows[0]).map(Number)).toEqual([100, 100, 150, 200, 200]);
  });
});

describe('no current values', () => {
  it('without any value the indicator is stale', async () => {
    expect(await state('higher', [])).toBe('stale');
  });

  it('exactly six months old is current, one day more is stale', async () => {
    const id = await indicator('higher', [['2026-02-20', 150]]);
    expect(await stateOf(t.db, id, '2026-08-20')).toBe('on_track');
    expect(await stateOf(t.db, id, '2026-08-21')).toBe('stale');
  });

  it('stale wins over an off-track value, and values after the as-of date do not count', async () => {
    expect(await state('higher', [['2025-12-01', 0]], '2026-07-01')).toBe('stale');
    const id = await indicator('higher', [
      ['2026-02-20', 100],
      ['2026-03-01', 200],
    ]);
    expect(await stateOf(t.db, id, '2026-02-25')).toBe('off_track');
    expect(await stateOf(t.db, id, '2026-03-01')).toBe('on_track');
  });
});
