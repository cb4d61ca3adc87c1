import express, { Router } from 'express';
import supertest from 'supertest';
import { loadConfig } from '../../api/config';
import { requireRole } from '../../api/http/requireRole';
import { openApiDocument } from '../../api/openapi';
import { extraModules as mounted } from '../../api/features';
import type { ExtraModule } from '../../api/features/feature';

// The list createApp mounts from; a test adds a module of its own for one app and takes it out again.
const extraModules = mounted as ExtraModule[];
import { calendarTokenFeed } from '../../api/features/calendar/calendar';
import { testApp, type TestApp } from '../support/app';

/**
 * The routes beside the generic resources (reports, dashboard, calendar) sit behind the sign-in check: without a
 * session every one answers 401, even one that forgets its own role check. The secret calendar URL is the one
 * declared exception.
 */

type Method = 'get' | 'post' | 'put' | 'delete';

/** An anonymous request; writes carry JSON, as the same-origin check demands before the session is looked at. */
const anonymous = (method: Method, path: string) => {
  const req = t.anonymous()[method](path);
  return method === 'get' || method === 'delete' ? req : req.send({});
};

/** A route that "forgets" its check, as a new module might. */
const probe: ExtraModule = {
  router() {
    const r = Router();
    r.get('/probe/forgotten', (_req, res) => {
      res.json({ secret: 'öffentlich?' });
    });
    return r;
  },
  paths: {},
};

let t: TestApp;
beforeAll(async () => {
  extraModules.push(probe);
  t = await testApp();
});
afterAll(async () => {
  extraModules.splice(extraModules.indexOf(probe), 1);
  await t?.close();
});

/** Every route of every extra module, from the routers themselves: [method, path with sample values]. */
function routerRoutes(): [Method, string][] {
  return extraModules.flatMap((m) => {
    const router = m.router(t.db, loadConfig({})) as unknown as {
      stack: { route?: { path: string | RegExp; methods: Record<string, boolean> } }[];
    };
    return router.stack.flatMap((layer) => {
      const route = layer.route;
      if (!route) return [];
      const path = typeof route.path === 'string' ? route.path.replace(/:[a-z_]+/gi, '1') : undefined;
      if (!path) throw new Error(`extra route with a pattern path: ${String(route.path)}`);
      return Object.keys(route.methods).map(
        (method) => [method as Method, `/api${path}`] as [Method, string],
      );
    });
  });
}

/** Every operation the OpenAPI document lists for the extra modules (without the probe). */
function documentedRoutes(): [Method, string, boolean][] {
  const doc = openApiDocument() as { paths: Record<string, Record<string, { security?: unknown[] }>> };
  const paths = Object.assign({}, ...extraModules.map((m) => m.paths)) as Record<string, unknown>;
  return Object.keys(paths).flatMap((path) =>
    Object.entries(doc.paths[path]!)
      .filter(([method]) => ['get', 'post', 'put', 'delete'].includes(method))
      .map(
        ([method, op]) =>
          [
            method as Method,
            `/api${path.replace(/\{[a-z_]+\}/gi, '1')}`,
            Array.isArray(op.security) && op.security.length === 0,
          ] as [Method, string, boolean],
      ),
  );
}

describe('extra routes without a session', () => {
  it('every route of every extra module answers 401', async () => {
    const routes = routerRoutes();
    expect(routes.length).toBeGreaterThan(15);
    expect(routes).toContainEqual(['get', '/api/probe/forgotten']);

    const answers = await Promise.all(
      routes.map(async ([method, path]) => [method, path, (await anonymous(method, path)).status] as const),
    );

    expect(answers.filter(([, , status]) => status !== 401)).toEqual([]);
  });

  it('every documented extra operation answers 401, except the calendar token feed (declared security: [])', async () => {
    const routes = documentedRoutes();
    const open = routes.filter(([, , isPublic]) => isPublic).map(([method, path]) => `${method} ${path}`);
    expect(open).toEqual(['get /api/calendar/1.ics']);

    const answers = await Promise.all(
      routes
        .filter(([, , isPublic]) => !isPublic)
        .map(async ([method, path]) => [method, path, (await anonymous(method, path)).status] as const),
    );

    expect(answers.length).toBeGreaterThanOrEqual(15);
    expect(answers.filter(([, , status]) => status !== 401)).toEqual([]);
  });

  it('the token feed is reachable without a session (an unknown token is a 404, not a 401)', async () => {
    const res = await t.anonymous().get(`/api/calendar/${'B'.repeat(43)}.ics`);

    expect(res.status).toBe(404);
    expect(res.body.message).toMatch(/Kalender-Link/);
  });

  it('the token feed router serves nothing but the feed', () => {
    const stack = (calendarTokenFeed(t.db) as unknown as { stack: { route?: { methods: object } }[] }).stack;

    expect(stack.map((l) => Object.keys(l.route?.methods ?? {}))).toEqual([['get']]);
  });

  it('a route that forgets its check is not public, and works when signed in', async () => {
    expect((await t.anonymous().get('/api/probe/forgotten')).status).toBe(401);
    expect((await (await t.as('viewer')).get('/api/probe/forgotten')).status).toBe(200);
  });
});

describe('requireRole', () => {
  const app = (user?: { role: string }) => {
    const a = express();
    a.use((_req, res, next) => {
      if (user)
        res.locals.user = {
          id: 1,
          email: 'x@example.org',
          name: 'X',
          municipality_ids: [],
          ...user,
        } as never;
      next();
    });
    a.get('/x', requireRole('cdo', 'funding'), (_req, res) => {
      res.json({ ok: true });
    });
    a.use(
      (
        err: { status?: number },
        _req: express.Request,
        res: express.Response,
        _next: express.NextFunction,
      ) => {
        res.status(err.status ?? 500).end();
      },
    );
    return supertest(a);
  };

  it('answers 401 without a user, 403 for another role, and passes the named roles', async () => {
    expect((await app().get('/x')).status).toBe(401);
    expect((await app({ role: 'guide' }).get('/x')).status).toBe(403);
    expect((await app({ role: 'funding' }).get('/x')).status).toBe(200);
  });

  it.each([
    ['guide', '/api/deadlines', 403],
    ['guide', '/api/reports/funding?grant_id=1', 403],
    ['guide', '/api/reports/receipts?grant_id=1', 403],
    ['guide', '/api/tranches/usage?grant_id=1', 403],
    ['viewer', '/api/deadlines', 200],
    ['guide', '/api/milestones/trend', 200],
    ['funding', '/api/dashboard', 200],
  ] as const)('%s GET %s → %i', async (role, path, status) => {
    expect((await (await t.as(role)).get(path)).status).toBe(status);
  });
});
