import { z } from 'zod';
import { MAX_ID } from '../domain';
import { isRealDate, MAX_MONEY_CENTS, type Field } from './fields';

const msg = (key: string) => ({ error: () => key });

const dateSchema = z
  .string(msg('Ungültiges Datum (erwartet JJJJ-MM-TT)'))
  .refine(isRealDate, msg('Ungültiges Datum (erwartet JJJJ-MM-TT)'));

const refMessage = msg('Bitte einen vorhandenen Datensatz wählen');

function textSchema(f: Field): z.ZodType {
  if (f.format === 'colour')
    return z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: () => 'Farbe als #RRGGBB angeben' });
  if (f.format === 'email') return z.email({ error: () => 'Ungültige E-Mail-Adresse' }).max(f.maxLength!);
  const max = f.maxLength!;
  if (f.format === 'password')
    return z.string(msg('Bitte einen Text eingeben')).max(max, { error: () => `Höchstens ${max} Zeichen` });
  return (
    z
      .string(msg('Bitte einen Text eingeben'))
      .trim()
      .min(f.required ? 1 : 0, msg('Pflichtfeld'))
      .max(max, { error: () => `Höchstens ${max} Zeichen` })
      // PostgreSQL text cannot hold NUL; refused here, at the field, instead of failing in the database.
      .refine((v) => !v.includes('\u0000'), msg('Der Text enthält ein unzulässiges Steuerzeichen'))
  );
}

function baseSchema(f: Field): z.ZodType {
  switch (f.kind) {
    case 'text':
      return textSchema(f);
    case 'int':
      return z
        .number(msg('Bitte eine ganze Zahl eingeben'))
        .int(msg('Bitte eine ganze Zahl eingeben'))
        .min(f.min!, { error: () => `Mindestens ${f.min}` })
        .max(f.max!, { error: () => `Höchstens ${f.max}` });
    case 'number':
      return z
        .number(msg('Bitte eine Zahl eingeben'))
        .min(f.min!, { error: () => `Mindestens ${f.min}` })
        .max(f.max!, { error: () => `Höchstens ${f.max}` });
    case 'money':
      return z
        .number(msg('Bitte eine ganze Zahl eingeben'))
        .int(msg('Bitte eine ganze Zahl eingeben'))
        .min(f.min ?? 0, {
          error: () =>
            f.min === undefined
              ? 'Der Betrag darf nicht negativ sein'
              : 'Der Betrag darf höchstens −100.000.000.000,00 € betragen',
        })
        .max(MAX_MONEY_CENTS, { error: () => 'Der Betrag darf höchstens 100.000.000.000,00 € betragen' });
    case 'date':
      return dateSchema;
    case 'bool':
      return z.boolean(msg('Bitte ja oder nein angeben'));
    case 'enum':
      return z.enum(f.enumValues as [string, ...string[]], msg('Dieser Wert ist nicht zulässig'));
    case 'ref':
      return z.number(refMessage).int(refMessage).positive(refMessage).max(MAX_ID, refMessage);
    case 'timestamp':
      return z.string();
    case 'json':
      return z.unknown();
    case 'ids':
      return z.array(z.number(refMessage).int().positive().max(MAX_ID), refMessage).max(1000);
  }
}

const cache = new WeakMap<Field, z.ZodType>();

/** The zod schema that validates one written value of a field (nullable when the column is). */
export function schemaOf(f: Field): z.ZodType {
  let schema = cache.get(f);
  if (!schema) {
    const base = baseSchema(f);
    schema = f.nullable ? base.nullable() : base;
    cache.set(f, schema);
  }
  return schema;
}
