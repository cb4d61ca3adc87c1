import type { Knex } from 'knex';
import type { DataProvider, HttpError, RaRecord } from 'ra-core';
import { resources } from '../../api/features';
import type { ResourceDef } from '../../api/rest/resource';
import { DEMO_EMAIL, DEMO_PASSWORD, testApp, type TestApp } from '../support/app';
import { createBody, UPDATE_PATCH, type Body } from '../support/fixtures';
import { listen, loginCookie, provider, type LiveServer } from '../support/provider';

/**
 * The stock ra-data-simple-rest provider (the admin's own data layer) driven in Node against a listening
 * server: every method on every resource, plus the protocol details react-admin relies on.
 */

type Row = Record<string, unknown>;

let t: TestApp;
let live: LiveServer;
let dp: DataProvider;
let cookie: string;
/** The CDO's own row rule where a resource has one for her: notifications are her own only. */
let cdoId: number;
const scopeSql = (name: string): string => (name === 'notifications' ? `user_id = ${cdoId}` : 'true');
/** The table as the CDO may read it. */
const table = (name: string) => t.db(name).whereRaw(scopeSql(name));

beforeAll(async () => {
  t = await testApp();
  live = await listen(t.app);
  cookie = await loginCookie(live.baseUrl, DEMO_EMAIL.cdo, DEMO_PASSWORD);
  dp = provider(live.baseUrl, cookie);
  cdoId = ((await t.db('users').where('email', DEMO_EMAIL.cdo).first('id')) as { id: number }).id;
});
afterAll(async () => {
  await live?.close();
  await t?.close();
});

const count = async (table: string, where: (qb: Knex.QueryBuilder) => void = () => {}) => {
  const qb = t.db(table).whereRaw(scopeSql(table)).count({ n: '*' });
  where(qb);
  const [{ n }] = (await qb) as [{ n: number | string }];
  return Number(n);
};

const rawGet = (path: string) => fetch(`${live.baseUrl}${path}`, { headers: { Cookie: cookie } });

/** The status an HttpError from the provider carries. */
const statusOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return 200;
  } catch (err) {
    return (err as HttpError).status;
  }
};

/** The field getManyReference targets: a reference (or linked ids) if the resource has one. */
function referenceTarget(def: ResourceDef): string {
  const entries = Object.entries({ ...def.fields, ...def.derived });
  const ref =
    entries.find(([, f]) => f.filter && (f.kind === 'ref' || f.kind === 'ids')) ??
    entries.find(([, f]) => f.filter);
  return ref![0];
}

/** The most frequent value of the target and how many records carry it, counted straight from the tables. */
async function referenceValue(def: ResourceDef, target: string): Promise<{ value: unknown; total: number }> {
  const link = def.derived?.[target]?.link;
  const { rows } = link
    ? ((await t.db.raw(
        `select ${link.other} as value, count(distinct ${link.self})::int as total from ${link.table} group by 1 order by 2 desc, 1 limit 1`,
      )) as { rows: { value: unknown; total: number }[] })
    : ((await t.db.raw(
        `select ${target} as value, count(*)::int as total from ${def.name} where ${target} is not null and ${scopeSql(def.name)} group by 1 order by 2 desc, 1 limit 1`,
      )) as { rows: { value: unknown; total: number }[] });
  return rows[0]!;
}

