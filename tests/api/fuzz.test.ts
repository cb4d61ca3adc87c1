import fc from 'fast-check';
import { resources } from '../../api/features';
import type { ResourceDef } from '../../api/rest/resource';
import { testApp, type Agent, type TestApp } from '../support/app';
import { dbChecksum } from '../support/checksum';
import { createBody, type Body } from '../support/fixtures';

/**
 * Property tests: random list parameters and random request bodies against every resource, as the CDO (who
 * may do the most). Whatever comes in, the answer is never a 5xx, and a write answered with a 4xx changes nothing.
 * FUZZ_SEED=<n> replays a reported failure; FUZZ_RUNS scales the runs.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 1);
const LIST_RUNS = Math.round(30 * RUNS);
const WRITE_RUNS = Math.round(20 * RUNS);
const seed = process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {};

const JUNK_KEYS = [
  'nope',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'id;--',
  'password_hash',
  'password',
  '',
  ' ',
  'x_gte',
  'id_null',
  'version',
  'created_at',
];

const SPECIAL_VALUES = [
  '2026-02-30',
  '2026-03-01',
  '0000-00-00',
  '2026-03-01T00:00:00Z',
  '+275760-09-13',
  '+275760-09-13T00:00:00Z',
  '-271821-04-20T00:00:00Z',
  '2026-01-01T00:00:00+99:00',
  '4714-11-24 00:00:00 BC',
  'infinity',
  'epoch',
  -1,
  0,
  1,
  2 ** 31,
  2 ** 53,
  -(2 ** 63),
  1e308,
  0.5,
  '',
  ' ',
  '\u0000',
  "' OR 1=1 --",
  '%',
  '_',
  '\\',
  'null',
  '[]',
  'ä'.repeat(300),
  'x'.repeat(6000),
  true,
  false,
  null,
  [],
  {},
  [1, 2],
  { $ne: null },
];

/** Lone surrogates replaced, so that any generated string can be put into a URL. */
const wellFormed = (s: string) =>
  s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

const valueArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...SPECIAL_VALUES),
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer(),
  fc.double(),
);

/** Keys a resource declares, their range/null variants, and junk. */
function keyArb(def: ResourceDef): fc.Arbitrary<string> {
  const declared = [
    'id',
    ...Object.keys(def.fields),
    ...Object.keys(def.derived ?? {}),
    ...Object.keys(def.inputOnly ?? {}),
  ];
  const variants = declared.flatMap((k) => [`${k}_gte`, `${k}_lte`, `${k}_null`]);
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...declared) },
    { weight: 2, arbitrary: fc.constantFrom(...variants, 'q') },
    { weight: 1, arbitrary: fc.constantFrom(...JUNK_KEYS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );
}

/** A query parameter: usually JSON of a plausible shape, sometimes anything at all, sometimes absent. */
const param = (plausible: fc.Arbitrary<unknown>): fc.Arbitrary<string | undefined> =>
  fc.oneof(
    { weight: 6, arbitrary: plausible.map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
    { weight: 2, arbitrary: fc.constant(undefined) },
  );

function listQueryArb(def: ResourceDef): fc.Arbitrary<string> {
  const filter = fc.dictionary(keyArb(def), valueArb, { maxKeys: 4 });
  const sort = fc.tuple(keyArb(def), fc.constantFrom('ASC', 'DESC', 'asc', 'desc', 'SIDEWAYS', ''));
  const range = fc.tuple(fc.integer({ min: -5, max: 3000 }), fc.integer({ min: -5, max: 3000 }));
  return fc.record({ filter: param(filter), sort: param(sort), range: param(range) }).map((p) =>
    Object.entries(p)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${encodeURIComponent(wellFormed(v!))}`)
      .join('&'),
  );
}

/** A valid body with some fields replaced by random values, some removed and maybe a junk field added. */
function mutationArb(def: ResourceDef) {
  return fc.record({
    set: fc.dictionary(keyArb(def), valueArb, { maxKeys: 3 }),
    drop: fc.subarray(Object.keys(def.fields), { maxLength: 2 }),
  });
}

function mutate(body: Body, { set, drop }: { set: Record<string, unknown>; drop: string[] }): Body {
  const out: Body = { ...body };
  for (const k of drop) delete out[k];
  for (const [k, v] of Object.entries(set))
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

let t: TestApp;
let cdo: Agent;
let viewer: Agent;

beforeAll(async () => {
  t = await testApp();
  cdo = await t.as('cdo');
  // Signed in before the login fuzz, whose failed attempts from this address would throttle a later sign-in.
  viewer = await t.as('viewer');
});
afterAll(async () => t?.close());

/** Instants anywhere in JavaScript's range, written the ISO way or with odd zones, and PostgreSQL's specials. */
const instantArb: fc.Arbitrary<string> = fc.oneof(
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc
    .tuple(
      fc.date({ noInvalidDate: true }),
      fc.constantFrom('Z', '+00:00', '-15:59', '+16:00', '+99:99', '+0530', '', ' BC'),
    )
    .map(([d, zone]) => d.toISOString().replace(/\.\d{3}Z$/, zone)),
  fc
    .tuple(
      fc.integer({ min: -300_000, max: 300_000 }),
      fc.integer({ min: 0, max: 99 }),
      fc.integer({ min: 0, max: 99 }),
    )
    .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T00:00:00Z`),
  fc.constantFrom('infinity', '-infinity', 'epoch', 'now', 'today', 'allballs', '0001-01-01T00:00:00Z'),
);

describe.each(resources.map((def) => [def.name, def] as const))('timestamp filters on %s', (name, def) => {
  const keys = [
    'created_at',
    'updated_at',
    ...Object.entries(def.fields)
      .filter(([, f]) => f.kind === 'timestamp')
      .map(([k]) => k),
  ].flatMap((k) => [k, `${k}_gte`, `${k}_lte`]);

  it('answer 200 or a 400 naming the filter for any instant, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...keys), instantArb, async (key, value) => {
        const res = await cdo.get(
          `/api/${name}?filter=${encodeURIComponent(JSON.stringify({ [key]: value }))}`,
        );

        expect([200, 400]).toContain(res.status);
        if (res.status === 400) expect(res.body.message).toContain(key);
      }),
      { numRuns: LIST_RUNS, ...seed },
    );
  });
});

