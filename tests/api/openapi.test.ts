import { resources } from '../../api/features';
import { testApp, type TestApp } from '../support/app';

/** The OpenAPI document is generated from the same declarations that validate: every resource, every field. */

type Json = Record<string, unknown>;

let t: TestApp;
let doc: Json;

beforeAll(async () => {
  t = await testApp({ seed: false });
  doc = (await t.anonymous().get('/api/openapi.json')).body as Json;
});
afterAll(async () => t?.close());

const paths = () => doc.paths as Record<string, Record<string, unknown>>;
const schemas = () =>
  (doc.components as { schemas: Record<string, { properties: Json; required?: string[] }> }).schemas;

describe('GET /api/openapi.json', () => {
  it('answers an OpenAPI 3 document', async () => {
    const res = await t.anonymous().get('/api/openapi.json');

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(res.body.info.title).toEqual(expect.any(String));
  });

  it.each(resources.map((r) => [r.name, r] as const))('has list and item paths for %s', (name, def) => {
    expect(Object.keys(paths()[`/${name}`] ?? {})).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(paths()[`/${name}/{id}`] ?? {})).toEqual(
      expect.arrayContaining(def.updatable ? ['get', 'put', 'delete'] : ['get', 'delete']),
    );
  });

  it.each(['measure_municipalities', 'guide_municipalities', 'contact_measures', 'milestone_forecasts'])(
    'declares %s create/delete only: no PUT, and the list says so',
    (name) => {
      expect(paths()[`/${name}/{id}`]).not.toHaveProperty('put');
      expect((paths()[`/${name}`]!.get as { description: string }).description).toContain(
        'Nur Anlegen und Löschen',
      );
    },
  );

  it.each(['/auth/login', '/auth/logout', '/auth/me', '/auth/password', '/health'])(
    'has the path %s',
    (path) => {
      expect(paths()[path]).toBeDefined();
    },
  );

  it.each(resources.map((r) => [r.name, r] as const))(
    'has a component schema for %s with every declared field',
    (name, def) => {
      const schema = schemas()[name];
      const declared = [
        'id',
        'created_at',
        'updated_at',
        ...Object.keys(def.fields),
        ...Object.keys(def.derived ?? {}),
        ...Object.keys(def.inputOnly ?? {}),
      ];
      if (def.versioned) declared.push('version');

      expect(Object.keys(schema?.properties ?? {}).sort()).toEqual(declared.sort());
    },
  );

  it.each(resources.map((r) => [r.name, r] as const))('marks the required fields of %s', (name, def) => {
    const required = Object.entries(def.fields)
      .filter(([, f]) => f.required)
      .map(([k]) => k);

    expect(schemas()[name]?.required ?? []).toEqual(expect.arrayContaining(required));
  });

  it('describes enums, dates and read-only fields as the validation does', () => {
    const measures = schemas().measures!.properties as Record<string, Json>;

    expect(JSON.stringify(measures.status)).toContain('implementation');
    expect(measures.start_date).toMatchObject({ format: 'date' });
    expect(measures.spent_cents).toMatchObject({ readOnly: true });
    expect(measures.id).toMatchObject({ readOnly: true });
  });

  it('marks the password of users write-only', () => {
    expect(schemas().users!.properties.password).toMatchObject({ writeOnly: true });
    expect(schemas().users!.properties).not.toHaveProperty('password_hash');
  });

  it('every $ref points to a defined schema', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1]!,
    );

    expect(refs.length).toBeGreaterThan(0);
    for (const ref of new Set(refs)) expect(schemas()[ref]).toBeDefined();
  });
});

describe('GET /api/docs', () => {
  it('answers an HTML page that loads the document', async () => {
    const res = await t.anonymous().get('/api/docs');

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('swagger-ui');
  });

  it('serves the Swagger UI assets it links', async () => {
    const res = await t.anonymous().get('/api/docs/assets/swagger-ui-bundle.js');

    expect(res.status).toBe(200);
  });
});
