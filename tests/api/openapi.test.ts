import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Ajv2020 from 'ajv/dist/2020';
import ts from 'typescript';
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

  it.each(['/auth/login', '/auth/logout', '/auth/me', '/auth/password', '/auth/sessions', '/health'])(
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

/** Every Schema Object of the document with where it stands: component schemas and each `schema` of a path. */
function schemaObjects(node: unknown, where = '#'): [string, Json][] {
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node as Json).flatMap(([key, value]): [string, Json][] => {
    const at = `${where}/${key}`;
    if (at === '#/components/schemas')
      return Object.entries(value as Json).map(([name, schema]) => [`${at}/${name}`, schema as Json]);
    if (key === 'schema' && value && typeof value === 'object') return [[at, value as Json]];
    return schemaObjects(value, at);
  });
}

/** Every key of a JSON value, nested ones too. */
function keysOf(node: unknown): string[] {
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node as Json).flatMap(([k, v]) => [k, ...keysOf(v)]);
}

describe('the document for OpenAPI 3.1 tools', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'myk10-openapi-'));
    fs.writeFileSync(path.join(dir, 'openapi.json'), JSON.stringify(doc));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /**
   * Runs an ES module script in a child Node with the document's folder as argument: swagger-parser and
   * openapi-typescript need ESM-only packages that jest's module system cannot load.
   */
  async function inNode(script: string): Promise<string> {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--input-type=module', '-e', script, dir],
      { cwd: path.resolve(__dirname, '../..') },
    );
    return stdout.trim();
  }

  it('is valid OpenAPI 3.1 for an independent validator (swagger-parser)', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const verdict = await inNode(`
      import fs from 'node:fs';
      import SwaggerParser from '@apidevtools/swagger-parser';
      const doc = JSON.parse(fs.readFileSync(process.argv[1] + '/openapi.json', 'utf8'));
      console.log(await SwaggerParser.validate(doc).then(() => 'valid', (e) => e.message));`);
    expect(verdict).toBe('valid');
  }, 120_000);

  it('writes every schema in JSON Schema 2020-12 forms', () => {
    const ajv = new Ajv2020({ strict: false });
    const schemas = schemaObjects(doc);
    expect(schemas.length).toBeGreaterThan(resources.length * 5);
    for (const [where, schema] of schemas) {
      const valid = ajv.validateSchema(schema) as boolean;
      expect([where, valid ? 'valid' : ajv.errorsText(ajv.errors)]).toEqual([where, 'valid']);
      expect(keysOf(schema)).not.toContain('nullable');
    }
  });

  it('gives a typed client (openapi-typescript) that the TypeScript compiler accepts', async () => {
    await inNode(`
      import fs from 'node:fs';
      import openapiTS, { astToString } from 'openapi-typescript';
      const dir = process.argv[1];
      const doc = JSON.parse(fs.readFileSync(dir + '/openapi.json', 'utf8'));
      fs.writeFileSync(dir + '/api.d.ts', astToString(await openapiTS(doc)));`);
    fs.writeFileSync(
      path.join(dir, 'usage.ts'),
      `import type { components, paths } from './api';

type Measure = components['schemas']['measures'];
type MeasureList = paths['/measures']['get']['responses'][200]['content']['application/json'];

export const titles = (list: MeasureList): string[] => list.map((m) => m.title);
export const budget = (m: Measure): number | null | undefined => m.budget_cents;
export const start = (m: Measure): string | null | undefined => m.start_date;
export const one: paths['/measures/{id}']['get']['parameters']['path']['id'] = 1;
export const filter: NonNullable<paths['/measures']['get']['parameters']['query']>['filter'] = '{}';
// @ts-expect-error the status is one of the declared values
export const status: Measure['status'] = 'unbekannt';
// @ts-expect-error a title is text
export const title: Measure['title'] = 1;
// @ts-expect-error an unknown path
export type Missing = paths['/nonexistent'];
`,
    );
    const program = ts.createProgram([path.join(dir, 'usage.ts')], {
      strict: true,
      noUncheckedIndexedAccess: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      types: [],
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
    expect(program.getSourceFile(path.join(dir, 'api.d.ts'))?.text).toContain('"/measures": {');
  }, 180_000);
});
