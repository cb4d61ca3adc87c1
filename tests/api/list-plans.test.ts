import type { Knex } from 'knex';
import { ROLES } from '../../api/domain';
import { resources } from '../../api/features';
import { COUNT_CAP } from '../../api/rest/count';
import { parseListParams } from '../../api/rest/listParams';
import { applyFilters } from '../../api/rest/query';
import { canRead } from '../../api/rest/resource';
import { testApp, type Agent, type TestApp } from '../support/app';

/**
 * The plans of the list statements (issue #21), checked, not timed. The contact log and the expenditures get
 * ROWS more entries, where one word stands in every entry, one in three and one in none. Every statement a list
 * request sends is run again under EXPLAIN (ANALYZE, FORMAT JSON): no plan may read the whole table, whatever the
 * word (a rare word sorted by date used to walk the date index through every row), and the totals stay right.
 */

const ROWS = 20_000;
const RARE = 'Glasfaserkataster';
const ABSENT = 'Xylophonwerkstatt';

let t: TestApp;
let cdo: Agent;
let guide: Agent;
let guideMunicipalities: number[];

type PlanNode = Record<string, unknown> & { Plans?: PlanNode[] };

beforeAll(async () => {
  t = await testApp();
  const [municipality] = (await t.db('municipalities').orderBy('id').pluck('id')) as number[];
  const author = ((await t.db('users').where('role', 'guide').orderBy('id').first('id')) as { id: number })
    .id;
  // Bulk inserts (expenditures run their sum triggers per row) may outlast the API's statement timeout on a busy machine.
  await t.db.transaction(async (trx) => {
    await trx.raw("set local statement_timeout = '300s'");
    // Every entry says "Kommune"; three name the rare word.
    await trx.raw(
      `insert into contacts (municipality_id, author_id, contact_on, channel, topic, notes)
       select ?, ?, date '2024-01-01' + (i % 700), 'phone', 'Abstimmung mit der Kommune ' || i,
         case when i % ${Math.floor(ROWS / 3)} = 7 then 'Besprochen: ${RARE}' else 'Rückmeldung folgt' end
       from generate_series(1, ${ROWS}) i`,
      [municipality!, author],
    );
    const grant = (await trx('grants').orderBy('id').first('id')) as { id: number };
    const measure = (await trx('measures').orderBy('id').first('id')) as { id: number };
    await trx.raw(
      `insert into expenditures (measure_id, grant_id, booked_on, amount_cents, cost_category, payee, receipt_no, description)
       select ?, ?, date '2024-01-01' + (i % 700), 1000 + i, 'services', 'Planungsbüro Rechnungshof ' || (i % 50),
         'RE-' || i, case when i % ${Math.floor(ROWS / 3)} = 7 then 'Lieferung ${RARE}' else 'Rechnung Abschlag' end
       from generate_series(1, ${ROWS}) i`,
      [measure.id, grant.id],
    );
  });
  // As autovacuum would leave it: statistics, and the new entries moved out of the GIN indexes' pending lists.
  await t.db.raw('vacuum analyze');
  cdo = await t.as('cdo');
  guide = await t.as('guide');
  guideMunicipalities = ((await guide.get('/api/auth/me')).body as { municipality_ids: number[] })
    .municipality_ids;
}, 300_000);
afterAll(async () => {
  await t?.close();
});

/** The statements a request sends (native placeholders turned back into knex's, for EXPLAIN through knex). */
async function statementsOf(send: () => Promise<unknown>): Promise<{ sql: string; bindings: unknown[] }[]> {
  const seen: { sql: string; bindings: unknown[] }[] = [];
  const listener = (q: { sql: string; bindings?: unknown[] }) =>
    seen.push({ sql: q.sql.replace(/\$\d+/g, '?'), bindings: q.bindings ?? [] });
  t.db.on('query', listener);
  try {
    await send();
  } finally {
    t.db.off('query', listener);
  }
  return seen.filter((s) => /^\s*(select|with)\b/i.test(s.sql));
}

function planOf(raw: [{ Plan: PlanNode }] | string): PlanNode {
  return (typeof raw === 'string' ? (JSON.parse(raw) as [{ Plan: PlanNode }]) : raw)[0].Plan;
}

/** Every index a plan reads. */
function indexesOf(node: PlanNode): string[] {
  return [
    ...(typeof node['Index Name'] === 'string' ? [node['Index Name']] : []),
    ...(node.Plans ?? []).flatMap(indexesOf),
  ];
}

