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
import { getRow } from './query';
import { canWrite, SYSTEM_FIELDS, type Ctx, type ResourceDef, type Row, type SessionUser } from './resource';

interface Parsed {
  data: Row;
  links: Record<string, number[]>;
}

function firstIssue(field: Field, value: unknown): string | undefined {
  if (value === null && !field.nullable) return 'Pflichtfeld';
  const result = field.schema.safeParse(value);
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
    else if (derived?.link) links[key] = [...new Set(field.schema.parse(value) as number[])];
    else data[key] = field.schema.parse(value);
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
    await def.checkCreate?.(tctx, { ...data, ...links });
    await validateRecord(def, tctx, { ...data, ...links });
    const stored = def.beforeWrite ? await def.beforeWrite(tctx, data) : data;
    const [{ id }] = (await trx(def.name).insert(stored).returning('id')) as [{ id: number }];
    await syncLinks(trx, def, id, links);
    const after = (await getRow(trx, def, ctx.user.role, id))!;
    await def.afterWrite?.(tctx, { ...stored, ...after });
    await writeAudit(
      trx,
      ctx.user,
      'create',
      def.name,
      id,
      diff(auditedFields(def), undefined, { ...stored, ...after }),
    );
    return after;
  });
}

/** Loads the row for a write, locked, and checks the role's row rule in SQL. */
async function lockForWrite(
  trx: Knex.Transaction,
  def: ResourceDef,
  user: SessionUser,
  id: number,
): Promise<Row> {
  const existing = (await trx(def.name).select('*').where('id', id).forUpdate().first()) as Row | undefined;
  if (!existing) throw notFound();
  if (def.writeScope) {
    const allowed = trx(def.name).select('id').where(`${def.name}.id`, id);
    def.writeScope(allowed, user);
    if (!(await allowed.first())) throw forbidden('Diesen Eintrag dürfen Sie nicht ändern oder löschen.');
  }
  return existing;
}

function linkValues(row: Row | undefined, links: Parsed['links']): Row {
  return Object.fromEntries(Object.keys(links).map((k) => [k, row?.[k] ?? []]));
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
    const existing = await lockForWrite(trx, def, ctx.user, id);
    if (def.versioned && existing.version !== version)
      throw conflict(
        'Der Datensatz wurde zwischenzeitlich von jemand anderem geändert. Bitte laden Sie ihn neu; Ihre Eingaben bleiben erhalten.',
      );
    const beforeFull = { ...existing, ...(await getRow(trx, def, ctx.user.role, id)) };
    await validateRecord(
      def,
      tctx,
      { ...existing, ...linkValues(beforeFull, links), ...data, ...links },
      beforeFull,
    );
    const stored = def.beforeWrite ? await def.beforeWrite(tctx, data, existing) : data;
    const update = trx(def.name)
      .update({
        ...stored,
        updated_at: trx.fn.now(),
        ...(def.versioned ? { version: trx.raw('version + 1') } : {}),
      })
      .where('id', id);
    if (def.writeScope) def.writeScope(update, ctx.user);
    await update;
    await syncLinks(trx, def, id, links);
    const after = (await getRow(trx, def, ctx.user.role, id))!;
    const afterFull = { ...existing, ...stored, ...after };
    await def.afterWrite?.(tctx, afterFull, beforeFull);
    await writeAudit(trx, ctx.user, 'update', def.name, id, diff(auditedFields(def), beforeFull, afterFull));
    return after;
  });
}

export async function deleteRecord(ctx: Ctx, def: ResourceDef, id: number): Promise<Row> {
  requireWrite(def, ctx.user);
  return inTransaction(ctx, def, async (trx) => {
    const existing = await lockForWrite(trx, def, ctx.user, id);
    await def.beforeDelete?.({ ...ctx, db: trx }, existing);
    const full = { ...existing, ...(await getRow(trx, def, ctx.user.role, id)) };
    const del = trx(def.name).where('id', id).delete();
    if (def.writeScope) def.writeScope(del, ctx.user);
    await del;
    await writeAudit(trx, ctx.user, 'delete', def.name, id, diff(auditedFields(def), full, undefined));
    return (await getRowShape(def, full, ctx.user)) as Row;
  });
}

/** The deleted record as the role would have read it (react-admin needs it back). */
function getRowShape(def: ResourceDef, full: Row, user: SessionUser): Row {
  const visible = new Set([...SYSTEM_FIELDS, ...Object.keys(def.fields), ...Object.keys(def.derived ?? {})]);
  return Object.fromEntries(
    Object.entries(full).filter(([k]) => {
      const f = def.fields[k] ?? def.derived?.[k];
      return visible.has(k) && (!f || (!f.writeOnly && (!f.readRoles || f.readRoles.includes(user.role))));
    }),
  );
}