describe.each(resources.map((def) => [def.name, def] as const))('ra-data-simple-rest on %s', (name, def) => {
  const writable = def.access.write.length > 0;
  let created: Row;
  let someId: number;

  beforeAll(async () => {
    if (writable) created = (await dp.create(name, { data: await createBody(t.db, name) })).data as Row;
    someId = created
      ? (created.id as number)
      : ((await table(name).first('id').orderBy('id')) as { id: number }).id;
  });

  if (writable)
    it('create answers the stored record with its id', async () => {
      expect(typeof created.id).toBe('number');
      expect(await count(name, (qb) => qb.where('id', created.id as number))).toBe(1);
    });

  it('getList pages, sorts and totals like the table', async () => {
    const total = await count(name);
    const expected = (await table(name).pluck('id').orderBy('id', 'desc').limit(5)) as number[];

    const { data, total: got } = await dp.getList(name, {
      pagination: { page: 1, perPage: 5 },
      sort: { field: 'id', order: 'DESC' },
      filter: {},
    });

    expect(got).toBe(total);
    expect(data.map((r) => r.id)).toEqual(expected);
  });

  it('answers Content-Range and X-Total-Count and exposes both to the browser', async () => {
    const total = await count(name);

    const res = await rawGet(
      `/${name}?range=${encodeURIComponent('[0,1]')}&sort=${encodeURIComponent('["id","ASC"]')}`,
    );

    expect(res.status).toBe(200);
    expect(res.headers.get('content-range')).toBe(`${name} 0-${Math.min(total, 2) - 1}/${total}`);
    expect(res.headers.get('x-total-count')).toBe(String(total));
    const exposed = (res.headers.get('access-control-expose-headers') ?? '').split(/,\s*/);
    expect(exposed).toEqual(expect.arrayContaining(['Content-Range', 'X-Total-Count']));
  });

  it('getOne answers the record as the list shows it', async () => {
    const { data: listed } = await dp.getMany(name, { ids: [someId] });

    const { data } = await dp.getOne(name, { id: someId });

    expect(data.id).toBe(someId);
    expect(data).toEqual(listed[0]);
  });

  it('getMany answers exactly the requested records', async () => {
    const ids = (await table(name).pluck('id').orderBy('id').limit(3)) as number[];

    const { data } = await dp.getMany(name, { ids });

    expect(data.map((r) => r.id).sort((a, b) => a - b)).toEqual(ids);
  });

  it('getManyReference answers only the records pointing at the target', async () => {
    const target = referenceTarget(def);
    const { value, total } = await referenceValue(def, target);

    const { data, total: got } = await dp.getManyReference(name, {
      target,
      id: value as number,
      pagination: { page: 1, perPage: 1000 },
      sort: { field: 'id', order: 'ASC' },
      filter: {},
    });

    expect(got).toBe(total);
    expect(data).toHaveLength(total);
    for (const row of data) {
      const v = row[target];
      if (Array.isArray(v)) expect(v).toContain(value);
      else expect(v).toEqual(value);
    }
  });

  if (!writable) return;

  if (!def.updatable)
    it('update and updateMany answer 405 (rows are only created and deleted), and nothing changes', async () => {
      const before = await t
        .db(name)
        .where('id', created.id as number)
        .first();
      const patch = UPDATE_PATCH[name]!;

      const one = await statusOf(
        dp.update(name, {
          id: created.id as number,
          data: { ...created, ...patch },
          previousData: created as RaRecord,
        }),
      );
      const many = await statusOf(dp.updateMany(name, { ids: [created.id as number], data: patch }));

      expect([one, many]).toEqual([405, 405]);
      expect(
        await t
          .db(name)
          .where('id', created.id as number)
          .first(),
      ).toEqual(before);
    });

  if (def.updatable)
    it('update sends the whole record back and answers the changed one', async () => {
      const patch = UPDATE_PATCH[name]!;

      const { data } = await dp.update(name, {
        id: created.id as number,
        data: { ...created, ...patch },
        previousData: created as RaRecord,
      });

      expect(data.id).toBe(created.id);
      expect(data).toMatchObject(patch);
      if (def.versioned) expect(data.version).toBe((created.version as number) + 1);
      const stored = (await t
        .db(name)
        .where('id', created.id as number)
        .first()) as Row;
      for (const [k, v] of Object.entries(patch)) expect(stored[k]).toEqual(v);
      created = data as Row;
    });

  if (def.updatable)
    it('updateMany puts each record and answers their ids', async () => {
      const a = (await dp.create(name, { data: await createBody(t.db, name) })).data;
      const b = (await dp.create(name, { data: await createBody(t.db, name) })).data;
      const patch: Body = { ...UPDATE_PATCH[name], ...(def.versioned ? { version: 1 } : {}) };

      const { data } = await dp.updateMany(name, { ids: [a.id, b.id], data: patch });

      expect(data).toEqual([a.id, b.id]);
      const rows = (await t.db(name).whereIn('id', [a.id, b.id])) as Row[];
      for (const row of rows)
        for (const [k, v] of Object.entries(UPDATE_PATCH[name]!)) expect(row[k]).toEqual(v);
    });

  it('delete answers the deleted record, which is then gone', async () => {
    const { data } = await dp.delete(name, { id: created.id as number, previousData: created as RaRecord });

    expect(data).toEqual(created);
    expect(await count(name, (qb) => qb.where('id', created.id as number))).toBe(0);
    expect(await statusOf(dp.getOne(name, { id: created.id as number }))).toBe(404);
  });

  it('deleteMany deletes each record and answers their ids', async () => {
    const a = (await dp.create(name, { data: await createBody(t.db, name) })).data;
    const b = (await dp.create(name, { data: await createBody(t.db, name) })).data;

    const { data } = await dp.deleteMany(name, { ids: [a.id, b.id] });

    expect(data).toEqual([a.id, b.id]);
    expect(await count(name, (qb) => qb.whereIn('id', [a.id, b.id]))).toBe(0);
  });
});

