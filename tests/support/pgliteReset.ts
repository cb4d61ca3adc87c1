import type { PGlite } from '@electric-sql/pglite';

/**
 * Returning a used embedded database to its prepared state, for the next test file (tests/support/environment.cjs).
 * The prepared rows are kept outside the database (COPY to a blob), so the database a test sees holds nothing
 * but the application's own tables. A database whose schema a test changed is not reset but replaced.
 */
export interface PreparedState {
  schema: string;
  /** Every table, for TRUNCATE. */
  tables: string[];
  /** The tables holding rows. */
  copies: { name: string; columns: string[]; rows: Blob }[];
  sequences: { name: string; value: number; called: boolean }[];
}

// Everything a test could change besides rows: tables and columns, constraints, indexes, triggers, functions, enums.
const SCHEMA_SQL = `
  select md5(coalesce(string_agg(part, ',' order by part), '')) as schema from (
    select c.relname || ':' || c.relkind::text || ':' || coalesce(a.attname || ':' || a.atttypid::text || ':' || a.attnotnull::text, '')
      as part
    from pg_class c
    left join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where c.relnamespace = 'public'::regnamespace
    union all select 'constraint:' || conname || ':' || pg_get_constraintdef(oid)
      from pg_constraint where connamespace = 'public'::regnamespace
    union all select 'trigger:' || tgname || ':' || tgenabled::text
      from pg_trigger t join pg_class c on c.oid = t.tgrelid where c.relnamespace = 'public'::regnamespace
    union all select 'function:' || oid::regprocedure || ':' || md5(prosrc)
      from pg_proc where pronamespace = 'public'::regnamespace
    union all select 'enum:' || enumtypid::regtype || ':' || enumlabel from pg_enum
  ) parts`;

const TABLES_SQL = `
  select c.relname as name, array_agg(quote_ident(a.attname) order by a.attnum) as columns
  from pg_class c
  join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
  where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'
  group by c.relname
  order by c.relname`;

const SEQUENCES_SQL = `
  select quote_ident(sequencename) as name, coalesce(last_value, min_value) as value, last_value is not null as called
  from pg_sequences where schemaname = 'public'`;

async function schemaOf(pglite: PGlite): Promise<string> {
  return (await pglite.query<{ schema: string }>(SCHEMA_SQL)).rows[0]!.schema;
}

export async function capture(pglite: PGlite): Promise<PreparedState> {
  const { rows: tables } = await pglite.query<{ name: string; columns: string[] }>(TABLES_SQL);
  const copies = [];
  for (const { name, columns } of tables) {
    const { blob } = await pglite.query(`copy ${quoteIdent(name)} (${columns.join(', ')}) to '/dev/blob'`);
    // An empty table writes no blob, and COPY FROM without one would wait for input forever.
    if (blob?.size) copies.push({ name, columns, rows: blob });
  }
  const { rows: sequences } = await pglite.query<PreparedState['sequences'][number]>(SEQUENCES_SQL);
  return { schema: await schemaOf(pglite), tables: tables.map((t) => t.name), copies, sequences };
}

/** False when the database cannot be reset (closed, or its schema changed); the caller then starts a new one. */
export async function resetTo(pglite: PGlite, prepared: PreparedState): Promise<boolean> {
  if (pglite.closed) return false;
  try {
    await pglite.exec('discard all');
    if ((await schemaOf(pglite)) !== prepared.schema) return false;
    await pglite.transaction(async (tx) => {
      // Rows go back as they were, without triggers and foreign-key checks firing on the way.
      await tx.exec('set local session_replication_role = replica');
      await tx.exec(`truncate ${prepared.tables.map(quoteIdent).join(', ')}`);
      for (const { name, columns, rows } of prepared.copies) {
        await tx.query(`copy ${quoteIdent(name)} (${columns.join(', ')}) from '/dev/blob'`, [], {
          blob: rows,
        });
      }
      for (const { name, value, called } of prepared.sequences) {
        await tx.query('select setval($1, $2, $3)', [name, value, called]);
      }
    });
    return true;
  } catch {
    return false;
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
