import { declarations, type ResourceName } from '../../../api/features/declarations';
import type { Field, ResourceFields } from '../../../api/rest/fields';

export { declarations, type ResourceName };

/** Every resource of the API, in menu order (the declarations' order). */
export const RESOURCE_NAMES = Object.keys(declarations) as ResourceName[];

export const declarationOf = (resource: string): ResourceFields | undefined =>
  (declarations as Record<string, ResourceFields>)[resource];

/** A resource's declared fields: stored, derived and input-only, by name. */
export const declaredFields = (resource: ResourceFields): Record<string, Field> => ({
  ...resource.fields,
  ...resource.derived,
  ...resource.inputOnly,
});

/** The declared field of a resource; throws for an undeclared one, so a renamed field fails loudly. */
export function fieldOf(resource: string, name: string): Field {
  const decl = declarationOf(resource);
  const field = decl && declaredFields(decl)[name];
  if (!field) throw new Error(`No field ${resource}.${name} declared`);
  return field;
}
