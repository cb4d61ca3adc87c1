import crypto from 'node:crypto';
import type { Knex } from 'knex';

/** Valid request bodies for every resource, built from rows that exist in the database at call time. */

export type Body = Record<string, unknown>;

export const TEST_PASSWORD = 'Sicheres-Testpasswort-2026';

let counter = 0;
/** A short value unique within this test process (for unique columns such as codes and e-mails). */
export function uniq(): string {
  counter += 1;
  return `${counter.toString(36)}${crypto.randomBytes(2).toString('hex')}`;
}

async function anyId(
  db: Knex,
  table: string,
  where: (qb: Knex.QueryBuilder) => void = () => {},
): Promise<number> {
  const qb = db(table).first('id').orderBy('id');
  where(qb);
  const row = (await qb) as { id: number } | undefined;
  if (!row) throw new Error(`fixture: no row in ${table}`);
  return row.id;
}

/** An (a, b) pair not yet in a link table with a unique (aCol, bCol). */
async function freePair(
  db: Knex,
  link: string,
  a: [col: string, table: string, where?: string],
  b: [col: string, table: string],
): Promise<[number, number]> {
  const { rows } = (await db.raw(
    `select a.id as a, b.id as b from ${a[1]} a cross join ${b[1]} b
     where not exists (select 1 from ${link} l where l.${a[0]} = a.id and l.${b[0]} = b.id) ${a[2] ? `and ${a[2]}` : ''}
     order by a.id, b.id limit 1`,
  )) as { rows: { a: number; b: number }[] };
  if (!rows[0]) throw new Error(`fixture: no free pair for ${link}`);
  return [rows[0].a, rows[0].b];
}

/** A date from 2030 on that no row of `table` has in `col` (optionally within `where`). */
async function freeDate(db: Knex, table: string, col: string, where = 'true'): Promise<string> {
  const { rows } = (await db.raw(
    `select to_char(d, 'YYYY-MM-DD') as d from generate_series('2030-01-01'::date, '2099-12-31'::date, '1 day') d
     where not exists (select 1 from ${table} x where x.${col} = d::date and ${where}) order by d limit 1`,
  )) as { rows: { d: string }[] };
  return rows[0]!.d;
}

export interface FixtureOptions {
  /** Build the body as this guide would need it (her municipality, her own contact). */
  guide?: { id: number; municipality_ids: number[] };
}

type Builder = (db: Knex, opts: FixtureOptions) => Promise<Body>;

