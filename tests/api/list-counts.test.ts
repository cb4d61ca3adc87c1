import { COUNT_CAP } from '../../api/rest/count';
import { testApp, type Agent, type TestApp } from '../support/app';
import { whileStill } from '../support/still';

/**
 * A list's exact total of many rows is kept per data state (api/rest/count.ts): the next page does not count
 * again while nothing changed, and any change, through the API or beside it, is counted at once.
 */

let t: TestApp;
let cdo: Agent;

beforeAll(async () => {
  t = await testApp();
  const [municipality] = (await t.db('municipalities').orderBy('id').pluck('id')) as number[];
  const author = ((await t.db('users').where('role', 'cdo').orderBy('id').first('id')) as { id: number }).id;
  await t.db.raw(
    `insert into contacts (municipality_id, author_id, contact_on, channel, topic)
     select ?, ?, date '2025-01-01' + (i % 300), case when i % 2 = 0 then 'phone' else 'email' end, 'Gespräch ' || i
     from generate_series(1, ${2 * COUNT_CAP + 500}) i`,
    [municipality!, author],
  );
  cdo = await t.as('cdo');
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const enc = (o: unknown) => encodeURIComponent(JSON.stringify(o));

/** The total of a page and whether the request counted the rows. */
async function page(filter: Record<string, unknown>, from = 0) {
  let counted = false;
  const listener = (q: { sql: string }) => {
    if (/^select count\(\*\)/i.test(q.sql)) counted = true;
  };
  t.db.on('query', listener);
  try {
    const res = await cdo.get(`/api/contacts?filter=${enc(filter)}&range=${enc([from, from + 24])}`);
    expect(res.status).toBe(200);
    return { total: Number(res.headers['content-range']!.split('/').pop()), counted };
  } finally {
    t.db.off('query', listener);
  }
}

const truth = async (channel?: string) => {
  const q = t.db('contacts').count({ n: '*' });
  if (channel) q.where('channel', channel);
  const [{ n }] = (await q) as [{ n: number | string }];
  return Number(n);
};

it('counts a large total once per data state and again after any change', async () => {
  const first = await page({});
  expect(first).toEqual({ total: await truth(), counted: true });
  // The total was large: the next request takes it from the cache while nothing was committed anywhere.
  const cached = () =>
    whileStill(t.db, async () => {
      await page({}, 25);
      const next = await page({}, 50);
      const n = await truth();
      return () => expect(next).toEqual({ total: n, counted: false });
    });
  await cached();

  // A new entry through the API: counted again, one more.
  const created = await cdo.post('/api/contacts').send({
    municipality_id: ((await t.db('municipalities').first('id')) as { id: number }).id,
    contact_on: '2026-11-30',
    channel: 'phone',
    topic: 'Neuer Eintrag',
  });
  expect(created.status).toBe(201);
  expect(await page({}, 25)).toEqual({ total: first.total + 1, counted: true });
  await cached();

  // A change beside the API (another process, psql) starts a new data state as well.
  await t
    .db('contacts')
    .where('id', (created.body as { id: number }).id)
    .delete();
  expect(await page({}, 25)).toEqual({ total: first.total, counted: true });
});

it('keeps totals per filter, and a small total is always counted', async () => {
  const phone = await page({ channel: 'phone' });
  expect(phone.total).toBe(await truth('phone'));
  const email = await page({ channel: 'email' });
  expect(email.total).toBe(await truth('email'));
  expect(email.total).not.toBe(phone.total);
  await whileStill(t.db, async () => {
    await page({ channel: 'phone' });
    await page({ channel: 'email' });
    const again = [await page({ channel: 'phone' }, 25), await page({ channel: 'email' }, 25)];
    return () =>
      expect(again).toEqual([
        { total: phone.total, counted: false },
        { total: email.total, counted: false },
      ]);
  });

  // About 225 of the added entries (27 of 300 days) and any demo entries of those days: below the cap.
  const october = { contact_on_gte: '2025-10-01', contact_on_lte: '2025-10-27' };
  const small = await page(october);
  expect(small.total).toBeGreaterThan(25);
  expect(small.total).toBeLessThan(COUNT_CAP);
  expect(await page(october)).toEqual({ total: small.total, counted: true });
});
