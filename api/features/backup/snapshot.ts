import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import type { Knex } from 'knex';
import {
  dataTables,
  dbKind,
  ownedSequences,
  quoteIdent,
  tableRows,
  type DbKind,
  type TableInfo,
} from './schema';

/**
 * The backup format (version 1): gzip of JSON lines.
 *   ["header", {format, version, created_at, source, migrations}]
 *   ["table", {name, columns}]      followed by one JSON object per row (PostgreSQL's to_jsonb text)
 *   ["end", {name, rows, sha256}]   sha256 over the row lines, each with its "\n"
 *   ["sequences", [{name, table, column, last_value, is_called}]]
 *   ["trailer", {tables: {name: {rows, sha256}}}]  a file without it is incomplete
 * Row lines are objects, control lines arrays, so one character tells them apart.
 */
export const BACKUP_FORMAT = 'myk10-backup';
export const BACKUP_VERSION = 1;

export interface TableSum {
  rows: number;
  sha256: string;
}

export interface BackupHeader {
  format: string;
  version: number;
  created_at: string;
  source: DbKind;
  migrations: string[];
}

export interface BackupSummary {
  file: string;
  bytes: number;
  header: BackupHeader;
  tables: Record<string, TableSum>;
}

interface SequenceValue {
  name: string;
  table: string;
  column: string;
  last_value: number;
  is_called: boolean;
}

export class BackupError extends Error {}

export async function appliedMigrations(db: Knex | Knex.Transaction): Promise<string[]> {
  if (!(await db.schema.hasTable('knex_migrations'))) return [];
  const got = (await db('knex_migrations').select('name').orderBy('id')) as { name: string }[];
  return got.map((r) => r.name);
}

/** Reads every table in one repeatable-read, read-only transaction: one consistent snapshot while writes go on. */
async function* backupLines(db: Knex, sums: Record<string, TableSum>): AsyncGenerator<string> {
  const trx = await db.transaction();
  try {
    await trx.raw('set transaction isolation level repeatable read, read only');
    await trx.raw("set local timezone to 'UTC'");
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      created_at: new Date().toISOString(),
      source: dbKind(db),
      migrations: await appliedMigrations(trx),
    };
    yield `${JSON.stringify(['header', header])}\n`;
    for (const table of await dataTables(trx)) {
      yield `${JSON.stringify(['table', { name: table.name, columns: table.columns }])}\n`;
      const hash = crypto.createHash('sha256');
      let count = 0;
      let chunk = '';
      for await (const row of tableRows(trx, table)) {
        const line = `${row}\n`;
        hash.update(line);
        count += 1;
        chunk += line;
        if (chunk.length > 256 * 1024) {
          yield chunk;
          chunk = '';
        }
      }
      if (chunk) yield chunk;
      const sum = { rows: count, sha256: hash.digest('hex') };
      sums[table.name] = sum;
      yield `${JSON.stringify(['end', { name: table.name, ...sum }])}\n`;
    }
    const sequences: SequenceValue[] = [];
    for (const s of await ownedSequences(trx)) {
      const { rows } = (await trx.raw(`select last_value, is_called from ${quoteIdent(s.name)}`)) as {
        rows: { last_value: number | string; is_called: boolean }[];
      };
      sequences.push({ ...s, last_value: Number(rows[0]!.last_value), is_called: rows[0]!.is_called });
    }
    yield `${JSON.stringify(['sequences', sequences])}\n`;
    yield `${JSON.stringify(['trailer', { tables: sums }])}\n`;
    await trx.commit();
  } catch (err) {
    await trx.rollback().catch(() => undefined);
    throw err;
  }
}