const builders: Record<string, Builder> = {
  municipalities: async () => {
    const u = uniq();
    return {
      name: `Testkommune ${u}`,
      kind: 'association',
      official_key: `T${u}`.slice(0, 12),
      seat: 'Testort',
      population: 1234,
      area_km2: 12.5,
    };
  },
  fields_of_action: async () => ({ name: `Testfeld ${uniq()}`, colour: '#225588' }),
  measures: async (db) => ({
    code: `T-${uniq()}`,
    title: `Testmaßnahme ${uniq()}`,
    summary: 'Angelegt vom API-Test.',
    field_of_action_id: await anyId(db, 'fields_of_action'),
    phase: 'implementation',
    status: 'planning',
    health: 'green',
    progress: 10,
    budget_cents: 1_000_000,
    start_date: '2026-01-01',
    end_date: '2027-12-31',
    municipality_ids: [await anyId(db, 'municipalities')],
  }),
  measure_municipalities: async (db) => {
    const [measure_id, municipality_id] = await freePair(
      db,
      'measure_municipalities',
      ['measure_id', 'measures'],
      ['municipality_id', 'municipalities'],
    );
    return { measure_id, municipality_id };
  },
  milestones: async (db) => ({
    measure_id: await anyId(db, 'measures'),
    title: `Testmeilenstein ${uniq()}`,
    baseline_date: '2026-03-31',
    due_date: '2026-06-30',
  }),
  milestone_forecasts: async (db) => {
    const milestone_id = await anyId(db, 'milestones');
    return {
      milestone_id,
      reported_on: await freeDate(
        db,
        'milestone_forecasts',
        'reported_on',
        `x.milestone_id = ${milestone_id}`,
      ),
      due_date: '2027-01-31',
    };
  },
  indicators: async (db) => ({
    measure_id: await anyId(db, 'measures'),
    name: `Testindikator ${uniq()}`,
    unit: 'Nutzende',
    direction: 'higher',
    baseline_value: 0,
    baseline_date: '2025-01-01',
    target_value: 1000,
    target_date: '2027-12-31',
  }),
  indicator_values: async (db) => {
    const indicator_id = await anyId(db, 'indicators');
    // Measured values lie in the past: the latest free day before today.
    const { rows } = (await db.raw(
      `select to_char(d, 'YYYY-MM-DD') as d from generate_series(current_date - 1, current_date - 20000, '-1 day') d
       where not exists (select 1 from indicator_values x where x.indicator_id = ? and x.measured_on = d::date)
       order by d desc limit 1`,
      [indicator_id],
    )) as { rows: { d: string }[] };
    return { indicator_id, measured_on: rows[0]!.d, value: 42.5, source: 'API-Test' };
  },
  partners: async () => ({
    name: `Testpartner ${uniq()}`,
    sector: 'business',
    email: 'kontakt@testpartner.example',
    city: 'Mayen',
  }),
  measure_partners: async (db) => {
    const [measure_id, partner_id] = await freePair(
      db,
      'measure_partners',
      ['measure_id', 'measures'],
      ['partner_id', 'partners'],
    );
    return { measure_id, partner_id, role: 'Testrolle' };
  },
  grants: async () => ({
    programme: 'Testprogramm',
    funder: 'Testgeber',
    file_number: `TEST-${uniq()}`,
    phase: 'Test',
    committed_on: '2026-01-15',
    period_start: '2026-02-01',
    period_end: '2028-12-31',
    eligible_cents: 10_000_000,
    funding_rate_bp: 6500,
    approved_cents: 6_500_000,
    spend_rule: 'anbest_gk',
  }),
  grant_years: async (db) => {
    const { rows } = (await db.raw(
      `select g.id, y from grants g cross join generate_series(2000, 2100) y
       where not exists (select 1 from grant_years gy where gy.grant_id = g.id and gy.fiscal_year = y) order by g.id, y desc limit 1`,
    )) as { rows: { id: number; y: number }[] };
    return { grant_id: rows[0]!.id, fiscal_year: rows[0]!.y, approved_cents: 100_000 };
  },
  tranches: async (db) => {
    const grant = (await db('grants').first('id', 'period_start').orderBy('id')) as {
      id: number;
      period_start: string;
    };
    const { max } = (await db('tranches').where({ grant_id: grant.id }).max({ max: 'number' }).first()) as {
      max: number | null;
    };
    return {
      grant_id: grant.id,
      fiscal_year: Number(grant.period_start.slice(0, 4)),
      number: (max ?? 0) + 1,
      requested_cents: 1_000,
      status: 'planned',
      justification: 'Testabruf',
    };
  },
  budget_lines: async (db) => {
    // A year of the first grant's period that some measure has no plan line for yet.
    const { rows } = (await db.raw(
      `select g.id as grant_id, m.id as measure_id, y from grants g
       cross join generate_series(extract(year from g.period_start)::int, extract(year from g.period_end)::int) y
       cross join measures m
       where not exists (select 1 from budget_lines b where b.grant_id = g.id and b.measure_id = m.id
         and b.cost_category = 'other' and b.fiscal_year = y)
       order by g.id, m.id, y limit 1`,
    )) as { rows: { grant_id: number; measure_id: number; y: number }[] };
    const r = rows[0]!;
    return {
      grant_id: r.grant_id,
      measure_id: r.measure_id,
      cost_category: 'other',
      fiscal_year: r.y,
      planned_cents: 250_000,
    };
  },
  expenditures: async (db) => ({
    measure_id: await anyId(db, 'measures'),
    grant_id: await anyId(db, 'grants'),
    booked_on: '2026-05-04',
    amount_cents: 12_345,
    cost_category: 'services',
    payee: `Testfirma ${uniq()}`,
    receipt_no: `R-${uniq()}`,
  }),
  transfers: async (db) => ({
    grant_id: await anyId(db, 'grants'),
    measure_id: await anyId(db, 'measures'),
    municipality_id: await anyId(db, 'municipalities'),
    amount_cents: 50_000,
    contract_on: '2026-04-01',
  }),
  contacts: async (db, { guide }) => ({
    municipality_id: guide ? guide.municipality_ids[0] : await anyId(db, 'municipalities'),
    contact_on: '2026-11-20',
    channel: 'phone',
    person_name: 'Erika Test',
    topic: `Testkontakt ${uniq()}`,
    notes: 'Angelegt vom API-Test.',
  }),
  contact_measures: async (db, { guide }) => {
    const [contact_id, measure_id] = await freePair(
      db,
      'contact_measures',
      ['contact_id', 'contacts', guide ? `a.author_id = ${Number(guide.id)}` : undefined],
      ['measure_id', 'measures'],
    );
    return { contact_id, measure_id };
  },
  users: async () => {
    const u = uniq();
    return {
      email: `test-${u}@myk10.example`,
      name: `Test ${u}`,
      role: 'viewer',
      active: true,
      password: TEST_PASSWORD,
    };
  },
  guide_municipalities: async (db) => {
    const [user_id, municipality_id] = await freePair(
      db,
      'guide_municipalities',
      ['user_id', 'users', "a.role = 'guide'"],
      ['municipality_id', 'municipalities'],
    );
    return { user_id, municipality_id };
  },
  status_reports: async (db) => ({
    reported_on: await freeDate(db, 'status_reports', 'reported_on'),
    title: `Statusbericht ${uniq()}`,
  }),
  proof_reports: async (db) => {
    // An interim proof of a grant year that has no proof report yet (a second draft of one proof is refused).
    const { rows } = (await db.raw(
      `select g.id, y from grants g
       cross join generate_series(extract(year from g.period_start)::int, extract(year from g.period_end)::int) y
       where not exists (select 1 from proof_reports r where r.grant_id = g.id and r.fiscal_year = y)
       order by g.id, y limit 1`,
    )) as { rows: { id: number; y: number }[] };
    return {
      grant_id: rows[0]!.id,
      kind: 'interim',
      fiscal_year: rows[0]!.y,
      introduction: 'Testeinleitung',
    };
  },
  base_rates: async (db) => ({
    valid_from: await freeDate(db, 'base_rates', 'valid_from'),
    rate_bp: 150,
    note: `Test ${uniq()}`,
  }),
  // Account numbers are digits: the unique suffix read as a number.
  ledger_accounts: async () => ({
    account: `9${parseInt(uniq(), 36)}`,
    cost_category: 'services',
    note: `Test ${uniq()}`,
  }),
  // Read-only: what a forged entry would look like (every POST of it must be refused).
  audit_entries: async () => ({ action: 'create', resource: 'measures', record_id: 1, changes: {} }),
  // Written by the reminder run only; a create through the API is refused (403).
  notifications: async () => ({
    rule: 'milestone_due',
    record_id: 1,
    due_on: '2026-12-01',
    title: 'T',
    body: 'B',
  }),
  mail_outbox: async () => ({ recipient: 'x@myk10.example', subject: 'S', text_body: 'T' }),
};

