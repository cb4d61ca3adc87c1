import crypto from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Knex } from 'knex';
import { collectDefaultMetrics, Counter, Gauge, Histogram } from 'prom-client';
import type { Config } from '../../config';
import { registry } from './registry';

collectDefaultMetrics({ register: registry, prefix: 'myk10_' });

const requests = new Counter({
  name: 'myk10_http_requests_total',
  help: 'API requests by method, route pattern and status code.',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [registry],
});
const latency = new Histogram({
  name: 'myk10_http_request_duration_seconds',
  help: 'API request latency by method and route pattern.',
  labelNames: ['method', 'route'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  max: number;
}

/** The pool of the most recently created app (one per process outside tests). */
let poolOf: Knex | undefined;
new Gauge({
  name: 'myk10_db_pool_connections',
  help: 'Database pool: connections in use, idle, requests waiting, and the maximum.',
  labelNames: ['state'] as const,
  registers: [registry],
  collect() {
    const p = (poolOf?.client as { pool?: TarnPool } | undefined)?.pool;
    if (!p) return;
    this.set({ state: 'used' }, p.numUsed());
    this.set({ state: 'free' }, p.numFree());
    this.set({ state: 'pending' }, p.numPendingAcquires());
    this.set({ state: 'max' }, p.max);
  },
});

/**
 * Counts and times every /api request under its route pattern ("/api/measures/:id"), never the raw URL: ids and
 * search terms would explode the number of series (and could carry personal data).
 */
export function requestMetrics() {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!req.originalUrl.startsWith('/api/')) return next();
    const end = latency.startTimer();
    res.once('finish', () => {
      const routePath = (req.route as { path?: unknown } | undefined)?.path;
      const route = typeof routePath === 'string' ? `/api${routePath}` : 'unmatched';
      end({ method: req.method, route });
      requests.inc({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

const sameToken = (a: string, b: string): boolean => {
  const [x, y] = [
    crypto.createHash('sha256').update(a).digest(),
    crypto.createHash('sha256').update(b).digest(),
  ];
  return crypto.timingSafeEqual(x, y);
};

/**
 * GET /metrics in the Prometheus text format. With METRICS_TOKEN set: only with `Authorization: Bearer <token>`
 * (401 otherwise, from anywhere). Without: only from loopback, and not through a proxy (a forwarded request would
 * arrive from loopback too).
 */
export function metricsRoute(db: Knex, config: Config) {
  poolOf = db;
  return async (req: Request, res: Response): Promise<void> => {
    res.set('Cache-Control', 'no-store');
    if (config.metricsToken) {
      const header = req.get('authorization') ?? '';
      const token = /^Bearer (.+)$/.exec(header)?.[1];
      if (!token || !sameToken(token, config.metricsToken)) {
        res.set('WWW-Authenticate', 'Bearer').status(401).type('text/plain').send('Unauthorized\n');
        return;
      }
    } else {
      const forwarded = req.get('x-forwarded-for') || req.get('forwarded');
      if (!LOOPBACK.has(req.socket.remoteAddress ?? '') || forwarded) {
        res
          .status(403)
          .type('text/plain')
          .send('Forbidden: /metrics only from loopback unless METRICS_TOKEN is set\n');
        return;
      }
    }
    res.type(registry.contentType).send(await registry.metrics());
  };
}
