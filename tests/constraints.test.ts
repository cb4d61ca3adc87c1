import type { Knex } from 'knex';
import { testDb, type TestDb } from './support/db';

/** The SQLSTATE a statement fails with, or 'ok'. */
async function outcome(db: Knex, work: (trx: Knex.Transaction) => Promise<unknown>): Promise<string> {
  try {
    await db.transaction(async (trx) => {
      await work(trx);
      throw new Error('rollback');
    });
  } catch (err) {
    const code = (err as { code?: string }).code;
    return code ?? 'ok';
  }
  return 'ok';
}

describe('database constraints', () => {
  let t: TestDb;
  let measure: Record<string, unknown>;
  let tranche: Record<string, unknown>;
  beforeAll(async () => {
    t = await testDb();
    measure = await t.db('measures').first();
    tranche = await t.db('tranches').where('status', 'received').first();
  });
  afterAll(async () => t?.close());

  const copy = (row: Record<string, unknown>, changes: Record<string, unknown>) => {
    const { id: _id, created_at: _c, updated_at: _u, ...rest } = row;
    return { ...rest, ...changes };
  };

  it('accept a valid row (control)', async () => {
    expect(await outcome(t.db, (trx) => trx('measures').insert(copy(measure, { code: 'X-1' })))).toBe('ok');
  });

  it('reject a missing required value (NOT NULL)', async () => {
    expect(
      await outcome(t.db, (trx) => trx('measures').insert(copy(measure, { code: 'X-2', title: null }))),
    ).toBe('23502');
  });

  it('reject an unknown enumeration value (CHECK)', async () => {
    expect(
      await outcome(t.db, (trx) => trx('measures').insert(copy(measure, { code: 'X-3', status: 'done' }))),
    ).toBe('23514');
  });

  it('reject a progress outside 0–100 (CHECK range)', async () => {
    expect(
      await outcome(t.db, (trx) => trx('measures').insert(copy(measure, { code: 'X-4', progress: 101 }))),
    ).toBe('23514');
  });

  it('reject a negative amount', async () => {
    expect(
      await outcome(t.db, (trx) => trx('measures').insert(copy(measure, { code: 'X-5', budget_cents: -1 }))),
    ).toBe('23514');
  });

  it('reject an end date before the start date', async () => {
    const row = copy(measure, { code: 'X-6', start_date: '2026-05-01', end_date: '2026-04-30' });
    expect(await outcome(t.db, (trx) => trx('measures').insert(row))).toBe('23514');
  });

  it('reject a funding rate above 10000 basis points', async () => {
    expect(await outcome(t.db, (trx) => trx('grants').update({ funding_rate_bp: 10001 }))).toBe('23514');
  });

  it('reject more received than requested on a tranche', async () => {
    const over = Number(tranche.requested_cents) + 1;
    expect(
      await outcome(t.db, (trx) =>
        trx('tranches')
          .where('id', tranche.id as number)
          .update({ received_cents: over }),
      ),
    ).toBe('23514');
  });

  it('reject a reference to a missing row (FOREIGN KEY)', async () => {
    expect(
      await outcome(t.db, (trx) =>
        trx('measures').insert(copy(measure, { code: 'X-7', field_of_action_id: 99999 })),
      ),
    ).toBe('23503');
  });

  it('reject deleting a row still referenced (ON DELETE RESTRICT)', async () => {
    // PostgreSQL 17 (PGlite) reports RESTRICT as 23001, older servers as 23503.
    expect(['23001', '23503']).toContain(
      await outcome(t.db, (trx) =>
        trx('fields_of_action')
          .where('id', measure.field_of_action_id as number)
          .delete(),
      ),
    );
  });

  it('reject a duplicate measure code (UNIQUE)', async () => {
    expect(await outcome(t.db, (trx) => trx('measures').insert(copy(measure, {})))).toBe('23505');
  });

  it('reject a user e-mail that differs only in case (UNIQUE, case-insensitive)', async () => {
    const user = await t.db('users').first();
    const row = { ...copy(user, { email: String(user.email).toUpperCase() }) };
    expect(await outcome(t.db, (trx) => trx('users').insert(row))).toBe('23505');
  });

  it('reject a second tranche with the same number for one grant (UNIQUE)', async () => {
    expect(await outcome(t.db, (trx) => trx('tranches').insert(copy(tranche, {})))).toBe('23505');
  });

  it('reject an impossible calendar date', async () => {
    expect(
      await outcome(t.db, (trx) =>
        trx('measures').insert(copy(measure, { code: 'X-8', start_date: '2026-02-30' })),
      ),
    ).toMatch(/^22/);
  });
});