/** Writes a backup of the whole database to `file` (through a temporary file, so a crash leaves no half file). */
export async function writeBackup(db: Knex, file: string): Promise<BackupSummary> {
  const target = path.resolve(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  const sums: Record<string, TableSum> = {};
  let header: BackupHeader | undefined;
  const source = backupLines(db, sums);
  async function* capture(): AsyncGenerator<string> {
    for await (const piece of source) {
      if (!header) header = (JSON.parse(piece) as [string, BackupHeader])[1];
      yield piece;
    }
  }
  try {
    await pipeline(capture(), zlib.createGzip({ level: 6 }), fs.createWriteStream(tmp));
    fs.renameSync(tmp, target);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  return { file: target, bytes: fs.statSync(target).size, header: header!, tables: sums };
}

/** Checksums of the live database in the backup's form (same row text, same order). */
export async function tableChecksums(db: Knex): Promise<Record<string, TableSum>> {
  return db.transaction(async (trx) => {
    await trx.raw('set transaction isolation level repeatable read, read only');
    await trx.raw("set local timezone to 'UTC'");
    return checksumsIn(trx, await dataTables(trx));
  });
}

async function checksumsIn(trx: Knex.Transaction, tables: TableInfo[]): Promise<Record<string, TableSum>> {
  const sums: Record<string, TableSum> = {};
  for (const table of tables) {
    const hash = crypto.createHash('sha256');
    let count = 0;
    for await (const row of tableRows(trx, table)) {
      hash.update(`${row}\n`);
      count += 1;
    }
    sums[table.name] = { rows: count, sha256: hash.digest('hex') };
  }
  return sums;
}

export async function readBackupHeader(file: string): Promise<BackupHeader> {
  for await (const line of backupFileLines(file)) return parseHeader(line);
  throw new BackupError('Die Sicherungsdatei ist leer.');
}

async function* backupFileLines(file: string): AsyncGenerator<string> {
  if (!fs.existsSync(file)) throw new BackupError(`Die Sicherungsdatei ${file} gibt es nicht.`);
  const gunzip = zlib.createGunzip();
  const input = fs.createReadStream(file);
  input.on('error', (err) => gunzip.destroy(err));
  input.pipe(gunzip);
  const lines = readline.createInterface({ input: gunzip, crlfDelay: Infinity });
  try {
    yield* lines;
  } catch (err) {
    if ((err as { code?: string }).code?.startsWith('Z_'))
      throw new BackupError('Die Sicherungsdatei ist beschädigt (kein gültiges gzip).');
    throw err;
  } finally {
    lines.close();
    input.destroy();
    gunzip.destroy();
  }
}

function parseHeader(line: string): BackupHeader {
  let header: BackupHeader | undefined;
  try {
    const [kind, value] = JSON.parse(line) as [string, BackupHeader];
    if (kind === 'header') header = value;
  } catch {
    // reported below
  }
  if (!header || header.format !== BACKUP_FORMAT)
    throw new BackupError('Die Datei ist keine Sicherung des MYK10-Cockpits.');
  if (header.version > BACKUP_VERSION)
    throw new BackupError(
      `Die Sicherung hat das Format ${header.version}; diese Version des Cockpits liest nur bis Format ${BACKUP_VERSION}. Bitte zuerst das Cockpit aktualisieren.`,
    );
  return header;
}

export interface RestoreOptions {
  /** Every migration this program knows, in order (migrate.ts). */
  knownMigrations: string[];
  /** Runs one named migration (brings an empty target to the backup's schema version). */
  migrateUp(name: string): Promise<void>;
}

export interface RestoreSummary {
  header: BackupHeader;
  tables: Record<string, TableSum>;
}

/** Why a target may not take the backup, or undefined. */
/**
 * Tables a migration fills with reference data (the base rates of § 247 BGB): a new database has their rows already,
 * so they do not make it "not empty", and a restore replaces them with the backup's (which may have been edited).
 */
const SEEDED_BY_MIGRATIONS = new Set(['base_rates']);

async function refusal(db: Knex, header: BackupHeader, known: string[]): Promise<string | undefined> {
  const unknown = header.migrations.find((m) => !known.includes(m));
  if (unknown)
    return `Die Sicherung stammt von einer neueren Version des Cockpits (Schemastand ${unknown} ist hier unbekannt). Bitte zuerst das Cockpit aktualisieren.`;
  if (header.migrations.some((m, i) => known[i] !== m))
    return 'Der Schemastand der Sicherung passt nicht zu dieser Version des Cockpits.';
  for (const t of await dataTables(db)) {
    if (SEEDED_BY_MIGRATIONS.has(t.name)) continue;
    const row = (await db(t.name).first(db.raw('1 as x'))) as unknown;
    if (row)
      return `Die Zieldatenbank ist nicht leer (Tabelle ${t.name} enthält Daten). Eine Sicherung wird nur in eine leere Datenbank eingespielt: einen neuen DATA_DIR-Ordner oder eine neu angelegte PostgreSQL-Datenbank.`;
  }
  const applied = await appliedMigrations(db);
  if (applied.some((m, i) => header.migrations[i] !== m))
    return 'Die Zieldatenbank hat einen neueren Schemastand als die Sicherung. Bitte eine ganz leere Datenbank verwenden.';
  return undefined;
}

/**
 * Loads a backup into an empty database of either kind: brings the schema to the backup's version, loads every
 * table in one transaction (checksum of each table read checked, the loaded content checked against the backup's
 * checksums), restores the sequences. The caller migrates to the latest version afterwards.
 */
export async function restoreBackup(
  db: Knex,
  file: string,
  options: RestoreOptions,
): Promise<RestoreSummary> {
  const header = await readBackupHeader(file);
  const refused = await refusal(db, header, options.knownMigrations);
  if (refused) throw new BackupError(refused);
  const applied = new Set(await appliedMigrations(db));
  for (const m of header.migrations) if (!applied.has(m)) await options.migrateUp(m);

  const tables = new Map((await dataTables(db)).map((t) => [t.name, t]));
  let loaded: Record<string, TableSum> = {};
  await db.transaction(async (trx) => {
    await trx.raw("set local timezone to 'UTC'");
    // Rows arrive as they were, derived tables included: triggers (e.g. the expenditure sums) stay quiet.
    for (const t of tables.keys()) await trx.raw(`alter table ${quoteIdent(t)} disable trigger user`);
    let current: { table: TableInfo; batch: string[]; hash: crypto.Hash; rows: number } | undefined;
    let trailer: Record<string, TableSum> | undefined;
    let sequences: SequenceValue[] = [];
    const flush = async () => {
      if (!current || current.batch.length === 0) return;
      const cols = current.table.columns.map(quoteIdent).join(', ');
      const name = quoteIdent(current.table.name);
      await trx.raw(
        `insert into ${name} (${cols}) overriding system value
         select ${cols} from jsonb_populate_recordset(null::${name}, ?::jsonb)`,
        [`[${current.batch.join(',')}]`],
      );
      current.batch = [];
    };
    let first = true;
    for await (const line of backupFileLines(file)) {
      if (first) {
        first = false;
        continue;
      }
      if (line.startsWith('{')) {
        if (!current) throw new BackupError('Die Sicherungsdatei ist beschädigt (Zeile ohne Tabelle).');
        current.hash.update(`${line}\n`);
        current.rows += 1;
        current.batch.push(line);
        if (current.batch.length >= 1000) await flush();
        continue;
      }
      const [kind, value] = JSON.parse(line) as [string, unknown];
      if (kind === 'table') {
        const { name, columns } = value as { name: string; columns: string[] };
        const table = tables.get(name);
        if (!table || table.columns.join(',') !== columns.join(','))
          throw new BackupError(
            `Die Tabelle ${name} der Sicherung passt nicht zum Schema der Zieldatenbank.`,
          );
        if (SEEDED_BY_MIGRATIONS.has(name)) await trx(name).delete();
        current = { table, batch: [], hash: crypto.createHash('sha256'), rows: 0 };
      } else if (kind === 'end') {
        const sum = value as TableSum & { name: string };
        await flush();
        if (!current || current.rows !== sum.rows || current.hash.digest('hex') !== sum.sha256)
          throw new BackupError(
            `Die Prüfsumme der Tabelle ${sum.name} stimmt nicht: die Sicherung ist beschädigt.`,
          );
        current = undefined;
      } else if (kind === 'sequences') sequences = value as SequenceValue[];
      else if (kind === 'trailer') trailer = (value as { tables: Record<string, TableSum> }).tables;
    }
    if (!trailer) throw new BackupError('Die Sicherungsdatei ist unvollständig (Ende fehlt).');
    for (const t of tables.keys()) await trx.raw(`alter table ${quoteIdent(t)} enable trigger user`);
    for (const s of sequences) {
      // Never behind the highest id, so new records get fresh ids even if the sequence was read early.
      await trx.raw(
        `select case when m >= ? then setval(?::regclass, m, true) else setval(?::regclass, ?, ?) end
         from (select coalesce(max(${quoteIdent(s.column)}), 0) as m from ${quoteIdent(s.table)}) x`,
        [s.last_value, quoteIdent(s.name), quoteIdent(s.name), s.last_value, s.is_called],
      );
    }
    loaded = await checksumsIn(trx, [...tables.values()]);
    for (const [name, sum] of Object.entries(trailer)) {
      const got = loaded[name];
      if (!got || got.rows !== sum.rows || got.sha256 !== sum.sha256)
        throw new BackupError(`Die Tabelle ${name} weicht nach dem Laden von der Sicherung ab.`);
    }
  });
  return { header, tables: loaded };
}