describe('GET /api/<resource> paging', () => {
  it('caps a page at 1000 rows and still reports the full total', async () => {
    const total = await count('milestone_forecasts');
    expect(total).toBeGreaterThan(1000); // the demo data must be big enough for this check to mean anything

    const { data, total: got } = await dp.getList('milestone_forecasts', {
      pagination: { page: 1, perPage: 5000 },
      sort: { field: 'id', order: 'ASC' },
      filter: {},
    });

    expect(data).toHaveLength(1000);
    expect(got).toBe(total);
  });

  it('answers Content-Range 0-999/<total> for a capped page', async () => {
    const total = await count('milestone_forecasts');

    const res = await rawGet(`/milestone_forecasts?range=${encodeURIComponent('[0,4999]')}`);

    expect(res.headers.get('content-range')).toBe(`milestone_forecasts 0-999/${total}`);
  });

  it('reports the full total when no range is sent and the rows exceed one page', async () => {
    const total = await count('milestone_forecasts');

    const res = await rawGet('/milestone_forecasts');

    expect(((await res.json()) as unknown[]).length).toBe(1000);
    expect(res.headers.get('x-total-count')).toBe(String(total));
    expect(res.headers.get('content-range')).toBe(`milestone_forecasts 0-999/${total}`);
  });

  it('answers [] and Content-Range */0 for an empty result', async () => {
    const res = await rawGet(
      `/measures?filter=${encodeURIComponent('{"code":"does-not-exist"}')}&range=${encodeURIComponent('[0,9]')}`,
    );

    expect(await res.json()).toEqual([]);
    expect(res.headers.get('content-range')).toBe('measures */0');
  });

  it.each(['ASC', 'DESC'] as const)(
    'orders ties by id so pages never overlap or skip (%s)',
    async (order) => {
      const expected = (await t
        .db('contacts')
        .pluck('id')
        .orderBy([
          { column: 'channel', order: order.toLowerCase() as 'asc' },
          { column: 'id', order: order.toLowerCase() as 'asc' },
        ])) as number[];
      const seen: number[] = [];

      for (let page = 1; seen.length < expected.length && page < 100; page++) {
        const { data } = await dp.getList('contacts', {
          pagination: { page, perPage: 25 },
          sort: { field: 'channel', order },
          filter: {},
        });
        seen.push(...data.map((r) => r.id as number));
      }

      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(expected);
    },
  );
});

