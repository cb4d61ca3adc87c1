import type { NextFunction, Request, Response } from 'express';
import type { Config } from '../../config';
import { forbidden } from '../../errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Two routes take files. The spreadsheet import takes the file itself as the body: a cross-site form can only send
 * the three "simple" types without a CORS preflight (which this API never grants), so any other type is as safe as
 * JSON there. The document upload is multipart: a form from another site can send multipart/form-data, but never
 * with a custom header, and the X-Requested-With header it must carry forces a CORS preflight.
 */
const IMPORT_PATH = /^\/imports\/[a-z_]+$/;
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const isImport = (req: Request): boolean =>
  IMPORT_PATH.test(req.path) && !!req.get('content-type') && !req.is(FORM_TYPES);
const isDocumentUpload = (req: Request): boolean =>
  req.path === '/documents' &&
  Boolean(req.is('multipart/form-data')) &&
  req.get('x-requested-with') === 'XMLHttpRequest';
const isUpload = (req: Request): boolean => req.method === 'POST' && (isImport(req) || isDocumentUpload(req));

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
