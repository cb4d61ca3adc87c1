import type { Role } from '../../../api/domain';
import { declarationOf, declarations, type ResourceName } from '../common/declarations';

export { RESOURCE_NAMES, type ResourceName } from '../common/declarations';
export type AccessMode = 'read' | 'write';

export function can(role: Role | undefined, resource: string, mode: AccessMode): boolean {
  const access = declarationOf(resource)?.access;
  if (!role || !access) return false;
  return access[mode].includes(role);
}

/** Roles that may read a resource: for menu entries of pages that show its data. */
export const readersOf = (resource: ResourceName): readonly Role[] => declarations[resource].access.read;

const WRITE_ACTIONS = new Set(['create', 'edit', 'delete', 'clone']);

export interface AccessUser {
  id: number;
  role: Role;
}

/**
 * react-admin's `canAccess` (hides buttons, guards pages): the role matrix, plus the guide's row rule
 * for contacts (she changes or deletes only what she wrote) and the owner's right to indicator values; the API
 * enforces the same.
 */
export function canAccessRecord(
  user: AccessUser,
  resource: string,
  action: string,
  record?: Record<string, unknown>,
): boolean {
  const write = WRITE_ACTIONS.has(action);
  if (!can(user.role, resource, write ? 'write' : 'read')) return false;
  if (write && action !== 'create' && resource === 'contacts' && user.role === 'guide' && record)
    return record.author_id === user.id;
  // Indicator values: besides cdo and steering only the owner of the indicator's measure.
  if (write && resource === 'indicator_values' && !can(user.role, 'indicators', 'write'))
    return record?.measure_owner_id === user.id;
  return true;
}