/** The most rows any one node of the plan read from `table` (returned plus removed by a filter or recheck). */
function rowsRead(node: PlanNode, table: string): number {
  const own =
    node['Relation Name'] === table
      ? ((node['Actual Rows'] as number) + ((node['Rows Removed by Filter'] as number) ?? 0)) *
          ((node['Actual Loops'] as number) ?? 1) +
        ((node['Rows Removed by Index Recheck'] as number) ?? 0)
      : 0;
  return Math.max(own, ...(node.Plans ?? []).map((p) => rowsRead(p, table)));
}

async function maxRowsRead(
  db: Knex | Knex.Transaction,
  table: string,
  statements: { sql: string; bindings: unknown[] }[],
) {
  let max = 0;
  for (const s of statements) {
    const { rows } = (await db.raw(
      `explain (analyze, format json) ${s.sql}`,
      s.bindings as Knex.RawBinding[],
    )) as {
      rows: { 'QUERY PLAN': [{ Plan: PlanNode }] | string }[];
    };
    max = Math.max(max, rowsRead(planOf(rows[0]!['QUERY PLAN']), table));
  }
  return max;
}

const enc = (o: unknown) => encodeURIComponent(JSON.stringify(o));

/** The most rows the statement for the page (not the total) of a first page read from the table. */
async function pageRowsRead(agent: Agent, table: string, filter: object, sort: string[]): Promise<number> {
  const path = `/api/${table}?filter=${enc(filter)}&sort=${enc(sort)}&range=${enc([0, 24])}`;
  let status = 0;
  const statements = await statementsOf(async () => {
    status = (await agent.get(path)).status;
  });
  expect(status).toBe(200);
  const page = statements.filter((s) => s.sql.includes(`from "${table}"`) && / limit \?$/.test(s.sql));
  expect(page).toHaveLength(1);
  return maxRowsRead(t.db, table, page);
}
const total = (contentRange: string) => Number(contentRange.split('/').pop());

describe.each([
  {
    resource: 'contacts',
    frequent: 'Kommune',
    reversed: 'Kommune Abstimmung',
    sort: ['contact_on', 'DESC'],
    other: ['topic', 'ASC'],
  },
  {
    resource: 'expenditures',
    frequent: 'Rechnung',
    reversed: 'Abschlag Rechnung',
    sort: ['booked_on', 'DESC'],
    other: ['amount_cents', 'DESC'],
  },
])('$resource: the search never reads the whole table', ({ resource, frequent, reversed, sort, other }) => {
  let tableRows: number;
  beforeAll(async () => {
    const [{ n }] = (await t.db(resource).count({ n: '*' })) as [{ n: number | string }];
    tableRows = Number(n);
  });

  it.each([
    ['a rare word', RARE, 3],
    ['an absent word', ABSENT, 0],
    ['a frequent word', frequent, 'many'],
    // Two words: each must match, wherever it stands.
    ['a frequent and a rare word', `${frequent} ${RARE}`, 'any'],
    // Both in every entry, never side by side in this order: as one phrase no index could exclude a row.
    ['two frequent words in reverse order', reversed, 'many'],
  ] as const)('%s, sorted by default and by another column', async (_label, q, expected) => {
    for (const s of [sort, other]) {
      const path = `/api/${resource}?filter=${enc({ q })}&sort=${enc(s)}&range=${enc([0, 24])}`;
      let res!: { status: number; headers: Record<string, string>; body: unknown[] };
      const statements = await statementsOf(async () => {
        res = (await cdo.get(path)) as typeof res;
      });
      expect(res.status).toBe(200);
      const n = total(res.headers['content-range']!);
      if (typeof expected === 'number') {
        expect(n).toBe(expected);
        expect(res.body).toHaveLength(expected);
      } else if (expected === 'many') expect(n).toBeGreaterThan(COUNT_CAP);
      const read = await maxRowsRead(t.db, resource, statements);
      expect(read).toBeLessThan(tableRows / 2);
    }
  });
});

it('a frequent word: the total above the cap is an estimate of the right size, and the next page is reachable', async () => {
  const res = await cdo.get(`/api/contacts?filter=${enc({ q: 'Kommune' })}&range=${enc([0, 24])}`);
  const n = total(res.headers['content-range']!);
  expect(n).toBeGreaterThan(COUNT_CAP);
  expect(n).toBeGreaterThan(ROWS * 0.5);
  expect(n).toBeLessThan(ROWS * 2);
  const page2 = await cdo.get(`/api/contacts?filter=${enc({ q: 'Kommune' })}&range=${enc([25, 49])}`);
  expect(page2.body).toHaveLength(25);
});

