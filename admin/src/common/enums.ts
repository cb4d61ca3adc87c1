import { declarations, declaredFields } from './declarations';

/** A catalogue name of an enumeration (labels: app.enums.<name>.<value>), e.g. 'tranche_status'. */
export type EnumName = string;
type EnumValue = string | number;

/** The values of an enum field; an int field with an enumName (target picture 1–3) takes its whole range. */
function valuesOf(field: {
  enumValues?: readonly string[];
  min?: number;
  max?: number;
}): readonly EnumValue[] {
  if (field.enumValues) return field.enumValues;
  const { min = 0, max = -1 } = field;
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

const enums: Record<EnumName, readonly EnumValue[]> = {};
const enumFields: Record<string, Record<string, EnumName>> = {};
for (const decl of Object.values(declarations)) {
  for (const [source, field] of Object.entries(declaredFields(decl))) {
    if (field.kind !== 'enum' && !field.enumName) continue;
    const name = field.enumName ?? source;
    (enumFields[decl.name] ??= {})[source] = name;
    enums[name] ??= valuesOf(field);
  }
}

/** The enumerations of the API declarations under their catalogue names. */
export const ENUMS: Readonly<Record<EnumName, readonly EnumValue[]>> = enums;

/** Which field of which resource holds which enumeration: EnumField, EnumInput and the CSV export look it up. */
export const ENUM_FIELDS: Readonly<Record<string, Readonly<Record<string, EnumName>>>> = enumFields;

export function enumOf(resource: string | undefined, source: string): EnumName {
  const name = resource ? ENUM_FIELDS[resource]?.[source] : undefined;
  if (!name) throw new Error(`No enumeration declared for ${resource}.${source}`);
  return name;
}

export const enumLabelKey = (name: EnumName, value: unknown) => `app.enums.${name}.${String(value)}`;

/** Choices for a SelectInput; react-admin translates the names. */
export const enumChoices = (name: EnumName) =>
  (ENUMS[name] ?? []).map((value) => ({ id: value, name: enumLabelKey(name, value) }));
