import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { Knex } from 'knex';
import { OidcService } from './features/auth/oidc';
import { authRouter, loadSession, requireUser, sameOriginWrites, secondFactorGate } from './features/auth';
import type { Config } from './config';
import { AppError, errorSummary, translateDbError } from './errors';
import { firstSegment, onlyForItsSegments } from './http/segments';
import { createLogger, type Logger } from './logger';
import { openApiRouter } from './openapi';
import { extraModules, resources } from './features';
import { calendarTokenFeed } from './features/calendar/calendar';
import { metricsRoute, requestMetrics } from './features/metrics/routes';
import { resourceRouter } from './rest/router';

export interface AppDeps {
  db: Knex;
  config: Config;
  logger?: Logger;
  /** The OpenID provider, discovered by the caller; without one it is discovered here when OIDC_ISSUER is set. */
  oidc?: OidcService;
}

/** The provider of OIDC_ISSUER, its discovery started (the app does not wait for it; a sign-in does). */
export function startOidc(config: Config, logger?: Logger): OidcService | undefined {
  if (!config.oidc) return undefined;
  const oidc = new OidcService(config.oidc, logger);
  void oidc.discover();
  return oidc;
}

// Run from api/ (tsx, jest) or compiled into dist/server/api/ (npm start): the admin build lies at the root's dist/.
const ADMIN_DIST = path.resolve(__dirname, __filename.endsWith('.js') ? '../../admin' : '../dist/admin');

function healthRoute(db: Knex) {
  return async (_req: Request, res: Response) => {
    try {
      await db.raw('select 1');
      res.json({ status: 'ok', database: 'ok' });
    } catch {
      res
        .status(503)
        .json({ status: 'error', database: 'unavailable', message: 'Die Datenbank ist nicht erreichbar.' });
    }
  };
}

declare module 'http' {
  interface IncomingMessage {
    id: string;
  }
}

/** The path without query; a calendar feed's secret token is a credential and never reaches a log. */
const logPath = (url: string): string =>
  url.split('?')[0]!.replace(/\/calendar\/[^/]+\.ics$/, '/calendar/***.ics');

/**
 * One log line per request when it ends: id (also sent as X-Request-Id), method, path without the query (query
 * strings can carry search terms with personal data of contacts), status, time. Replaces pino-http, which built
 * a child logger per request: about 0.1–0.2 ms of CPU per request less (npm run bench).
 */
function accessLog(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = performance.now();
    req.id = crypto.randomUUID();
    res.setHeader('X-Request-Id', req.id);
    res.once('close', () => {
      const status = res.statusCode;
      logger[status >= 500 ? 'error' : 'info'](
        {
          req: { id: req.id, method: req.method, path: logPath(req.originalUrl) },
          res: { status },
          responseTime: Math.round(performance.now() - started),
        },
        res.writableFinished ? 'request completed' : 'request aborted',
      );
    });
    next();
  };
}

function errorHandler(logger: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    let error: AppError;
    // Every database error that input can cause becomes a 4xx here, in one place.
    err = translateDbError(err);
    const status = (err as { status?: number; type?: string }).status;
    if (err instanceof AppError) error = err;
    else if ((err as { type?: string }).type === 'entity.too.large')
      error = new AppError(413, 'too_large', 'Die Anfrage ist zu groß (höchstens 1 MB).');
    else if ((err as { type?: string }).type === 'entity.parse.failed')
      error = new AppError(400, 'bad_json', 'Der Inhalt der Anfrage ist kein gültiges JSON.');
    else if (status && status >= 400 && status < 500)
      error = new AppError(status, 'bad_request', 'Die Anfrage ist ungültig.');
    else {
      // Never the error itself: a database error carries the SQL text with its bound values (personal data).
      const route = req.route as { path?: unknown } | undefined;
      logger.error(
        {
          err: errorSummary(err),
          reqId: req.id,
          // The route's pattern (all routes with a pattern live under /api), else the path without the query.
          route: `${req.method} ${typeof route?.path === 'string' ? `/api${route.path}` : logPath(req.originalUrl)}`,
        },
        'unhandled error',
      );
      error = new AppError(
        500,
        'internal',
        'Ein interner Fehler ist aufgetreten. Bitte versuchen Sie es erneut.',
      );
    }
    if (error.headers) res.set(error.headers);
    res.status(error.status).json({
      message: error.message,
      code: error.code,
      ...(error.fieldErrors ? { errors: error.fieldErrors } : {}),
    });
  };
}

export function createApp({
  db,
  config,
  logger = createLogger(config.logLevel),
  oidc = startOidc(config, logger),
}: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // API answers are no-store: an ETag (a SHA-1 over every body) would never be used for revalidation.
  app.set('etag', false);
  app.set('trust proxy', config.trustProxy);
  app.set('query parser', 'simple');

  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          'font-src': ["'self'", 'data:'],
          'connect-src': ["'self'"],
          'frame-ancestors': ["'self'"],
          'object-src': ["'none'"],
          'base-uri': ["'self'"],
          'form-action': ["'self'"],
          'upgrade-insecure-requests': null,
        },
      },
      strictTransportSecurity: false,
    }),
  );
  app.use('/api', accessLog(logger));
  app.use(requestMetrics());
  app.get('/metrics', metricsRoute(db, config));

  const api = express.Router();
  api.use((_req, res, next) => {
    res.set('Access-Control-Expose-Headers', 'Content-Range, X-Total-Count, X-Request-Id');
    res.set('Cache-Control', 'no-store');
    next();
  });
  api.get('/health', healthRoute(db));
  api.use(express.json({ limit: '1mb' }));
  api.use(sameOriginWrites(config));
  api.use(loadSession(db, config));
  api.use(authRouter(db, config, oidc, logger));
  // A user who must set up her second factor first reaches only the sign-in routes above.
  api.use(secondFactorGate(config));
  api.use(openApiRouter());
  // The one route without a session: the secret calendar URL (the token is the credential).
  api.use(calendarTokenFeed(db));
  api.use(requireUser);
  // Behind the sign-in check: an extra route that forgets its role check is still not public.
  for (const m of extraModules) api.use(onlyForItsSegments(m.router(db, config)));
  // Straight to the named resource's router instead of trying every resource's routes in turn.
  const routers = new Map(resources.map((def) => [def.name, resourceRouter(db, def)]));
  api.use((req, res, next) => {
    const router = routers.get(firstSegment(req.path));
    if (router) router(req, res, next);
    else next();
  });
  api.use((req: Request) => {
    throw new AppError(404, 'not_found', `Unbekannte Adresse: ${req.method} /api${req.path}`);
  });
  app.use('/api', api);

  if (fs.existsSync(ADMIN_DIST)) {
    // Vite names each bundle after its content, so a browser may keep them for good; a name that is not there (an
    // old tab asking after an update) is a 404, not the start page with status 200.
    app.use(
      '/assets',
      express.static(path.join(ADMIN_DIST, 'assets'), { immutable: true, maxAge: '1y' }),
      () => {
        throw new AppError(404, 'not_found', 'Diese Datei der Oberfläche gibt es nicht (mehr).');
      },
    );
    app.use(express.static(ADMIN_DIST, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(path.join(ADMIN_DIST, 'index.html')));
  }
  app.use(errorHandler(logger));
  return app;
}