describe.each(resources.map((def) => [def.name, def] as const))('random requests on %s', (name, def) => {
  it('GET with random filter, sort and range never answers 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(listQueryArb(def), async (query) => {
        const res = await cdo.get(`/api/${name}?${query}`);

        expect(res.status).toBeLessThan(500);
        if (res.status === 200) {
          expect(Array.isArray(res.body)).toBe(true);
          expect(res.headers['content-range']).toMatch(new RegExp(`^${name} (\\d+-\\d+|\\*)/\\d+$`));
        } else expect(typeof res.body.message).toBe('string');
      }),
      { numRuns: LIST_RUNS, ...seed },
    );
  });

  it('GET /:id with a random id segment never answers 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 15 })), async (id) => {
        const res = await cdo.get(`/api/${name}/${encodeURIComponent(wellFormed(String(id)))}`);

        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: Math.round(LIST_RUNS / 3), ...seed },
    );
  });

  if (def.access.write.length === 0) return;

  it('POST with a randomly broken body never answers 5xx, and a 4xx changes nothing', async () => {
    // Only these requests change the database, so each run's "after" is the next run's "before".
    let state = await dbChecksum(t.db);
    await fc.assert(
      fc.asyncProperty(mutationArb(def), async (m) => {
        const body = mutate(await createBody(t.db, name), m);
        const before = state;

        const res = await cdo.post(`/api/${name}`).send(body);

        state = await dbChecksum(t.db);
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) expect(state).toEqual(before);
        else expect(typeof res.body.id).toBe('number');
      }),
      { numRuns: WRITE_RUNS, ...seed },
    );
  });

  it('PUT with a randomly broken record never answers 5xx, and a 4xx changes nothing', async () => {
    const target = await cdo.post(`/api/${name}`).send(await createBody(t.db, name));
    expect(target.status).toBe(201);

    // The record as last answered, as react-admin's edit form would hold it; the checksum as last taken.
    let current = target.body as Body;
    let state = await dbChecksum(t.db);
    await fc.assert(
      fc.asyncProperty(mutationArb(def), async (m) => {
        const before = state;

        const res = await cdo.put(`/api/${name}/${target.body.id}`).send(mutate(current, m));

        state = await dbChecksum(t.db);
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) expect(state).toEqual(before);
        else current = res.body as Body;
      }),
      { numRuns: WRITE_RUNS, ...seed },
    );
  });
});

/** Text as people and attackers send it: any Unicode, control characters and NUL included, or not text at all. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 20 }).map((s) => `${s}\u0000@x.de`),
  fc.anything({ maxDepth: 2 }),
);

describe('random requests on the sign-in routes', () => {
  it('POST /api/auth/login with any body never answers 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(anyValue, anyValue, async (email, password) => {
        const res = await t.anonymous().post('/api/auth/login').send({ email, password });
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: LIST_RUNS, ...seed, examples: [['a\u0000b@x.de', 'x']] },
    );
  });

  it('POST /api/auth/password with any body never answers 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(anyValue, anyValue, async (current, next) => {
        const res = await viewer
          .post('/api/auth/password')
          .send({ current_password: current, new_password: next });
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: LIST_RUNS, ...seed },
    );
  });

  it('any session cookie counts as no session, on the login and on a resource route', async () => {
    await fc.assert(
      // Header values are printable ASCII on the wire; broken percent-escapes are the interesting part.
      fc.asyncProperty(fc.stringMatching(/^[\x21-\x3a\x3c-\x7e%]{0,60}$/), async (raw) => {
        const cookie = `myk10_sid=${raw}`;
        const list = await t.anonymous().get('/api/measures').set('Cookie', cookie);
        const login = await t.anonymous().post('/api/auth/login').set('Cookie', cookie).send({});
        expect([401, 400]).toContain(list.status);
        expect(login.status).toBeLessThan(500);
      }),
      { numRuns: LIST_RUNS, ...seed, examples: [['%E0%A4%A']] },
    );
  });
});
