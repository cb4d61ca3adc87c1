import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Knex } from 'knex';
import { knownMigrations } from '../../../api/db/migrate';
import { dbKind } from '../../../api/features/backup/schema';
import { readBackupHeader, tableChecksums, writeBackup } from '../../../api/features/backup/snapshot';
import { onPostgres, testDb, type TestDb } from '../../support/db';
import { emptyDb, postgresUrl, restore } from './support';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'myk10-backup-test-'));

// Restores and migrations take their time on a busy two-core machine.
jest.setTimeout(300_000);
let source: TestDb;
let file: string;

beforeAll(async () => {
  source = await testDb();
  file = path.join(dir, 'source.jsonl.gz');
  await writeBackup(source.db, file);
});
afterAll(async () => {
  await source.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function nextId(db: Knex, table: string): Promise<number> {
  const { rows } = (await db.raw(`select nextval(pg_get_serial_sequence(?, 'id')) as id`, [table])) as {
    rows: { id: number | string }[];
  };
  return Number(rows[0]!.id);
}

/** The id nextval would hand out, without taking it. */
async function peekNextId(db: Knex, table: string): Promise<number> {
  const seq = (await db.raw(`select pg_get_serial_sequence(?, 'id') as s`, [table])) as {
    rows: { s: string }[];
  };
  const { rows } = (await db.raw(`select last_value, is_called from ${seq.rows[0]!.s}`)) as {
    rows: { last_value: number | string; is_called: boolean }[];
  };
  return Number(rows[0]!.last_value) + (rows[0]!.is_called ? 1 : 0);
}

describe('writeBackup', () => {
  it('writes a gzip of JSON lines with the schema version and a checksum per table', async () => {
    const header = await readBackupHeader(file);
    expect(header.format).toBe('myk10-backup');
    expect(header.migrations).toEqual(await knownMigrations());
    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').trim().split('\n');
    const trailer = JSON.parse(lines.at(-1)!) as [string, { tables: Record<string, { rows: number }> }];
    expect(trailer[0]).toBe('trailer');
    expect(trailer[1].tables.measures!.rows).toBeGreaterThan(0);
    expect(Object.keys(trailer[1].tables)).not.toContain('knex_migrations');
  });
});

const kinds = (['pglite', 'postgresql'] as const).filter((k) => k === 'pglite' || postgresUrl);

describe.each(kinds)('restore into an empty %s database', (kind) => {
  it(`reproduces every table of the ${onPostgres ? 'PostgreSQL' : 'PGlite'} source, checksums equal`, async () => {
    const target = await emptyDb(kind);
    try {
      await restore(target.db, file);
      expect(dbKind(target.db)).toBe(kind);
      expect(await tableChecksums(target.db)).toEqual(await tableChecksums(source.db));
    } finally {
      await target.close();
    }
  });

  it('restores the id sequences: the next id is the next id of the source, after the highest restored id', async () => {
    const target = await emptyDb(kind);
    try {
      await restore(target.db, file);
      const max = (await target.db('contacts').max('id as m').first()) as { m: number };
      const next = await nextId(target.db, 'contacts');
      expect(next).toBeGreaterThan(max.m);
      // The source has not written a contact since the backup: its sequence stands where the backup read it.
      expect(next).toBe(await peekNextId(source.db, 'contacts'));
    } finally {
      await target.close();
    }
  });
});

describe('restore refusals', () => {
  it('refuses a database that already holds data, with a German message, and changes nothing', async () => {
    const target = await testDb();
    try {
      const before = await tableChecksums(target.db);
      await expect(restore(target.db, file)).rejects.toThrow(/Zieldatenbank ist nicht leer/);
      expect(await tableChecksums(target.db)).toEqual(before);
    } finally {
      await target.close();
    }
  });

  it('refuses a backup of a newer schema than this program knows', async () => {
    const target = await testDb({ empty: true });
    try {
      const known = (await knownMigrations()).slice(0, -1);
      await expect(restore(target.db, file, known)).rejects.toThrow(/neueren Version des Cockpits/);
      expect(await target.db.schema.hasTable('measures')).toBe(false);
    } finally {
      await target.close();
    }
  });

  it('refuses a damaged file and leaves the target without data', async () => {
    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');
    const i = lines.findIndex((l) => l.includes('"Andernach"'));
    lines[i] = lines[i]!.replace('Andernach', 'Andernoch');
    const damaged = path.join(dir, 'damaged.jsonl.gz');
    fs.writeFileSync(damaged, zlib.gzipSync(lines.join('\n')));
    const target = await testDb({ seed: false });
    try {
      await expect(restore(target.db, damaged)).rejects.toThrow(/Prüfsumme der Tabelle municipalities/);
      expect(await target.db('municipalities').count({ n: '*' })).toEqual([{ n: 0 }]);
    } finally {
      await target.close();
    }
  });

  it('refuses a file that is no backup', async () => {
    const other = path.join(dir, 'other.gz');
    fs.writeFileSync(other, zlib.gzipSync('{"hello": 1}\n'));
    await expect(readBackupHeader(other)).rejects.toThrow(/keine Sicherung/);
  });
});

describe('a backup taken while writes run', () => {
  it('is one consistent snapshot: every tranche has its grant, the expenditure sums match', async () => {
    const db = source.db;
    const grant = (await db('grants').orderBy('id').first()) as Record<string, unknown>;
    const measure = (await db('measures').orderBy('id').first('id')) as { id: number };
    let stop = false;
    let written = 0;
    const writer = (async () => {
      for (let i = 0; !stop; i++) {
        await db.transaction(async (trx) => {
          const { id: _id, created_at: _c, updated_at: _u, version: _v, ...copy } = grant;
          const [g] = (await trx('grants')
            .insert({ ...copy, file_number: `BK-${process.pid}-${i}` })
            .returning('id')) as { id: number }[];
          const [t] = (await trx('tranches')
            .insert({ grant_id: g!.id, fiscal_year: 2026, number: 1, requested_cents: 1000 })
            .returning('id')) as { id: number }[];
          await trx('expenditures').insert({
            measure_id: measure.id,
            grant_id: g!.id,
            tranche_id: t!.id,
            booked_on: '2026-05-02',
            amount_cents: 1234 + i,
            cost_category: 'services',
            payee: 'Konsistenz GmbH',
          });
        });
        written += 1;
      }
    })();
    // Let some writes land first, so the backup starts in the middle of them.
    while (written < 3) await new Promise((r) => setTimeout(r, 20));
    const during = path.join(dir, 'during.jsonl.gz');
    await writeBackup(db, during);
    stop = true;
    await writer;

    const target = await emptyDb(onPostgres ? 'postgresql' : 'pglite');
    try {
      await restore(target.db, during); // foreign keys hold on load, so no tranche without its grant
      const orphans = await target.db.raw(
        'select count(*)::int as n from tranches t left join grants g on g.id = t.grant_id where g.id is null',
      );
      expect((orphans as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
      const mismatch = await target.db.raw(`
        select count(*)::int as n from (
          select measure_id, grant_id, extract(year from booked_on)::int as y, eligible, sum(amount_cents) as s
          from expenditures group by 1, 2, 3, 4) e
        full join expenditure_sums x on x.measure_id = e.measure_id and x.grant_id = e.grant_id
          and x.fiscal_year = e.y and x.eligible = e.eligible
        where coalesce(x.amount_cents, 0) <> coalesce(e.s, 0)`);
      expect((mismatch as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
      const copied = (await target.db('grants').where('file_number', 'like', 'BK-%').count({ n: '*' })) as {
        n: number | string;
      }[];
      expect(Number(copied[0]!.n)).toBeGreaterThanOrEqual(3);
    } finally {
      await target.close();
    }
  });
});
