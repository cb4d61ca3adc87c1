import { migrateLatest, rollbackAll } from '../api/db/migrate';
import { testDb, type TestDb } from './support/db';

const TABLES = [
  'users',
  'sessions',
  'municipalities',
  'fields_of_action',
  'guide_municipalities',
  'measures',
  'measure_municipalities',
  'milestones',
  'milestone_forecasts',
  'partners',
  'measure_partners',
  'grants',
  'grant_years',
  'budget_lines',
  'proof_reports',
  'base_rates',
  'ledger_accounts',
  'tranches',
  'expenditures',
  'transfers',
  'contacts',
  'contact_measures',
  'status_reports',
  'audit_entries',
  'privacy_log',
];

async function tables(t: TestDb): Promise<string[]> {
  const { rows } = (await t.db.raw(
    "select table_name from information_schema.tables where table_schema = current_schema() and table_name not like 'knex%'",
  )) as { rows: { table_name: string }[] };
  return rows.map((r) => r.table_name).sort();
}

describe('migrations', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await testDb({ empty: true });
  });
  afterAll(async () => t?.close());

  it('create every table of the data model', async () => {
    await migrateLatest(t.db);
    expect(await tables(t)).toEqual(expect.arrayContaining(TABLES));
  });

  it('are idempotent: a second run changes nothing', async () => {
    const before = await tables(t);
    await migrateLatest(t.db);
    expect(await tables(t)).toEqual(before);
  });

  it('roll back completely and migrate up again', async () => {
    await rollbackAll(t.db);
    expect(await tables(t)).toEqual([]);
    await migrateLatest(t.db);
    expect(await tables(t)).toEqual(expect.arrayContaining(TABLES));
  });

  it('index every foreign key column', async () => {
    const { rows } = (await t.db.raw(`
      select c.conrelid::regclass::text as tbl, a.attname as col
      from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      where c.contype = 'f' and not exists (
        select 1 from pg_index i where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1])`)) as {
      rows: { tbl: string; col: string }[];
    };
    expect(rows).toEqual([]);
  });
});
