import type { Role } from '../domain';

/**
 * Field descriptors: plain data, readable by the server and the browser alike (no zod, knex or Node here). The
 * server builds each field's validation from its descriptor (./validation.ts).
 */

/** The kinds a declared field can have; they decide validation, filter operators and the OpenAPI type. */
export type FieldKind =
  'text' | 'int' | 'number' | 'money' | 'date' | 'bool' | 'enum' | 'ref' | 'json' | 'timestamp' | 'ids';

export interface Field {
  kind: FieldKind;
  nullable: boolean;
  /** Must be present (and not null) on create. */
  required: boolean;
  filter: boolean;
  sort: boolean;
  /** Accepted in a body and ignored: server-owned. */
  readOnly: boolean;
  /** Text: the longest value (characters, after trimming). */
  maxLength?: number;
  /** Int and number: the range, inclusive; money: `min` is set (to minus the largest amount) when it may be negative. */
  min?: number;
  max?: number;
  /** Text with a fixed shape instead of free text. */
  format?: 'email' | 'colour' | 'password';
  enumValues?: readonly string[];
  /**
   * The enumeration's catalogue name (admin labels `app.enums.<name>.<value>`) where it differs from the field
   * name; also marks an int field whose values are labelled like an enumeration (e.g. a target picture 1–3).
   */
  enumName?: string;
  /** The resource a ref field (or an ids link) points to. */
  references?: string;
  /** Roles that may see the field (and filter or sort on it); default: everyone who may read the resource. */
  readRoles?: readonly Role[];
  /** Hidden fields are never selected, returned or audited (e.g. password hashes). */
  writeOnly?: boolean;
  description?: string;
}

type Opts = Partial<
  Pick<
    Field,
    'filter' | 'sort' | 'readOnly' | 'readRoles' | 'writeOnly' | 'description' | 'format' | 'enumName'
  >
> & {
  required?: boolean;
  nullable?: boolean;
};

function field(kind: FieldKind, opts: Opts, extra: Partial<Field> = {}): Field {
  const f: Field = {
    kind,
    nullable: opts.nullable ?? !opts.required,
    required: opts.required ?? false,
    filter: opts.filter ?? false,
    sort: opts.sort ?? false,
    readOnly: opts.readOnly ?? false,
    ...extra,
  };
  if (opts.format) f.format = opts.format;
  if (opts.readRoles) f.readRoles = opts.readRoles;
  if (opts.writeOnly) f.writeOnly = opts.writeOnly;
  if (opts.description) f.description = opts.description;
  if (opts.enumName) f.enumName = opts.enumName;
  return f;
}

export const text = (maxLength: number, opts: Opts = {}): Field => field('text', opts, { maxLength });

export const int = (min: number, max: number, opts: Opts = {}): Field => field('int', opts, { min, max });

export const num = (min: number, max: number, opts: Opts = {}): Field => field('number', opts, { min, max });

/**
 * Whole cents, never negative; `signed` allows negative amounts too (an expenditure's credit note, which lowers
 * the spending it is booked on).
 */
export const money = ({ signed, ...opts }: Opts & { signed?: true } = {}): Field =>
  field('money', opts, signed ? { min: -MAX_MONEY_CENTS } : {});

export const date = (opts: Opts = {}): Field => field('date', opts);

export const bool = (opts: Opts = {}): Field => field('bool', opts);

export const enumOf = (values: readonly [string, ...string[]], opts: Opts = {}): Field =>
  field('enum', opts, { enumValues: values });

export const ref = (resource: string, opts: Opts = {}): Field => field('ref', opts, { references: resource });

export const timestamp = (opts: Opts = {}): Field => field('timestamp', { ...opts, readOnly: true });

export const json = (opts: Opts = {}): Field => field('json', opts);

/** Ids of linked records kept in a link table (e.g. a measure's municipality_ids). */
export const ids = (resource: string, opts: Opts = {}): Field =>
  field('ids', { ...opts, nullable: false }, { references: resource });

/** A calendar date 'YYYY-MM-DD' that exists (no 30 February), between 1900 and 2200. */
export const isRealDate = (v: string): boolean => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return (
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    y >= 1900 &&
    y <= 2200
  );
};

/**
 * The largest amount a money field takes: 10^13 cents = 100 Mrd. €. Far above any real amount, and far enough
 * below 2^53 that sums of up to 900 such amounts (as JavaScript numbers from bigint columns) stay exact.
 */
export const MAX_MONEY_CENTS = 10_000_000_000_000;

/** The plain part of a resource declaration (`<resource>.fields.ts`): everything the browser may read too. */
export interface ResourceFields {
  /** One name everywhere: table, URL segment, admin resource. */
  name: string;
  description?: string;
  /** Stored, writable or read-only columns (besides id, created_at, updated_at, version). */
  fields: Record<string, Field>;
  /** Computed or linked fields, kinds only (read-only unless they are links); their SQL is the server's. */
  derived?: Record<string, Field>;
  /** Fields accepted only on writes and never stored as a column (e.g. a new password). */
  inputOnly?: Record<string, Field>;
  /** `fts`: the table's stored `search` tsvector (GIN-indexed, see the migrations); `ilike`: columns searched by substring. */
  search?: { fts?: true; ilike?: string[] };
  defaultSort: [string, 'ASC' | 'DESC'];
  versioned?: boolean;
  /** False for link rows that are only created and deleted: PUT answers 405. */
  updatable?: boolean;
  /** The role group (api/features/access.ts) that may read and write. */
  access: { readonly read: readonly Role[]; readonly write: readonly Role[] };
}