it('a page past an estimated end gets the exact total', async () => {
  const [{ n }] = (await t.db('contacts').count({ n: '*' })) as [{ n: number | string }];
  const res = await cdo.get(`/api/contacts?range=${enc([Number(n) + 100, Number(n) + 124])}`);
  expect(res.body).toEqual([]);
  expect(res.headers['content-range']).toBe(`contacts */${n}`);
});

it("the guide's list (her municipalities, newest first): the page reads a page, not her municipalities' whole log", async () => {
  const read = await pageRowsRead(guide, 'contacts', { municipality_id: guideMunicipalities }, [
    'contact_on',
    'DESC',
  ]);
  expect(read).toBeLessThan(100);
});

describe('a search over several columns', () => {
  const several = resources.filter((def) => (def.search?.ilike?.length ?? 0) > 1);

  it('reads one trigram index over its joined columns, on every resource that has one', async () => {
    expect(several.map((d) => d.name).sort()).toEqual([
      'expenditures',
      'grants',
      'mail_outbox',
      'municipalities',
      'partners',
      'users',
    ]);
    for (const def of several) {
      // A role that reads every searched column (a role that reads fewer searches them one by one).
      const role = ROLES.find(
        (r) =>
          canRead(def, r) &&
          parseListParams(def, r, { filter: JSON.stringify({ q: RARE }) }).filters[0]!.columns!.length ===
            def.search!.ilike!.length,
      )!;
      const { filters } = parseListParams(def, role, { filter: JSON.stringify({ q: RARE }) });
      const { sql, bindings } = applyFilters(
        t.db,
        t.db(def.name).select(`${def.name}.id`),
        def,
        filters,
      ).toSQL();
      // The small tables are read whole when that is cheaper; the test asks whether the index fits the query.
      const plan = await t.db.transaction(async (trx) => {
        await trx.raw('set local enable_seqscan = off');
        const { rows } = (await trx.raw(`explain (format json) ${sql}`, bindings as Knex.RawBinding[])) as {
          rows: { 'QUERY PLAN': [{ Plan: PlanNode }] | string }[];
        };
        return planOf(rows[0]!['QUERY PLAN']);
      });
      expect({ resource: def.name, indexes: indexesOf(plan) }).toEqual({
        resource: def.name,
        indexes: [`${def.name}_search_trgm`],
      });
    }
  });

  it('finds no text that only the joined columns hold, and a query holding the separator is searched column by column', async () => {
    const row = (await t.db('expenditures').where('receipt_no', 'RE-7').first('payee')) as { payee: string };
    // The end of the payee and the start of the receipt number, as if they were one text.
    const across = `${row.payee.slice(-3)}RE-7`;
    for (const q of [across, '\u0001']) {
      const res = await cdo.get(`/api/expenditures?filter=${enc({ q })}&range=${enc([0, 24])}`);
      expect({ q, status: res.status, rows: res.body }).toEqual({ q, status: 200, rows: [] });
    }
    // The control: each part alone is found.
    for (const q of [row.payee.slice(-3), 'RE-7']) {
      const res = await cdo.get(`/api/expenditures?filter=${enc({ q })}&range=${enc([0, 24])}`);
      expect(total(res.headers['content-range']!)).toBeGreaterThan(0);
    }
  });

  it('reads several words each on its own: in any column and any order, and all of them must occur', async () => {
    const page = async (q: string) => {
      const res = await cdo.get(
        `/api/expenditures?filter=${enc({ q })}&sort=${enc(['receipt_no', 'ASC'])}&range=${enc([0, 24])}`,
      );
      expect(res.status).toBe(200);
      return res.body as { receipt_no: string; payee: string }[];
    };
    // The receipt number and a word of the payee, the other way round from how the columns stand.
    const found = await page('re-7 rechnungshof');
    expect(found.map((r) => r.receipt_no)).toContain('RE-7');
    expect(found.every((r) => /RE-7/i.test(r.receipt_no) && /Rechnungshof/.test(r.payee))).toBe(true);
    expect(await page(`RE-7 ${ABSENT}`)).toEqual([]);
  });

  it('stays on the index right after a bulk load, before any vacuum (only a short pending list to read)', async () => {
    const tables = ['contacts', 'expenditures'];
    const captured: Record<string, { sql: string; bindings: unknown[] }[]> = {};
    for (const table of tables)
      captured[table] = await statementsOf(() =>
        cdo.get(`/api/${table}?filter=${enc({ q: RARE })}&sort=${enc(['id', 'DESC'])}&range=${enc([0, 24])}`),
      );
    const trx = await t.db.transaction();
    try {
      await trx.raw("set local statement_timeout = '300s'");
      await trx.raw(
        `insert into contacts (municipality_id, author_id, contact_on, channel, topic, notes)
         select municipality_id, author_id, contact_on, channel, topic || ' ' || i, notes
         from contacts, generate_series(1, 5) i where contacts.id in (select id from contacts order by id desc limit 1000)`,
      );
      await trx.raw(
        `insert into expenditures (measure_id, grant_id, booked_on, amount_cents, cost_category, payee, receipt_no, description)
         select measure_id, grant_id, booked_on, amount_cents, cost_category, payee || ' ' || i, receipt_no || '-' || i, description
         from expenditures, generate_series(1, 5) i where expenditures.id in (select id from expenditures order by id desc limit 1000)
           and description not like '%${RARE}%'`,
      );
      for (const table of tables) {
        expect(captured[table]!.length).toBeGreaterThan(0);
        const [{ n }] = (await trx(table).count({ n: '*' })) as [{ n: number | string }];
        expect({ table, read: (await maxRowsRead(trx, table, captured[table]!)) < Number(n) / 2 }).toEqual({
          table,
          read: true,
        });
      }
    } finally {
      await trx.rollback();
    }
  }, 300_000);
});

