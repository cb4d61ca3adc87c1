import type { Knex } from 'knex';
import type { Role } from '../domain';
import type { FieldErrors } from '../errors';
import type { Field } from './fields';

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
}

export type Row = Record<string, unknown>;

/** A field computed in SQL (correlated subquery on the resource's table) or kept in a link table. */
export interface DerivedField extends Field {
  sql?: string;
  link?: { table: string; self: string; other: string };
}

export interface ResourceDef {
  /** One name everywhere: table, URL segment, admin resource. */
  name: string;
  /** Stored, writable or read-only columns (besides id, created_at, updated_at, version). */
  fields: Record<string, Field>;
  /** Computed or linked fields, read-only unless they are links. */
  derived?: Record<string, DerivedField>;
  /** `fts`: the table's stored `search` tsvector (GIN-indexed, see the migrations); `ilike`: columns searched by substring. */
  search?: { fts?: true; ilike?: string[] };
  defaultSort: [string, 'ASC' | 'DESC'];
  versioned?: boolean;
  access: { read: readonly Role[]; write: readonly Role[] };
  /** Row rule for updates and deletes, applied inside the SQL statement. */
  writeScope?: (qb: Knex.QueryBuilder, user: SessionUser) => void;
  /** Row rule for creates (e.g. a guide only for her municipalities); throws Forbidden. */
  checkCreate?: (ctx: Ctx, data: Row) => Promise<void> | void;
  /** Cross-field validation on the merged record. */
  validate?: (
    record: Row,
    ctx: Ctx,
    before?: Row,
  ) => Promise<FieldErrors | undefined> | FieldErrors | undefined;
  /** Turns validated input into stored columns (e.g. hashing a password); may add server-owned values. */
  beforeWrite?: (ctx: Ctx, data: Row, before?: Row) => Promise<Row> | Row;
  afterWrite?: (ctx: Ctx, after: Row, before?: Row) => Promise<void> | void;
  /** Runs in the delete's transaction with the locked row; throws to refuse the delete. */
  beforeDelete?: (ctx: Ctx, existing: Row) => Promise<void> | void;
  /** Fields accepted only on writes and never stored as a column (e.g. a new password). */
  inputOnly?: Record<string, Field>;
  description?: string;
}

export const SYSTEM_FIELDS = ['id', 'created_at', 'updated_at', 'version'] as const;

export function defineResource(def: ResourceDef): ResourceDef {
  return { versioned: true, ...def };
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
