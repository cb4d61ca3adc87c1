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

/**
 * A bench user of the role with a fresh session; returns the cookie. The cdo sees every field (the widest
 * SELECTs); the guide looks after `municipalities` (her row scope on the contact log).
 */
export async function benchSession(
  db: Knex,
  role: 'cdo' | 'guide' = 'cdo',
  municipalities: number[] = [],
): Promise<string> {
  const email = role === 'cdo' ? BENCH_EMAIL : `bench-${role}@myk10.example`;
  const hash = await hashPassword(crypto.randomBytes(24).toString('base64url'));
  const existing = (await db('users').whereRaw('lower(email) = ?', [email]).first('id')) as
    { id: number } | undefined;
  let id = existing?.id;
  if (id) await db('users').where({ id }).update({ password_hash: hash, active: true, role });
  else
    [{ id }] = (await db('users')
      .insert({ email, name: `Benchmark (${role})`, role, password_hash: hash })
      .returning('id')) as [{ id: number }];
  if (role === 'guide') {
    await db('guide_municipalities').where('user_id', id!).delete();
    if (municipalities.length)
      await db('guide_municipalities').insert(
        municipalities.map((m) => ({ user_id: id, municipality_id: m })),
      );
  }
  await db('sessions').where('user_id', id!).delete();
  return `myk10_sid=${await createSession(db, id!)}`;
}
