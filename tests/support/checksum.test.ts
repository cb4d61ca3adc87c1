import { dbChecksum } from './checksum';
import { onPostgres, testDb, type TestDb } from './db';

/** The fingerprint that the "a denied request changed nothing" assertions rely on, reused while nothing wrote. */
let t: TestDb;
beforeAll(async () => {
  t = await testDb();
});
afterAll(async () => t.close());

it('stays equal while nothing is written, also across a write rolled back', async () => {
  const before = await dbChecksum(t.db);
  await t.db('partners').first();
  await t.db
    .transaction(async (trx) => {
      await trx('partners').where({ id: 1 }).update({ notes: 'verworfen' });
      throw new Error('rollback');
    })
    .catch(() => undefined);

  expect(await dbChecksum(t.db)).toEqual(before);
});

it('changes when a row changes, and is equal again once the row is as it was', async () => {
  const before = await dbChecksum(t.db);
  const { notes } = (await t.db('partners').where({ id: 1 }).first()) as { notes: string | null };

  await t.db('partners').where({ id: 1 }).update({ notes: 'geändert' });
  const changed = await dbChecksum(t.db);
  await t.db('partners').where({ id: 1 }).update({ notes });

  expect(changed).not.toEqual(before);
  expect(changed.partners).not.toEqual(before.partners);
  expect(await dbChecksum(t.db)).toEqual(before);
});

// The embedded database has one connection: no transaction can be open beside the reading.
(onPostgres ? it : it.skip)('sees a transaction commit that was open when it read', async () => {
  const trx = await t.db.transaction();
  await trx('partners').where({ id: 2 }).update({ notes: 'offen' });
  const whileOpen = await dbChecksum(t.db);

  await trx.commit();

  expect((await dbChecksum(t.db)).partners).not.toEqual(whileOpen.partners);
});
