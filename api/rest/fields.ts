import { z } from 'zod';

/** The kinds a declared field can have; they decide validation, filter operators and the OpenAPI type. */
export type FieldKind =
  'text' | 'int' | 'number' | 'money' | 'date' | 'bool' | 'enum' | 'ref' | 'json' | 'timestamp' | 'ids';

export interface Field {
  kind: FieldKind;
  /** Validates one written value (already nullable when the column is). */
  schema: z.ZodType;
  nullable: boolean;
  /** Must be present (and not null) on create. */
  required: boolean;
  filter: boolean;
  sort: boolean;
  /** Accepted in a body and ignored: server-owned. */
  readOnly: boolean;
  enumValues?: readonly string[];
  /** The resource a ref field (or an ids link) points to. */
  references?: string;
  /** Roles that may see the field (and filter or sort on it); default: everyone who may read the resource. */
  readRoles?: readonly string[];
  /** Hidden fields are never selected, returned or audited (e.g. password hashes). */
  writeOnly?: boolean;
  description?: string;
}

type Opts = Partial<
  Pick<Field, 'filter' | 'sort' | 'readOnly' | 'readRoles' | 'writeOnly' | 'description'>
> & {
  required?: boolean;
  nullable?: boolean;
};

function field(kind: FieldKind, base: z.ZodType, opts: Opts, extra: Partial<Field> = {}): Field {
  const nullable = opts.nullable ?? !opts.required;
  return {
    kind,
    schema: nullable ? base.nullable() : base,
    nullable,
    required: opts.required ?? false,
    filter: opts.filter ?? false,
    sort: opts.sort ?? false,
    readOnly: opts.readOnly ?? false,
    readRoles: opts.readRoles,
    writeOnly: opts.writeOnly,
    description: opts.description,
    ...extra,
  };
}

const msg = (key: string) => ({ error: () => key });

/** Ids are PostgreSQL integers (increments()); a larger reference can only be a wrong one. */
const MAX_ID = 2_147_483_647;

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

export const dateSchema = z
  .string(msg('Ungültiges Datum (erwartet JJJJ-MM-TT)'))
  .refine(isRealDate, msg('Ungültiges Datum (erwartet JJJJ-MM-TT)'));

export const text = (max: number, opts: Opts = {}): Field =>
  field(
    'text',
    z
      .string(msg('Bitte einen Text eingeben'))
      .trim()
      .min(opts.required ? 1 : 0, msg('Pflichtfeld'))
      .max(max, { error: () => `Höchstens ${max} Zeichen` })
      // PostgreSQL text cannot hold NUL; refused here, at the field, instead of failing in the database.
      .refine((v) => !v.includes('\u0000'), msg('Der Text enthält ein unzulässiges Steuerzeichen')),
    opts,
  );

export const int = (min: number, max: number, opts: Opts = {}): Field =>
  field(
    'int',
    z
      .number(msg('Bitte eine ganze Zahl eingeben'))
      .int(msg('Bitte eine ganze Zahl eingeben'))
      .min(min, { error: () => `Mindestens ${min}` })
      .max(max, { error: () => `Höchstens ${max}` }),
    opts,
  );

export const num = (min: number, max: number, opts: Opts = {}): Field =>
  field(
    'number',
    z
      .number(msg('Bitte eine Zahl eingeben'))
      .min(min, { error: () => `Mindestens ${min}` })
      .max(max, { error: () => `Höchstens ${max}` }),
    opts,
  );

/**
 * The largest amount a money field takes: 10^13 cents = 100 Mrd. €. Far above any real amount, and far enough
 * below 2^53 that sums of up to 900 such amounts (as JavaScript numbers from bigint columns) stay exact.
 */
export const MAX_MONEY_CENTS = 10_000_000_000_000;

export const money = (opts: Opts = {}): Field =>
  field(
    'money',
    z
      .number(msg('Bitte eine ganze Zahl eingeben'))
      .int(msg('Bitte eine ganze Zahl eingeben'))
      .min(0, { error: () => 'Der Betrag darf nicht negativ sein' })
      .max(MAX_MONEY_CENTS, { error: () => 'Der Betrag darf höchstens 100.000.000.000,00 € betragen' }),
    opts,
  );

export const date = (opts: Opts = {}): Field => field('date', dateSchema, opts);

export const bool = (opts: Opts = {}): Field =>
  field('bool', z.boolean(msg('Bitte ja oder nein angeben')), opts);

export const enumOf = (values: readonly [string, ...string[]], opts: Opts = {}): Field =>
  field('enum', z.enum(values, msg('Dieser Wert ist nicht zulässig')), opts, { enumValues: values });

export const ref = (resource: string, opts: Opts = {}): Field =>
  field(
    'ref',
    z
      .number(msg('Bitte einen vorhandenen Datensatz wählen'))
      .int(msg('Bitte einen vorhandenen Datensatz wählen'))
      .positive(msg('Bitte einen vorhandenen Datensatz wählen'))
      .max(MAX_ID, msg('Bitte einen vorhandenen Datensatz wählen')),
    opts,
    { references: resource },
  );

export const timestamp = (opts: Opts = {}): Field =>
  field('timestamp', z.string(), { ...opts, readOnly: true });

export const json = (opts: Opts = {}): Field => field('json', z.unknown(), opts);

/** Ids of linked records kept in a link table (e.g. a measure's municipality_ids). */
export const ids = (resource: string, opts: Opts = {}): Field =>
  field(
    'ids',
    z
      .array(
        z.number(msg('Bitte einen vorhandenen Datensatz wählen')).int().positive().max(MAX_ID),
        msg('Bitte einen vorhandenen Datensatz wählen'),
      )
      .max(1000),
    { ...opts, nullable: false },
    { references: resource },
  );
