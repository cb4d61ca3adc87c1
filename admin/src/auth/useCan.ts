import { usePermissions } from 'react-admin';
import type { Role } from '../../../api/domain';
import { can, type AccessMode, type ResourceName } from './access';

/** The signed-in user's role (undefined while loading). */
export function useRole(): Role | undefined {
  return usePermissions<Role>().permissions;
}

/** Whether the signed-in user may read or write a resource, for showing tabs, columns and menu entries. */
export function useCan(resource: ResourceName, mode: AccessMode = 'read'): boolean {
  return can(useRole(), resource, mode);
}