describe('GET /api/<resource> sort with empty values', () => {
  it.each(['ASC', 'DESC'] as const)('puts contacts without a follow-up date last (%s)', async (order) => {
    const { data } = await dp.getList('contacts', {
      pagination: { page: 1, perPage: 1000 },
      sort: { field: 'follow_up_on', order },
      filter: {},
    });
    const dates = data.map((r) => r.follow_up_on as string | null);
    const firstEmpty = dates.indexOf(null);
    expect(firstEmpty).toBeGreaterThan(0);
    expect(dates.slice(firstEmpty).every((d) => d === null)).toBe(true);
    const filled = dates.slice(0, firstEmpty) as string[];
    const sorted = [...filled].sort();
    expect(filled).toEqual(order === 'ASC' ? sorted : sorted.reverse());
  });
});

describe('GET /api/<resource> filters', () => {
  const ids = (data: Row[]) => data.map((r) => r.id as number).sort((a, b) => a - b);
  const all = { pagination: { page: 1, perPage: 1000 }, sort: { field: 'id', order: 'ASC' as const } };

  it('finds measures by a word prefix: "Bewässer" finds "Bewässerung"', async () => {
    const expected = (await t
      .db('measures')
      .pluck('id')
      .whereRaw(`(title || ' ' || coalesce(summary, '')) ~* ?`, ['\\mbewässer'])
      .orderBy('id')) as number[];
    expect(expected.length).toBeGreaterThan(0);

    const { data } = await dp.getList('measures', { ...all, filter: { q: 'Bewässer' } });

    expect(ids(data)).toEqual(expected);
  });

  it('finds a measure by its code: "M-07" finds M-07 and no measure without "m" and "07" words', async () => {
    const { data } = await dp.getList('measures', { ...all, filter: { q: 'M-07' } });

    expect(data.map((r) => r.code)).toContain('M-07');
    expect(data.length).toBeLessThan(5);
  });

  it('finds contacts by a word prefix in their notes: "Pfarrh" finds "Pfarrhauses"', async () => {
    const expected = (await t
      .db('contacts')
      .pluck('id')
      .whereRaw(`(topic || ' ' || coalesce(notes, '') || ' ' || coalesce(person_name, '')) ~* ?`, [
        '\\mpfarrh',
      ])
      .orderBy('id')) as number[];
    expect(expected.length).toBeGreaterThan(0);

    const { data } = await dp.getList('contacts', { ...all, filter: { q: 'Pfarrh' } });

    expect(ids(data)).toEqual(expected);
  });

  it('filters dates with _gte and _lte (both inclusive)', async () => {
    const expected = (await t
      .db('milestones')
      .pluck('id')
      .whereBetween('due_date', ['2026-01-01', '2026-12-31'])
      .orderBy('id')) as number[];

    const { data, total } = await dp.getList('milestones', {
      ...all,
      filter: { due_date_gte: '2026-01-01', due_date_lte: '2026-12-31' },
    });

    expect(total).toBe(expected.length);
    expect(ids(data)).toEqual(expected);
  });

  it('filters amounts with _gte and _lte', async () => {
    const expected = (await t
      .db('expenditures')
      .pluck('id')
      .whereBetween('amount_cents', [100_000, 2_000_000])
      .orderBy('id')) as number[];

    const { data } = await dp.getList('expenditures', {
      ...all,
      filter: { amount_cents_gte: 100_000, amount_cents_lte: 2_000_000 },
    });

    expect(ids(data)).toEqual(expected);
  });

  it('treats an array as IN', async () => {
    const expected = (await t
      .db('measures')
      .pluck('id')
      .whereIn('status', ['planning', 'operation'])
      .orderBy('id')) as number[];

    const { data } = await dp.getList('measures', { ...all, filter: { status: ['planning', 'operation'] } });

    expect(ids(data)).toEqual(expected);
  });

  it('treats an empty array as "none", not as "no restriction"', async () => {
    const { data, total } = await dp.getList('measures', { ...all, filter: { id: [] } });

    expect(data).toEqual([]);
    expect(total).toBe(0);
  });

  it('filters on null with _null', async () => {
    const expected = (await t
      .db('milestones')
      .pluck('id')
      .whereNull('completed_on')
      .orderBy('id')) as number[];

    const { data } = await dp.getList('milestones', { ...all, filter: { completed_on_null: true } });

    expect(ids(data)).toEqual(expected);
  });

  it('combines a filter with the row total', async () => {
    const total = await count('contacts', (qb) => qb.where('channel', 'phone'));

    const { total: got } = await dp.getList('contacts', {
      pagination: { page: 1, perPage: 3 },
      sort: { field: 'contact_on', order: 'DESC' },
      filter: { channel: 'phone' },
    });

    expect(got).toBe(total);
  });
});

