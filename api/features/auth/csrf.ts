import type { NextFunction, Request, Response } from 'express';
import type { Config } from '../../config';
import { forbidden } from '../../errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one multipart route (document upload, #17). A form from another site can send multipart/form-data, but never
 * with a custom header: the X-Requested-With header it must carry forces a CORS preflight, which no other site passes.
 */
const MULTIPART_POSTS = new Set(['/documents']);
const isUpload = (req: Request): boolean =>
  req.method === 'POST' &&
  MULTIPART_POSTS.has(req.path) &&
  Boolean(req.is('multipart/form-data')) &&
  req.get('x-requested-with') === 'XMLHttpRequest';

/**
 * State-changing requests must come from the dashboard's own origin, and carry JSON when they have a body:
 * a form or text/plain POST from another site is refused before anything runs.
 */
export function sameOriginWrites(config: Config) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (SAFE_METHODS.has(req.method)) return next();
    const site = req.get('sec-fetch-site');
    if (site === 'cross-site' || site === 'same-site')
      throw forbidden('Anfragen von fremden Seiten werden abgelehnt.');
    const origin = req.get('origin');
    const own = config.publicOrigin ?? `${req.protocol}://${req.get('host')}`;
    if (origin && origin !== own) throw forbidden('Anfragen von fremden Seiten werden abgelehnt.');
    if (req.method !== 'DELETE' && !req.is('application/json') && !isUpload(req))
      throw forbidden('Änderungen werden nur als JSON (Content-Type: application/json) angenommen.');
    next();
  };
}
