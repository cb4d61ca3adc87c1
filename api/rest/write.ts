import type { Knex } from 'knex';
import {
  AppError,
  badRequest,
  conflict,
  forbidden,
  notFound,
  translateDbError,
  validationError,
  type FieldErrors,
} from '../errors';
import { diff, writeAudit } from './audit';
import type { Field } from './fields';
import { schemaOf } from './validation';
import { derivedColumns, visibleRecord } from './query';
import { canWrite, SYSTEM_FIELDS, type Ctx, type ResourceDef, type Row, type SessionUser } from './resource';

interface Parsed {
  data: Row;
  links: Record<string, number[]>;
}

function firstIssue(field: Field, value: unknown): string | undefined {
  if (value === null && !field.nullable) return 'Pflichtfeld';
  const result = schemaOf(field).safeParse(value);
  return result.success ? undefined : (result.error.issues[0]?.message ?? 'Ungültiger Wert');
}

/** Validates a body against the declaration: declared writable fields only; server-owned ones are ignored. */
function parseBody(def: ResourceDef, body: unknown, mode: 'create' | 'update'): Parsed {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw badRequest('Der Inhalt der Anfrage muss ein JSON-Objekt sein.');
  // No prototype: a body key "__proto__" must land as an error entry, not as the object's prototype.
  const errors: FieldErrors = Object.create(null) as FieldErrors;
  const data: Row = {};
  const links: Record<string, number[]> = {};
  for (const [key, value] of Object.entries(body as Row)) {
    if ((SYSTEM_FIELDS as readonly string[]).includes(key)) continue;
    // Own keys only: "constructor", "toString" or "__proto__" must not find Object.prototype members.
    const own = <T>(o: Record<string, T> | undefined): T | undefined =>
      o && Object.hasOwn(o, key) ? o[key] : undefined;
    const stored = own(def.fields);
    const derived = own(def.derived);
    const input = own(def.inputOnly);
    const field = stored ?? input ?? (derived?.link ? derived : undefined);
    if (!field) {
      if (derived) continue; // computed fields travel back in react-admin's PUT: ignored
      errors[key] = `Unbekanntes Feld "${key}"`;
      continue;
    }
    if (field.readOnly) continue;
    if (value === undefined) continue;
    const problem = firstIssue(field, value);
    if (problem) errors[key] = problem;
    else if (derived?.link) links[key] = [...new Set(schemaOf(field).parse(value) as number[])];
    else data[key] = schemaOf(field).parse(value);
  }
  if (mode === 'create')
    for (const [key, f] of Object.entries({ ...def.fields, ...def.inputOnly }))
      if (f.required && !f.readOnly && (data[key] === undefined || data[key] === null) && !errors[key])
        errors[key] = 'Pflichtfeld';
  if (Object.keys(errors).length) {
    const unknown = Object.keys(errors).filter((k) => errors[k]!.startsWith('Unbekanntes Feld'));
    if (unknown.length)
      throw new AppError(
        400,
        'unknown_field',
        `Unbekannte Felder für "${def.name}": ${unknown.join(', ')}.`,
        errors,
      );
    throw validationError(errors);
  }
  return { data, links };
}

async function syncLinks(
  trx: Knex.Transaction,
  def: ResourceDef,
  id: number,
  links: Parsed['links'],
): Promise<void> {
  for (const [key, values] of Object.entries(links)) {
    const link = def.derived![key]!.link!;
    await trx(link.table).where(link.self, id).whereNotIn(link.other, values).delete();
    if (values.length)
      await trx(link.table)
        .insert(values.map((v) => ({ [link.self]: id, [link.other]: v })))
        .onConflict([link.self, link.other])
        .ignore()
        .catch((err: { code?: string }) => {
          // A linked id that does not exist is the fault of this field (e.g. municipality_ids), not of the link table.
          throw err.code === '23503'
            ? validationError({ [key]: 'Der verknüpfte Datensatz existiert nicht' })
            : err;
        });
  }
}

/** Audited fields: stored and linked ones, never hidden (write-only) ones. */
function auditedFields(def: ResourceDef): string[] {
  const stored = Object.entries(def.fields).filter(([, f]) => !f.writeOnly);
  const linked = Object.entries(def.derived ?? {}).filter(([, f]) => f.link);
  return [...stored, ...linked].map(([k]) => k);
}

const columns = (def: ResourceDef): string[] => Object.keys(def.fields);

/** The new link ids as the link's select returns them: ascending. */
const sortedLinks = (links: Parsed['links']): Row =>
  Object.fromEntries(Object.entries(links).map(([k, ids]) => [k, [...ids].sort((a, b) => a - b)]));

