import type { NextFunction, Request, Response } from 'express';
import { currentUser } from '../features/auth/session';
import type { Role } from '../domain';
import { forbidden } from '../errors';

/** Lets a signed-in user with one of the roles through: no session answers 401, another role 403. */
export function requireRole(...roles: readonly Role[]) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (!roles.includes(currentUser(req).role)) throw forbidden();
    next();
  };
}