describe('a filter or a sort over many rows reads a page, not the rows that tie', () => {
  it.each([
    // An exact receipt number (it had no index: every row was read).
    ['an exact receipt number', { receipt_no: 'RE-7' }, ['booked_on', 'DESC']],
    // 400 added rows per payee: the sort by payee then id reads the page, not the payee's rows.
    ['sorted by payee', {}, ['payee', 'ASC']],
    ['sorted by payee, descending', {}, ['payee', 'DESC']],
  ])('expenditures, %s', async (_label, filter, sort) => {
    expect(await pageRowsRead(cdo, 'expenditures', filter, sort)).toBeLessThan(100);
  });
});

describe('columns that rise together, and words that never meet', () => {
  const MILESTONES = 11_000;
  // The middle of the forecasts' due dates below.
  const MIDDLE_DUE = '2020-11-01';
  let milestoneRows: number;

  beforeAll(async () => {
    await t.db.transaction(async (trx) => {
      await trx.raw("set local statement_timeout = '300s'");
      // Four titles in ten say "abgeschlossen", one in ten "beschlossen", none both (as in the scaled data).
      await trx.raw(
        `insert into milestones (measure_id, title, baseline_date, due_date)
         select m.id, case when i % 10 < 4 then 'Vergabe abgeschlossen ' || i
                           when i % 10 = 4 then 'Im Kreistag beschlossen ' || i
                           else 'Planung ' || i end,
           date '2024-01-01' + (i % 700), date '2024-01-01' + (i % 700)
         from generate_series(1, ${MILESTONES}) i
         join lateral (select id from measures order by id offset i % 10 limit 1) m on true`,
      );
      // 40 milestones reported on 500 days each; each report's due date two months or so after it.
      await trx.raw(
        `insert into milestone_forecasts (milestone_id, reported_on, due_date)
         select ms.id, date '2020-01-01' + d, date '2020-03-01' + d + (ms.id % 30)
         from (select id from milestones order by id desc limit 40) ms, generate_series(0, 499) d`,
      );
    });
    await t.db.raw('vacuum analyze');
    const [{ n }] = (await t.db('milestones').count({ n: '*' })) as [{ n: number | string }];
    milestoneRows = Number(n);
  }, 300_000);

  it.each([
    ['oldest report first', ['reported_on', 'ASC']],
    ['by due date', ['due_date', 'ASC']],
  ])(
    'forecasts due from the middle on, %s: the page reads a page, not the early reports',
    async (_label, sort) => {
      expect(await pageRowsRead(cdo, 'milestone_forecasts', { due_date_gte: MIDDLE_DUE }, sort)).toBeLessThan(
        100,
      );
    },
  );

  it('two frequent words that never stand in one title: no hit, and the titles are not all read', async () => {
    for (const sort of [
      ['due_date', 'ASC'],
      ['title', 'ASC'],
    ]) {
      const path = `/api/milestones?filter=${enc({ q: 'Abgeschlossen Beschlossen' })}&sort=${enc(sort)}&range=${enc([0, 24])}`;
      let res!: { status: number; headers: Record<string, string>; body: unknown[] };
      const statements = await statementsOf(async () => {
        res = (await cdo.get(path)) as typeof res;
      });
      expect({ status: res.status, range: res.headers['content-range'], rows: res.body }).toEqual({
        status: 200,
        range: 'milestones */0',
        rows: [],
      });
      expect(await maxRowsRead(t.db, 'milestones', statements)).toBeLessThan(milestoneRows / 2);
    }
  });
});