// ---- derived fields against an independent recount (raw rows, summed in the test) ----

function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** PostgreSQL's date + interval 'n months': the day is clamped to the end of the target month. */
function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}

describe('derived fields', () => {
  let today: string;
  beforeAll(async () => {
    const { rows } = (await t.db.raw(`select to_char(current_date, 'YYYY-MM-DD') as d`)) as {
      rows: { d: string }[];
    };
    today = rows[0]!.d;
  });

  const listAll = async (name: string) =>
    (
      await dp.getList(name, {
        pagination: { page: 1, perPage: 1000 },
        sort: { field: 'id', order: 'ASC' },
        filter: {},
      })
    ).data as Row[];

  it('measures: next_milestone_due, overdue_milestones and spent_cents match a recount', async () => {
    const milestones = (await t.db('milestones').select('measure_id', 'due_date', 'completed_on')) as Row[];
    const expenditures = (await t.db('expenditures').select('measure_id', 'amount_cents')) as Row[];

    const measures = await listAll('measures');

    expect(measures.length).toBe(await count('measures'));
    for (const m of measures) {
      const open = milestones.filter((ms) => ms.measure_id === m.id && ms.completed_on === null);
      const due = open.map((ms) => ms.due_date as string).sort();
      const spent = expenditures
        .filter((e) => e.measure_id === m.id)
        .reduce((s, e) => s + (e.amount_cents as number), 0);
      expect({
        id: m.id,
        next: m.next_milestone_due,
        overdue: m.overdue_milestones,
        spent: m.spent_cents,
      }).toEqual({
        id: m.id,
        next: due[0] ?? null,
        overdue: due.filter((d) => d < today).length,
        spent,
      });
    }
  });

  it('tranches: spend_deadline and unspent_cents match a recount', async () => {
    const grants = new Map(
      ((await t.db('grants').select('id', 'spend_rule')) as Row[]).map((g) => [g.id, g.spend_rule]),
    );
    const expenditures = (await t
      .db('expenditures')
      .select('tranche_id', 'amount_cents', 'eligible', 'paid_on')) as Row[];
    const { rows } = (await t.db.raw('select current_date::text as today')) as { rows: { today: string }[] };
    const today = rows[0]!.today;

    const tranches = await listAll('tranches');

    expect(tranches.length).toBe(await count('tranches'));
    for (const tr of tranches) {
      const received = tr.received_on as string | null;
      const deadline =
        received === null
          ? null
          : grants.get(tr.grant_id) === 'anbest_p'
            ? addDays(received, 42)
            : addMonths(received, 2);
      // Unspent money: only on an open (received, not settled) tranche, payments up to today, never below zero.
      const paid = expenditures
        .filter(
          (e) => e.tranche_id === tr.id && e.eligible && e.paid_on != null && (e.paid_on as string) <= today,
        )
        .reduce((s, e) => s + (e.amount_cents as number), 0);
      const unspent = tr.status === 'received' ? Math.max((tr.received_cents as number) - paid, 0) : 0;
      expect({ id: tr.id, deadline: tr.spend_deadline, unspent: tr.unspent_cents }).toEqual({
        id: tr.id,
        deadline,
        unspent,
      });
    }
  });

  it('municipalities: last_contact_on and open_follow_ups match a recount', async () => {
    const contacts = (await t
      .db('contacts')
      .select('municipality_id', 'contact_on', 'follow_up_on', 'follow_up_done')) as Row[];

    const municipalities = await listAll('municipalities');

    expect(municipalities.length).toBe(await count('municipalities'));
    for (const m of municipalities) {
      const own = contacts.filter((c) => c.municipality_id === m.id);
      const last =
        own
          .map((c) => c.contact_on as string)
          .sort()
          .pop() ?? null;
      const open = own.filter((c) => c.follow_up_on !== null && !c.follow_up_done).length;
      expect({ id: m.id, last: m.last_contact_on, open: m.open_follow_ups }).toEqual({
        id: m.id,
        last,
        open,
      });
    }
  });
});

