import { SnapshotCache } from '../api/db/snapshotCache';
import { testDb, type TestDb } from './support/db';
import { whileStill as still } from './support/still';

/** SnapshotCache: one computation per key and database state, fresh after any commit, bounded in size. */

let t: TestDb;
beforeAll(async () => {
  t = await testDb({ seed: false });
  await t.db.raw('create table cache_probe (n int)');
});
afterAll(async () => t?.close());

const whileStill = (attempt: () => Promise<() => void>) => still(t.db, attempt);

function counter() {
  let calls = 0;
  return {
    compute: async () => `computed ${++calls}`,
    calls: () => calls,
  };
}

it('computes once while the data stays the same', async () => {
  await whileStill(async () => {
    const cache = new SnapshotCache<string>(t.db);
    const c = counter();
    const answers = await Promise.all([cache.get('a', c.compute), cache.get('a', c.compute)]);
    const third = await cache.get('a', c.compute);
    return () => {
      expect(third).toBe('computed 1');
      expect(answers).toEqual(['computed 1', 'computed 1']);
      expect(c.calls()).toBe(1);
    };
  });
});

it('computes again after any commit', async () => {
  const cache = new SnapshotCache<string>(t.db);
  const c = counter();
  await cache.get('a', c.compute);
  await t.db('cache_probe').insert({ n: 1 });
  expect(await cache.get('a', c.compute)).toBe('computed 2');
});

it('keeps no failed computation', async () => {
  const cache = new SnapshotCache<string>(t.db);
  await expect(cache.get('a', () => Promise.reject(new Error('kaputt')))).rejects.toThrow('kaputt');
  const c = counter();
  expect(await cache.get('a', c.compute)).toBe('computed 1');
});

it('keeps at most maxEntries keys, dropping the least recently computed', async () => {
  await whileStill(async () => {
    const cache = new SnapshotCache<string>(t.db, 2);
    const c = counter();
    await cache.get('a', c.compute);
    await cache.get('b', c.compute);
    await cache.get('c', c.compute); // drops a
    const afterThree = c.calls();
    await cache.get('c', c.compute);
    await cache.get('b', c.compute);
    const afterHits = c.calls();
    const again = await cache.get('a', c.compute);
    return () => {
      expect(afterThree).toBe(3);
      expect(afterHits).toBe(3);
      expect(again).toBe('computed 4');
    };
  });
});
