import type { Request } from 'express';
import { currentUser } from '../../auth/session';
import { forbidden } from '../../errors';
import type { SessionUser } from '../../rest/resource';

/** The signed-in CDO, or 401/403: privacy requests and backups are the CDO's alone. */
export function requireCdo(req: Request): SessionUser {
  const user = currentUser(req);
  if (user.role !== 'cdo') throw forbidden();
  return user;
}