/** The written row with its derived fields, in the statement itself; links written afterwards come from the input. */
const returningAll = (trx: Knex.Transaction, def: ResourceDef, links: Parsed['links']) => [
  `${def.name}.*`,
  ...derivedColumns(trx, def, Object.keys(links)),
];

/** The stored part of a full row (without derived and linked values), as hooks see `before`. */
const storedPart = (def: ResourceDef, row: Row): Row =>
  Object.fromEntries(Object.entries(row).filter(([k]) => !def.derived || !Object.hasOwn(def.derived, k)));

async function inTransaction<T>(
  ctx: Ctx,
  def: ResourceDef,
  work: (trx: Knex.Transaction) => Promise<T>,
): Promise<T> {
  try {
    return await (ctx.db as Knex).transaction(work);
  } catch (err) {
    throw translateDbError(err, [...columns(def), ...Object.keys(def.derived ?? {})]);
  }
}

function requireWrite(def: ResourceDef, user: SessionUser): void {
  if (!canWrite(def, user.role)) throw forbidden();
}

async function validateRecord(def: ResourceDef, ctx: Ctx, record: Row, before?: Row): Promise<void> {
  const errors = await def.validate?.(record, ctx, before);
  if (errors && Object.keys(errors).length) throw validationError(errors);
}

export async function createRecord(ctx: Ctx, def: ResourceDef, body: unknown): Promise<Row> {
  requireWrite(def, ctx.user);
  const { data, links } = parseBody(def, body, 'create');
  return inTransaction(ctx, def, async (trx) => {
    const tctx = { ...ctx, db: trx };
    await validateRecord(def, tctx, { ...data, ...links });
    const stored = def.beforeWrite ? await def.beforeWrite(tctx, data) : data;
    const [row] = (await trx(def.name)
      .insert(stored)
      .returning(returningAll(trx, def, links))) as [Row];
    const id = row.id as number;
    await syncLinks(trx, def, id, links);
    const after = { ...row, ...sortedLinks(links) };
    await def.afterWrite?.(tctx, after);
    await writeAudit(
      trx,
      ctx.user,
      'create',
      def.name,
      id,
      diff(auditedFields(def), undefined, after),
      ctx.source,
    );
    return visibleRecord(def, after, ctx.user.role);
  });
}

/** Rows per INSERT of createRecords: well below PostgreSQL's 65,535 bind parameters for any declaration. */
const BATCH = 500;

/**
 * Many creates in one transaction (the table import): each body parsed and validated as createRecord does, then
 * one INSERT … RETURNING and one audit INSERT per 500 rows instead of a savepoint and three statements per row.
 * Declarations with write hooks, bodies with links, and a batch the database refuses (e.g. a unique key) go row
 * by row through createRecord, so that each refusal names its row. Returns per body the created record or the
 * refusal; a refusal of status 500 or more is thrown.
 */
