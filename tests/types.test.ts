import { testDb, type TestDb } from './support/db';

const ZONES = ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles', 'Europe/Berlin'];
const originalTz = process.env.TZ;

describe('dates and money round-trip', () => {
  let t: TestDb;
  let measureId: number;
  beforeAll(async () => {
    t = await testDb();
    measureId = (await t.db('measures').first('id')).id;
  });
  afterAll(async () => {
    process.env.TZ = originalTz;
    await t?.close();
  });

  it.each(ZONES)('keeps a date as the same YYYY-MM-DD string under TZ=%s', async (zone) => {
    process.env.TZ = zone;
    await t
      .db('measures')
      .where('id', measureId)
      .update({ start_date: '2026-03-29', end_date: '2026-12-31' });
    const row = await t.db('measures').where('id', measureId).first('start_date', 'end_date');
    expect(row).toEqual({ start_date: '2026-03-29', end_date: '2026-12-31' });
  });

  it.each(ZONES)('keeps cents exact up to 2^53 as JS numbers under TZ=%s', async (zone) => {
    process.env.TZ = zone;
    for (const cents of [0, 1, 123456789, Number.MAX_SAFE_INTEGER]) {
      await t.db('measures').where('id', measureId).update({ budget_cents: cents });
      const row = await t.db('measures').where('id', measureId).first('budget_cents');
      expect(row.budget_cents).toBe(cents);
    }
  });

  it('returns sums and counts as numbers', async () => {
    const [row] = await t.db('expenditures').sum({ total: 'amount_cents' }).count({ n: '*' });
    expect(typeof row!.total).toBe('number');
    expect(typeof row!.n).toBe('number');
  });

  it('returns timestamps as ISO strings in UTC', async () => {
    const row = await t.db('measures').where('id', measureId).first('created_at');
    expect(row.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });
});