/** A body that POST /api/<resource> accepts. */
export function createBody(db: Knex, resource: string, opts: FixtureOptions = {}): Promise<Body> {
  const build = builders[resource];
  if (!build) throw new Error(`fixture: no create body for ${resource}`);
  return build(db, opts);
}

/** A change of one ordinary (non-unique, non-key) field per resource, for PUT. Empty: a plain re-save. */
export const UPDATE_PATCH: Record<string, Body> = {
  municipalities: { seat: 'Geänderter Sitz' },
  fields_of_action: { colour: '#aa3311' },
  measures: { health_note: 'Geändert vom API-Test' },
  measure_municipalities: {},
  milestones: { notes: 'Geändert vom API-Test' },
  milestone_forecasts: { due_date: '2031-01-31' },
  indicators: { method: 'Geändert vom API-Test' },
  indicator_values: { note: 'Geändert vom API-Test' },
  partners: { notes: 'Geändert vom API-Test' },
  measure_partners: { role: 'Geänderte Rolle' },
  grants: { notes: 'Geändert vom API-Test' },
  grant_years: { interim_proof_due_on: '2031-03-31' },
  budget_lines: { note: 'Geändert vom API-Test' },
  tranches: { notes: 'Geändert vom API-Test' },
  expenditures: { description: 'Geändert vom API-Test' },
  transfers: { notes: 'Geändert vom API-Test' },
  contacts: { notes: 'Geändert vom API-Test' },
  contact_measures: {},
  users: { name: 'Geänderter Name' },
  guide_municipalities: {},
  status_reports: { title: 'Geänderter Titel' },
  proof_reports: { introduction: 'Geändert vom API-Test' },
  base_rates: { note: 'Geändert vom API-Test' },
  ledger_accounts: { note: 'Geändert vom API-Test' },
};

/** Inserts a record through the database (not the API), for tests that need a target to change or delete. */
export async function insertRecord(
  db: Knex,
  resource: string,
  body: Body,
  authorId?: number,
): Promise<number> {
  const row: Body = { ...body };
  const links: [string, string, string, number[]][] = [];
  if (resource === 'measures' && Array.isArray(row.municipality_ids)) {
    links.push(['measure_municipalities', 'measure_id', 'municipality_id', row.municipality_ids as number[]]);
    delete row.municipality_ids;
  }
  if (resource === 'users') {
    delete row.password;
    row.password_hash = '$argon2id$v=19$m=65536,t=3,p=4$placeholder$placeholder';
  }
  if (resource === 'contacts' || resource === 'status_reports') row.author_id = authorId;
  if (resource === 'status_reports') row.snapshot = JSON.stringify([]);
  const [{ id }] = (await db(resource).insert(row).returning('id')) as [{ id: number }];
  for (const [table, self, other, values] of links)
    for (const v of values) await db(table).insert({ [self]: id, [other]: v });
  return id;
}
