import type { Knex } from 'knex';
import { seedDemo } from '../seeds/demo';
import { testDb, type TestDb } from './support/db';

const MUNICIPALITIES = [
  ['Andernach', 'city', '07137003'],
  ['Bendorf', 'city', '07137203'],
  ['Maifeld', 'association', '071375002'],
  ['Mayen', 'city', '07137068'],
  ['Mendig', 'association', '071375004'],
  ['Pellenz', 'association', '071375001'],
  ['Rhein-Mosel', 'association', '071375009'],
  ['Vallendar', 'association', '071375007'],
  ['Vordereifel', 'association', '071375003'],
  ['Weißenthurm', 'association', '071375008'],
];

/** Every business table's rows without instants and password hashes (which differ by design). */
async function dump(db: Knex): Promise<string> {
  const tables = [
    'municipalities',
    'fields_of_action',
    'measures',
    'milestones',
    'milestone_forecasts',
    'indicators',
    'indicator_values',
    'partners',
    'measure_partners',
    'grants',
    'grant_years',
    'budget_lines',
    'tranches',
    'expenditures',
    'transfers',
    'contacts',
    'contact_measures',
  ];
  const parts: unknown[] = [];
  for (const table of tables) {
    const rows = (await db(table).orderBy('id')) as Record<string, unknown>[];
    // search is a generated tsvector: derived by the database, and its German stemmer differs between versions.
    parts.push(rows.map(({ created_at: _c, updated_at: _u, search: _s, ...rest }) => rest));
  }
  const users = await db('users').orderBy('id').select('email', 'name', 'role');
  return JSON.stringify([parts, users]);
}

const count = async (db: Knex, table: string) => Number((await db(table).count({ n: '*' }))[0]!.n);

describe('demo data', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await testDb();
  });
  afterAll(async () => t?.close());

  it('holds the ten real municipalities with kind and official key', async () => {
    const rows = await t.db('municipalities').orderBy('name').select('name', 'kind', 'official_key');
    expect(rows.map((r) => [r.name, r.kind, r.official_key])).toEqual(MUNICIPALITIES);
  });

  it('holds the ten fields of action', async () => {
    expect(await count(t.db, 'fields_of_action')).toBe(10);
  });

  it('holds realistic volumes', async () => {
    expect(await count(t.db, 'measures')).toBeGreaterThanOrEqual(35);
    expect(await count(t.db, 'partners')).toBeGreaterThanOrEqual(45);
    expect(await count(t.db, 'contacts')).toBeGreaterThanOrEqual(250);
    expect(await count(t.db, 'expenditures')).toBeGreaterThanOrEqual(200);
  });

  it('gives every measure 4–8 milestones', async () => {
    const rows = await t
      .db('measures as m')
      .select('m.code', t.db.raw('(select count(*) from milestones ms where ms.measure_id = m.id) as n'));
    for (const r of rows) expect([r.code, Number(r.n) >= 4 && Number(r.n) <= 8]).toEqual([r.code, true]);
  });

  it('has tranches in every status and contacts on every channel', async () => {
    const statuses = await t.db('tranches').distinct('status').pluck('status');
    expect(statuses.sort()).toEqual(['planned', 'received', 'requested', 'settled']);
    const channels = await t.db('contacts').distinct('channel').pluck('channel');
    expect(channels.sort()).toEqual(['email', 'event', 'on_site', 'phone', 'video']);
  });

  it('includes the programme support partners', async () => {
    const names = await t.db('partners').pluck('name');
    for (const p of ['City & Bits', 'Fraunhofer IESE', 'Zebralog'])
      expect(names.some((n: string) => n.includes(p))).toBe(true);
  });

  it('lets guides write contacts only for their own municipalities', async () => {
    const foreign = await t
      .db('contacts as c')
      .join('users as u', 'u.id', 'c.author_id')
      .where('u.role', 'guide')
      .whereNotExists((q) =>
        q
          .select(1)
          .from('guide_municipalities as g')
          .whereRaw('g.user_id = c.author_id and g.municipality_id = c.municipality_id'),
      )
      .count({ n: '*' });
    expect(Number(foreign[0]!.n)).toBe(0);
  });

  it('plans both grants completely; the payments partly over- and partly under-run the plan', async () => {
    // Eligible payments per grant × measure × cost category × year (paid, or booked when not paid yet).
    const { rows } = (await t.db.raw(`
      select grant_id, measure_id, cost_category,
             extract(year from coalesce(paid_on, booked_on))::int as fiscal_year, sum(amount_cents)::bigint as cents
        from expenditures where eligible group by 1, 2, 3, 4`)) as {
      rows: {
        grant_id: number;
        measure_id: number;
        cost_category: string;
        fiscal_year: number;
        cents: string;
      }[];
    };
    const plan = new Map(
      ((await t.db('budget_lines').select()) as Record<string, number | string>[]).map((l) => [
        `${l.grant_id}|${l.measure_id}|${l.cost_category}|${l.fiscal_year}`,
        Number(l.planned_cents),
      ]),
    );
    const ratios = rows.map((r) => {
      const planned = plan.get(`${r.grant_id}|${r.measure_id}|${r.cost_category}|${r.fiscal_year}`);
      expect(planned).toBeGreaterThan(0);
      return Number(r.cents) / planned!;
    });
    expect(ratios.filter((q) => q > 1.2).length).toBeGreaterThanOrEqual(5);
    expect(ratios.filter((q) => q < 0.9).length).toBeGreaterThanOrEqual(5);
    const grantsWithPlan = await t.db('budget_lines').distinct('grant_id').pluck('grant_id');
    expect(grantsWithPlan).toHaveLength(await count(t.db, 'grants'));
  });

  it("fits every grant year's plan × funding rate into its approval, but grant A's 2021 (the documented demo case)", async () => {
    const years = (await t
      .db('grant_years as y')
      .join('grants as g', 'g.id', 'y.grant_id')
      .select('g.phase', 'g.funding_rate_bp', 'y.fiscal_year', 'y.approved_cents')
      .select(
        t.db.raw(
          '(select coalesce(sum(planned_cents), 0) from budget_lines b where b.grant_id = y.grant_id and b.fiscal_year = y.fiscal_year) as planned',
        ),
      )
      .orderBy(['g.phase', 'y.fiscal_year'])) as Record<string, string | number>[];
    const over = years
      .filter(
        (y) =>
          Math.floor((Number(y.planned) * Number(y.funding_rate_bp) + 5000) / 10000) >
          Number(y.approved_cents),
      )
      .map((y) => `${String(y.phase).slice(0, 1)} ${y.fiscal_year}`);
    expect(over).toEqual(['A 2021']);
  });

  it('is loaded only once (idempotent)', async () => {
    const before = await count(t.db, 'measures');
    await seedDemo(t.db);
    expect(await count(t.db, 'measures')).toBe(before);
  });

  it('is deterministic: a second fresh database gets identical rows', async () => {
    const other = await testDb({ seed: false });
    try {
      await seedDemo(other.db);
      expect(await dump(other.db)).toBe(await dump(t.db));
    } finally {
      await other.close();
    }
  });
});