describe('PUT sends back read-only and derived fields', () => {
  it('ignores id, created_at, updated_at and derived fields of a measure and writes nothing from them', async () => {
    const { data: before } = await dp.getOne('measures', { id: 1 });
    const stored = (await t.db('measures').where('id', 1).first()) as Row;
    const maxId = ((await t.db('measures').max({ m: 'id' }).first()) as { m: number }).m;

    const { data } = await dp.update('measures', {
      id: 1,
      data: {
        ...before,
        id: maxId + 100,
        created_at: '2001-01-01T00:00:00.000Z',
        updated_at: '2001-01-01T00:00:00.000Z',
        spent_cents: 1,
        overdue_milestones: 99,
        next_milestone_due: '2001-01-01',
        title: 'LoRaWAN-Netz (umbenannt)',
      },
      previousData: before,
    });

    const after = (await t.db('measures').where('id', 1).first()) as Row;
    expect(data.id).toBe(1);
    expect(after.title).toBe('LoRaWAN-Netz (umbenannt)');
    expect(after.created_at).toEqual(stored.created_at);
    expect(after.updated_at).not.toEqual('2001-01-01T00:00:00.000Z');
    expect(data.spent_cents).toBe(before.spent_cents);
    expect(data.overdue_milestones).toBe(before.overdue_milestones);
    expect(data.next_milestone_due).toBe(before.next_milestone_due);
    expect(await count('measures', (qb) => qb.where('id', maxId + 100))).toBe(0);
  });

  it('ignores a contact author_id sent back with another user', async () => {
    const contact = (await t.db('contacts').first().orderBy('id')) as Row;
    const other = (
      (await t
        .db('users')
        .whereNot('id', contact.author_id as number)
        .first('id')) as { id: number }
    ).id;
    const { data: before } = await dp.getOne('contacts', { id: contact.id as number });

    await dp.update('contacts', {
      id: contact.id as number,
      data: { ...before, author_id: other, topic: 'Neues Thema' },
      previousData: before,
    });

    const after = (await t
      .db('contacts')
      .where('id', contact.id as number)
      .first()) as Row;
    expect(after.topic).toBe('Neues Thema');
    expect(after.author_id).toBe(contact.author_id);
  });
});

describe('milestone forecasts', () => {
  it('a changed due_date writes a milestone_forecasts row for today', async () => {
    const ms = (await t.db('milestones').whereNull('completed_on').first().orderBy('id')) as Row;
    const { data: before } = await dp.getOne('milestones', { id: ms.id as number });
    const newDue = addDays(ms.due_date as string, 30);

    await dp.update('milestones', {
      id: ms.id as number,
      data: { ...before, due_date: newDue },
      previousData: before,
    });

    const forecast = (await t
      .db('milestone_forecasts')
      .where({ milestone_id: ms.id })
      .andWhere('reported_on', t.db.raw('current_date'))
      .first()) as Row | undefined;
    expect(forecast?.due_date).toBe(newDue);
  });

  it('an unchanged due_date writes no forecast row', async () => {
    const ms = (await t.db('milestones').whereNull('completed_on').orderBy('id', 'desc').first()) as Row;
    const { data: before } = await dp.getOne('milestones', { id: ms.id as number });
    const forecasts = await count('milestone_forecasts', (qb) => qb.where('milestone_id', ms.id as number));

    await dp.update('milestones', {
      id: ms.id as number,
      data: { ...before, notes: 'Nur eine Notiz' },
      previousData: before,
    });

    expect(await count('milestone_forecasts', (qb) => qb.where('milestone_id', ms.id as number))).toBe(
      forecasts,
    );
  });
});
