import type { Knex } from 'knex';
import type { Role } from '../domain';
import type { FieldErrors } from '../errors';
import type { Field, ResourceFields } from './fields';

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  municipality_ids: number[];
}

export interface Ctx {
  db: Knex | Knex.Transaction;
  user: SessionUser;
  /** Written into the audit entries of this write (e.g. "Import: massnahmen.xlsx"); none for form edits. */
  source?: string;
}

export type Row = Record<string, unknown>;

/** A field computed in SQL (correlated subquery on the resource's table) or kept in a link table. */
export interface DerivedField extends Field {
  sql?: string;
  link?: { table: string; self: string; other: string };
}

/**
 * A resource served by the generic routes (api/rest/router.ts): its plain declaration (`<resource>.fields.ts`) plus
 * the SQL of its derived fields and its hooks. A write runs, all inside one transaction that also writes its audit
 * row (api/rest/audit.ts), so any throw rolls everything back:
 * body parsing against `fields` → (update, delete) the row read and locked, `writeScope` checked → `validate`
 * → `beforeWrite` → the INSERT / UPDATE / DELETE with `.returning` → link rows → `afterWrite` → audit row.
 */
export interface ResourceDef extends Omit<ResourceFields, 'derived'> {
  /** Computed or linked fields, read-only unless they are links. */
  derived?: Record<string, DerivedField>;
  /** Row rule for reads (lists, counts, single records), applied inside the SQL statement. */
  readScope?: (qb: Knex.QueryBuilder, user: SessionUser) => void;
  /** Reshapes a row for the reading role after it is read (e.g. the audit log drops fields the role may not see). */
  present?: (row: Row, role: Role) => Row;
  /** Row rule for updates and deletes, applied inside the SQL statement (403 when the row lies outside it). */
  writeScope?: (qb: Knex.QueryBuilder, user: SessionUser) => void;
  /** Cross-field validation on the merged record (stored values, links, then the input); `before` on updates. */
  validate?: (
    record: Row,
    ctx: Ctx,
    before?: Row,
  ) => Promise<FieldErrors | undefined> | FieldErrors | undefined;
  /**
   * Turns validated input into stored columns (e.g. hashing a password); may add server-owned values, and may
   * throw Forbidden for row rules on creates (a guide writes contacts only for her municipalities).
   */
  beforeWrite?: (ctx: Ctx, data: Row, before?: Row) => Promise<Row> | Row;
  /** Side effects in the same transaction (e.g. a milestone's forecast row), with the written row and its links. */
  afterWrite?: (ctx: Ctx, after: Row, before?: Row) => Promise<void> | void;
  /** Runs in the delete's transaction with the locked row; throws to refuse the delete. */
  beforeDelete?: (ctx: Ctx, existing: Row) => Promise<void> | void;
}

export const SYSTEM_FIELDS = ['id', 'created_at', 'updated_at', 'version'] as const;

export function defineResource(def: ResourceDef): ResourceDef {
  return { versioned: true, updatable: true, ...def };
}

export function canRead(def: ResourceDef, role: Role): boolean {
  return def.access.read.includes(role);
}

export function canWrite(def: ResourceDef, role: Role): boolean {
  return def.access.write.includes(role);
}

export function isVisible(field: Field, role: Role): boolean {
  return !field.writeOnly && (!field.readRoles || field.readRoles.includes(role));
}

/** Every field a role may see: stored, derived and linked. */
export function visibleFields(def: ResourceDef, role: Role): Record<string, Field | DerivedField> {
  const all: Record<string, Field | DerivedField> = { ...def.fields, ...def.derived };
  return Object.fromEntries(Object.entries(all).filter(([, f]) => isVisible(f, role)));
}
