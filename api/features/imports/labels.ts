import { de } from '../../../admin/src/i18n/de';
import type { Field } from '../../rest/fields';

/**
 * Column headers and enumeration labels of the import: the admin's German catalogue itself, so a template, an
 * export and the form on screen name a field the same way.
 */
type Catalogue = Record<string, Record<string, Record<string, string>>>;
const resourcesCatalogue = de.resources as unknown as Record<
  string,
  { name: string; fields: Record<string, string> }
>;
const enumsCatalogue = (de.app as unknown as Catalogue).enums!;

/** The German label of a field ("Kennung"), the field name where the catalogue has none. */
export const fieldLabel = (resource: string, field: string): string =>
  resourcesCatalogue[resource]?.fields[field] ?? field;

/** The plural German name of a resource ("Maßnahmen"). */
export const resourceLabel = (resource: string): string => {
  const name = resourcesCatalogue[resource]?.name ?? resource;
  return name.split('||||').pop()!.trim();
};

/** The enumeration's values with their German labels, in declaration order; undefined for other fields. */
export function enumLabels(field: string, f: Field): [value: string | number, label: string][] | undefined {
  if (f.kind !== 'enum' && !f.enumName) return undefined;
  const catalogue = enumsCatalogue[f.enumName ?? field] ?? {};
  const values: (string | number)[] = f.enumValues
    ? [...f.enumValues]
    : Array.from({ length: f.max! - f.min! + 1 }, (_, i) => f.min! + i);
  return values.map((v) => [v, catalogue[String(v)] ?? String(v)]);
}

export const YES = 'ja';
export const NO = 'nein';