export async function createRecords(
  ctx: Ctx & { db: Knex.Transaction },
  def: ResourceDef,
  bodies: unknown[],
): Promise<(Row | AppError)[]> {
  requireWrite(def, ctx.user);
  const results: (Row | AppError)[] = [];
  const refused = (err: unknown): AppError => {
    if (err instanceof AppError && err.status < 500) return err;
    throw err;
  };
  const single = async (i: number) => {
    results[i] = await createRecord(ctx, def, bodies[i]).catch(refused);
  };
  let batch: { i: number; data: Row }[] = [];
  const flush = async () => {
    const rows = batch;
    batch = [];
    if (!rows.length) return;
    const inserted = await ctx.db
      .transaction(async (trx) => {
        const written = (await trx(def.name)
          .insert(rows.map((r) => r.data))
          .returning(returningAll(trx, def, {}))) as Row[];
        await trx('audit_entries').insert(
          written.map((after) => ({
            user_id: ctx.user.id,
            action: 'create',
            resource: def.name,
            record_id: after.id as number,
            changes: JSON.stringify(diff(auditedFields(def), undefined, after)),
            ...(ctx.source ? { source: ctx.source } : {}),
          })),
        );
        return written;
      })
      .catch(() => undefined);
    if (!inserted) for (const r of rows) await single(r.i);
    else rows.forEach((r, k) => (results[r.i] = visibleRecord(def, inserted[k]!, ctx.user.role)));
  };
  for (let i = 0; i < bodies.length; i++) {
    if (def.beforeWrite || def.afterWrite) {
      await single(i);
      continue;
    }
    try {
      const { data, links } = parseBody(def, bodies[i], 'create');
      if (Object.keys(links).length) {
        await single(i);
        continue;
      }
      await validateRecord(def, ctx, data);
      batch.push({ i, data });
    } catch (err) {
      results[i] = refused(translateDbError(err, [...columns(def), ...Object.keys(def.derived ?? {})]));
    }
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return results;
}

const IN_SCOPE = '__in_write_scope';

/**
 * The one read of a write: the row, locked, with its derived and linked values, and whether the role's row rule
 * (in SQL) allows writing it.
 */
async function lockForWrite(
  trx: Knex.Transaction,
  def: ResourceDef,
  user: SessionUser,
  id: number,
): Promise<Row> {
  const select: (string | Knex.Raw)[] = [`${def.name}.*`, ...derivedColumns(trx, def)];
  if (def.writeScope) {
    const allowed = trx(def.name).select('id').where(`${def.name}.id`, id);
    def.writeScope(allowed, user);
    select.push(trx.raw('exists (?) as ??', [allowed, IN_SCOPE]));
  }
  const row = (await trx(def.name).select(select).where(`${def.name}.id`, id).forUpdate().first()) as
    Row | undefined;
  if (!row) throw notFound();
  if (def.writeScope && !row[IN_SCOPE])
    throw forbidden('Diesen Eintrag dürfen Sie nicht ändern oder löschen.');
  delete row[IN_SCOPE];
  return row;
}

export async function updateRecord(ctx: Ctx, def: ResourceDef, id: number, body: unknown): Promise<Row> {
  requireWrite(def, ctx.user);
  const { data, links } = parseBody(def, body, 'update');
  const version = (body as Row).version;
  if (def.versioned) {
    if (version === undefined || version === null)
      throw new AppError(
        428,
        'version_required',
        'Die Versionsnummer ("version") des gelesenen Datensatzes fehlt.',
      );
    if (!Number.isSafeInteger(version))
      throw badRequest('Die Versionsnummer ("version") muss eine ganze Zahl sein.');
  }
  return inTransaction(ctx, def, async (trx) => {
    const tctx = { ...ctx, db: trx };
    const before = await lockForWrite(trx, def, ctx.user, id);
    if (def.versioned && before.version !== version)
      throw conflict(
        'Der Datensatz wurde zwischenzeitlich von jemand anderem geändert. Bitte laden Sie ihn neu; Ihre Eingaben bleiben erhalten.',
      );
    const existing = storedPart(def, before);
    const linked = Object.fromEntries(Object.keys(links).map((k) => [k, before[k] ?? []]));
    await validateRecord(def, tctx, { ...existing, ...linked, ...data, ...links }, before);
    const stored = def.beforeWrite ? await def.beforeWrite(tctx, data, existing) : data;
    const update = trx(def.name)
      .update({
        ...stored,
        updated_at: trx.fn.now(),
        ...(def.versioned ? { version: trx.raw('version + 1') } : {}),
      })
      .where('id', id)
      .returning(returningAll(trx, def, links));
    if (def.writeScope) def.writeScope(update, ctx.user);
    const [row] = (await update) as [Row];
    await syncLinks(trx, def, id, links);
    const after = { ...row, ...sortedLinks(links) };
    await def.afterWrite?.(tctx, after, before);
    await writeAudit(
      trx,
      ctx.user,
      'update',
      def.name,
      id,
      diff(auditedFields(def), before, after),
      ctx.source,
    );
    return visibleRecord(def, after, ctx.user.role);
  });
}

export async function deleteRecord(ctx: Ctx, def: ResourceDef, id: number, version?: number): Promise<Row> {
  requireWrite(def, ctx.user);
  return inTransaction(ctx, def, async (trx) => {
    const before = await lockForWrite(trx, def, ctx.user, id);
    if (def.versioned && version !== undefined && before.version !== version)
      throw conflict(
        'Der Datensatz wurde zwischenzeitlich von jemand anderem geändert und daher nicht gelöscht. Bitte laden Sie ihn neu.',
      );
    await def.beforeDelete?.({ ...ctx, db: trx }, before);
    const del = trx(def.name).where('id', id).delete();
    if (def.writeScope) def.writeScope(del, ctx.user);
    await del;
    await writeAudit(trx, ctx.user, 'delete', def.name, id, diff(auditedFields(def), before, undefined));
    // react-admin needs the deleted record back, as the role would have read it.
    return visibleRecord(def, before, ctx.user.role);
  });
}
