import type { RaRecord, ResourceDefinition } from 'react-admin';
import { declarations, declaredFields } from './declarations';

/** Fields that hold ids of another resource (single or array), for exports and labels: the declarations' refs. */
export const REFERENCE_FIELDS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.values(declarations).flatMap((decl) =>
    Object.entries(declaredFields(decl)).flatMap(([name, field]) =>
      field.references ? [[name, field.references] as const] : [],
    ),
  ),
);

/** A record's representation as plain text (the resources' recordRepresentation functions return strings). */
export function representationText(definition: ResourceDefinition | undefined, record: RaRecord): string {
  const representation = definition?.recordRepresentation;
  if (typeof representation === 'function') return String(representation(record));
  if (typeof representation === 'string') return String(record[representation] ?? record.id);
  return `#${record.id}`;
}
