import crypto from 'node:crypto';
import knexFactory, { type Knex } from 'knex';
import { hashPassword } from '../api/features/auth/passwords';
import { createSession } from '../api/features/auth/session';
import { migrateLatest } from '../api/db/migrate';
import { seedDemo } from '../seeds/demo';
import { seedScale } from '../seeds/scale';

/** Benchmark data: migrated schema, demo data plus seedScale(factor), a signed-in bench user. */

/** Rows per table at factor 1 (realistic size); DESIGN.md §7 benchmarks factor 10. */
export const PER_FACTOR = {
  measures: 100,
  milestones: 1_000,
  contacts: 10_000,
  tranches: 500,
  expenditures: 5_000,
};

export const BENCH_EMAIL = 'bench@myk10.example';

export type Counts = Record<keyof typeof PER_FACTOR, number>;

/** Creates the database DATABASE_URL names if it does not exist yet (through the server's `postgres` database). */
export async function ensureDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name))
    throw new Error(`Unerwarteter Datenbankname "${name}" in DATABASE_URL.`);
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const admin = knexFactory({ client: 'pg', connection: maintenance.toString() });
  try {
    const { rows } = (await admin.raw('select 1 from pg_database where datname = ?', [name])) as {
      rows: unknown[];
    };
    if (!rows.length) {
      console.log(`Lege die Benchmark-Datenbank ${name} an …`);
      await admin.raw(`create database ${name}`);
    }
  } finally {
    await admin.destroy();
  }
}

export async function counts(db: Knex): Promise<Counts> {
  const entries = await Promise.all(
    Object.keys(PER_FACTOR).map(async (t) => {
      const [{ n }] = (await db(t).count({ n: '*' })) as [{ n: number }];
      return [t, Number(n)] as const;
    }),
  );
  return Object.fromEntries(entries) as Counts;
}

const enough = (c: Counts, factor: number): boolean =>
  (Object.keys(PER_FACTOR) as (keyof Counts)[]).every((t) => c[t] >= 0.9 * factor * PER_FACTOR[t]);

/** Migrates and, when the database holds less than `factor` times the realistic data, seeds demo + scale. */
export async function prepareData(db: Knex, factor: number): Promise<{ seeded: boolean; counts: Counts }> {
  await migrateLatest(db);
  let seeded = false;
  if (!enough(await counts(db), factor)) {
    console.log(`Spiele Demodaten und seedScale(db, ${factor}) ein (einmalig, dauert etwas) …`);
    const t0 = Date.now();
    await seedDemo(db);
    await seedScale(db, factor);
    console.log(`… fertig nach ${Math.round((Date.now() - t0) / 1000)} s.`);
    seeded = true;
  }
  // Fresh statistics and visibility map, as autovacuum would leave a settled database.
  await db.raw(seeded ? 'vacuum analyze' : 'analyze');
  const after = await counts(db);
  if (!enough(after, factor))
    console.warn(`Warnung: weniger Daten als Faktor ${factor} erwartet: ${JSON.stringify(after)}`);
  return { seeded, counts: after };
}

/** A cdo bench user (sees every field, the widest SELECTs) with a fresh session; returns the cookie. */
export async function benchSession(db: Knex): Promise<string> {
  const hash = await hashPassword(crypto.randomBytes(24).toString('base64url'));
  const existing = (await db('users').whereRaw('lower(email) = ?', [BENCH_EMAIL]).first('id')) as
    { id: number } | undefined;
  let id = existing?.id;
  if (id) await db('users').where({ id }).update({ password_hash: hash, active: true, role: 'cdo' });
  else
    [{ id }] = (await db('users')
      .insert({ email: BENCH_EMAIL, name: 'Benchmark', role: 'cdo', password_hash: hash })
      .returning('id')) as [{ id: number }];
  await db('sessions').where('user_id', id!).delete();
  return `myk10_sid=${await createSession(db, id!)}`;
}

export interface RouteParams {
  measureIds: number[];
  grantB?: number;
  q: string;
  qMatches: number;
}

export async function routeParams(db: Knex, q: string): Promise<RouteParams> {
  // 25 ids spread over the table, deterministic.
  const all = (await db('measures').orderBy('id').pluck('id')) as number[];
  const step = Math.max(1, Math.floor(all.length / 25));
  const measureIds = all.filter((_, i) => i % step === 0).slice(0, 25);
  const grant = (await db('grants')
    .where('phase', 'like', 'B%')
    .orWhere('file_number', 'like', '%-B')
    .orderBy('id')
    .first('id')) as { id: number } | undefined;
  const [{ n }] = (await db('contacts')
    .count({ n: '*' })
    .whereRaw(
      "to_tsvector('german', coalesce(topic, '') || ' ' || coalesce(notes, '') || ' ' || coalesce(person_name, '')) @@ to_tsquery('german', ?)",
      [`${q}:*`],
    )) as [{ n: number }];
  return { measureIds, grantB: grant?.id, q, qMatches: Number(n) };
}
