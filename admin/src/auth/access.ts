import type { Role } from '../../../api/domain';
import { ACCESS } from '../../../api/features/access';

/** Which row of the API's role matrix (api/features/access.ts) governs each resource. */
const GROUP_OF = {
  municipalities: 'reference',
  fields_of_action: 'reference',
  measures: 'portfolio',
  measure_municipalities: 'portfolio',
  milestones: 'portfolio',
  milestone_forecasts: 'portfolio',
  partners: 'portfolio',
  measure_partners: 'portfolio',
  grants: 'funding',
  grant_years: 'funding',
  tranches: 'funding',
  expenditures: 'funding',
  transfers: 'funding',
  contacts: 'contacts',
  contact_measures: 'contacts',
  users: 'users',
  guide_municipalities: 'users',
  status_reports: 'statusReports',
  audit_entries: 'audit',
} as const satisfies Record<string, keyof typeof ACCESS>;

export type ResourceName = keyof typeof GROUP_OF;

/** Every resource of the API, in menu order. */
export const RESOURCE_NAMES = Object.keys(GROUP_OF) as ResourceName[];
export type AccessMode = 'read' | 'write';

export function can(role: Role | undefined, resource: string, mode: AccessMode): boolean {
  const group = GROUP_OF[resource as ResourceName];
  if (!role || !group) return false;
  return (ACCESS[group][mode] as readonly Role[]).includes(role);
}

/** Roles that may read a resource: for menu entries of pages that show its data. */
export const readersOf = (resource: ResourceName): readonly Role[] => ACCESS[GROUP_OF[resource]].read;

const WRITE_ACTIONS = new Set(['create', 'edit', 'delete', 'clone']);

export interface AccessUser {
  id: number;
  role: Role;
}

/**
 * react-admin's `canAccess` (hides buttons, guards pages): the role matrix, plus the guide's row rule
 * for contacts (she changes or deletes only what she wrote; the API enforces the same).
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
  return true;
}
