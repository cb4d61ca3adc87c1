import { Writable } from 'node:stream';
import { Router } from 'express';
import pino from 'pino';
import { createApp } from '../../api/app';
import { loadConfig } from '../../api/config';
import { AppError, translateDbError } from '../../api/errors';
import { extraModules as mounted } from '../../api/features';
import type { ExtraModule } from '../../api/features/feature';

// The list createApp mounts from; a test adds a module of its own for one app and takes it out again.
const extraModules = mounted as ExtraModule[];
import { DEMO_EMAIL, login } from '../support/app';
import { testDb, type TestDb } from '../support/db';

/**
 * An unexpected error is logged without personal data: SQLSTATE, constraint, error class, a message without
 * values, the route and the request id; never the SQL text or its bound values. And every database error that
 * input can cause (SQLSTATE classes 22, 23, 54) answers 4xx, translated in one place: the error handler.
 */

const lines: string[] = [];
const memory = new Writable({
  write(chunk: Buffer, _enc, done) {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    done();
  },
});

/** A route throwing a database error with the SQLSTATE given in the query, as a route without own translation. */
const thrower: ExtraModule = {
  router() {
    const r = Router();
    r.get('/probe/db-error', (req) => {
      throw Object.assign(new Error(`select 1 - failure for "geheim-4711"`), {
        code: String(req.query.code),
      });
    });
    return r;
  },
  paths: {},
};

let d: TestDb;
let app: ReturnType<typeof createApp>;
let cdo: Awaited<ReturnType<typeof login>>;
beforeAll(async () => {
  d = await testDb();
  extraModules.push(thrower);
  app = createApp({ db: d.db, config: loadConfig({}), logger: pino({ level: 'info' }, memory) });
  cdo = await login(app, DEMO_EMAIL.cdo);
  await d.db.raw(`create function test_fail() returns trigger language plpgsql as $$
    begin raise exception 'Testfehler beim Speichern' using errcode = 'P0001'; end $$`);
  await d.db.raw(
    'create trigger test_fail before insert on partners for each row execute function test_fail()',
  );
});
afterAll(async () => {
  extraModules.splice(extraModules.indexOf(thrower), 1);
  await d?.close();
});

describe('the log of a 500', () => {
  it('holds the SQLSTATE, route and request id, but neither the SQL nor the bound values', async () => {
    lines.length = 0;

    const res = await cdo.post('/api/partners').send({
      name: 'Geheimpartner 4711',
      sector: 'business',
      email: 'vertraulich.4711@example.org',
      city: 'Mayen',
    });

    expect(res.status).toBe(500);
    expect(res.body.message).not.toContain('Testfehler');
    const entry = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.msg === 'unhandled error');
    expect(entry).toMatchObject({
      reqId: res.headers['x-request-id'],
      route: 'POST /api/partners',
      err: { code: 'P0001', class: expect.any(String), message: 'Testfehler beim Speichern' },
    });
    const text = lines.join('\n');
    expect(text).not.toContain('4711');
    expect(text).not.toContain('vertraulich');
    expect(text).not.toMatch(/insert into/i);
  });
});

describe('database errors caused by input answer 4xx, translated in one place', () => {
  it.each([
    ['22009', 400], // invalid time zone displacement
    ['22008', 400], // datetime field overflow
    ['22007', 400],
    ['22003', 400],
    ['22P02', 400],
    ['2201B', 400], // invalid regular expression
    ['2201E', 400], // invalid argument for logarithm
    ['22012', 400], // division by zero
    ['54000', 400], // program limit exceeded
    ['54001', 400], // statement too complex
    ['23P01', 409], // exclusion violation
  ])('SQLSTATE %s → %i, even from a route that does not translate', async (code, status) => {
    lines.length = 0;

    const res = await cdo.get(`/api/probe/db-error?code=${code}`);

    expect(res.status).toBe(status);
    expect(res.body.message).not.toContain('geheim');
    expect(lines.some((l) => l.includes('unhandled error'))).toBe(false);
  });

  it('other errors stay 500 (and are logged without the quoted value)', async () => {
    lines.length = 0;

    const res = await cdo.get('/api/probe/db-error?code=42883');

    expect(res.status).toBe(500);
    expect(lines.join('\n')).toContain('42883');
    expect(lines.join('\n')).not.toContain('geheim-4711');
    expect(lines.join('\n')).not.toContain('select 1');
  });

  it('translateDbError maps classes 22, 23 and 54 to AppErrors', () => {
    for (const code of ['22009', '22023', '2200D', '23000', '54023'])
      expect(translateDbError(Object.assign(new Error('x'), { code }))).toBeInstanceOf(AppError);
    expect(translateDbError(Object.assign(new Error('x'), { code: '42P01' }))).not.toBeInstanceOf(AppError);
  });

  it('a timestamp filter far outside the PostgreSQL range is a 400 that names the filter', async () => {
    for (const at of ['+275760-09-13T00:00:00Z', '-271821-04-20T00:00:00Z', '2026-01-01T00:00:00+99:00', '1'])
      for (const key of ['at_gte', 'at_lte', 'at', 'created_at_gte']) {
        const res = await cdo.get(
          `/api/audit_entries?filter=${encodeURIComponent(JSON.stringify({ [key]: at }))}`,
        );
        expect([key, at, res.status]).toEqual([key, at, 400]);
        expect(res.body.message).toContain(key);
      }
  });
});
