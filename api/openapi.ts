import path from 'node:path';
import express, { Router } from 'express';
import { z } from 'zod';
import { extraModules, resources } from './features';
import type { Field } from './rest/fields';
import type { ResourceDef } from './rest/resource';
import { schemaOf } from './rest/validation';

type Json = Record<string, unknown>;

function fieldSchema(f: Field): Json {
  const schema = z.toJSONSchema(schemaOf(f), {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
  }) as Json;
  delete schema.$schema;
  if (f.kind === 'date') Object.assign(schema, { format: 'date' });
  if (f.readOnly) schema.readOnly = true;
  if (f.writeOnly) schema.writeOnly = true;
  if (f.description) schema.description = f.description;
  return schema;
}

function recordSchema(def: ResourceDef): Json {
  const properties: Json = {
    id: { type: 'integer', readOnly: true },
    created_at: { type: 'string', format: 'date-time', readOnly: true },
    updated_at: { type: 'string', format: 'date-time', readOnly: true },
  };
  if (def.versioned)
    properties.version = { type: 'integer', description: 'Gelesene Version; Pflicht bei PUT' };
  for (const [k, f] of Object.entries({ ...def.fields, ...def.inputOnly })) properties[k] = fieldSchema(f);
  for (const [k, f] of Object.entries(def.derived ?? {}))
    properties[k] = { ...fieldSchema(f), readOnly: !f.link };
  const required = Object.entries({ ...def.fields, ...def.inputOnly })
    .filter(([, f]) => f.required)
    .map(([k]) => k);
  return { type: 'object', properties, required };
}

const errorRef = { $ref: '#/components/schemas/Error' };
const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorRef } },
});
const jsonParam = (name: string, description: string) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema: { type: 'string' },
});

function resourcePaths(def: ResourceDef): Json {
  const ref = { $ref: `#/components/schemas/${def.name}` };
  const body = { required: true, content: { 'application/json': { schema: ref } } };
  const one = { description: 'Der Datensatz', content: { 'application/json': { schema: ref } } };
  const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };
  const readRoles = `Lesen: ${def.access.read.join(', ')}`;
  const writeRoles = `Schreiben: ${def.access.write.join(', ') || 'niemand'}`;
  const errors = {
    400: errorResponse('Ungültige Anfrage'),
    401: errorResponse('Nicht angemeldet'),
    403: errorResponse('Keine Berechtigung'),
  };
  const filterable = Object.entries({ ...def.fields, ...def.derived })
    .filter(([, f]) => f.filter)
    .map(([k]) => k);
  const sortable = Object.entries({ ...def.fields, ...def.derived })
    .filter(([, f]) => f.sort)
    .map(([k]) => k);
  const createDeleteOnly = def.updatable
    ? ''
    : '\n\nNur Anlegen und Löschen: ein Eintrag wird nie geändert (PUT antwortet 405); zum Ändern löschen und neu anlegen.';
  const put = {
    tags: [def.name],
    summary: `Ändern (mit gelesener version). ${writeRoles}`,
    requestBody: body,
    responses: {
      200: one,
      404: errorResponse('Nicht gefunden'),
      409: errorResponse('Veraltete Version'),
      428: errorResponse('Version fehlt'),
      ...errors,
    },
  };
  return {
    [`/${def.name}`]: {
      get: {
        tags: [def.name],
        summary: `Liste (getList, getMany, getManyReference). ${readRoles}`,
        description: `${def.description ?? ''}${createDeleteOnly}\n\nFilterbar: id, ${filterable.join(', ')}${def.search ? `, q (${def.search.fts ? 'Volltext' : 'Teilwörter'}; mehrere Wörter: jedes muss vorkommen)` : ''}; dazu <feld>_gte, <feld>_lte, <feld>_null.\nSortierbar: id, ${sortable.join(', ')}.`,
        parameters: [
          jsonParam('filter', 'JSON-Objekt, z. B. {"status":"planning"}'),
          jsonParam('sort', 'JSON ["feld","ASC"|"DESC"]'),
          jsonParam('range', 'JSON [start, ende], beide inklusive, höchstens 1000 Zeilen'),
        ],
        responses: {
          200: {
            description: 'Die Datensätze; Gesamtzahl im Header Content-Range',
            headers: {
              'Content-Range': { schema: { type: 'string' } },
              'X-Total-Count': { schema: { type: 'integer' } },
            },
            content: { 'application/json': { schema: { type: 'array', items: ref } } },
          },
          ...errors,
        },
      },
      post: {
        tags: [def.name],
        summary: `Anlegen. ${writeRoles}${def.updatable ? '' : ' (nicht änderbar: zum Ändern löschen und neu anlegen)'}`,
        requestBody: body,
        responses: { 201: one, ...errors },
      },
    },
    [`/${def.name}/{id}`]: {
      parameters: [idParam],
      get: {
        tags: [def.name],
        summary: `Ein Datensatz. ${readRoles}`,
        responses: { 200: one, 404: errorResponse('Nicht gefunden'), ...errors },
      },
      ...(def.updatable ? { put } : {}),
      delete: {
        tags: [def.name],
        summary: `Löschen; antwortet mit dem gelöschten Datensatz. ${writeRoles}`,
        parameters: [
          {
            name: 'If-Match',
            in: 'header',
            required: false,
            description:
              'Versionsnummer des gelesenen Datensatzes ("3"): Wurde er seitdem geändert, wird nicht gelöscht (409).',
            schema: { type: 'string' },
          },
        ],
        responses: {
          200: one,
          404: errorResponse('Nicht gefunden'),
          409: errorResponse('Noch verwendet oder inzwischen geändert'),
          ...errors,
        },
      },
    },
  };
}

const authPaths: Json = {
  '/auth/login': {
    post: {
      tags: ['auth'],
      summary: 'Anmelden; setzt das Sitzungs-Cookie',
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['email', 'password'],
              properties: { email: { type: 'string' }, password: { type: 'string' } },
            },
          },
        },
      },
      responses: {
        200: { description: 'Angemeldet' },
        401: errorResponse('Falsche Angaben'),
        429: errorResponse('Zu viele Versuche'),
      },
    },
  },
  '/auth/logout': {
    post: { tags: ['auth'], summary: 'Abmelden', responses: { 200: { description: 'Abgemeldet' } } },
  },
  '/auth/me': {
    get: {
      tags: ['auth'],
      summary: 'Angemeldete Person: id, email, name, role, municipality_ids',
      responses: { 200: { description: 'Person' }, 401: errorResponse('Nicht angemeldet') },
    },
  },
  '/auth/password': {
    post: {
      tags: ['auth'],
      summary: 'Eigenes Passwort ändern (current_password, new_password)',
      responses: { 200: { description: 'Geändert' }, 400: errorResponse('Ungültig') },
    },
  },
  '/auth/config': {
    get: {
      tags: ['auth'],
      summary:
        'Für die Anmeldeseite: ob Passwörter gelten (password_login) und die SSO-Schaltfläche (oidc.label)',
      security: [],
      responses: { 200: { description: 'Anmeldearten' } },
    },
  },
  '/auth/oidc/login': {
    get: {
      tags: ['auth'],
      summary: 'Anmeldung mit dem Dienstkonto (OpenID Connect, Code-Flow mit PKCE): 302 zum Anmeldedienst',
      security: [],
      responses: { 302: { description: 'Weiter zum Anmeldedienst (oder zur Anmeldeseite mit sso_error)' } },
    },
  },
  '/auth/oidc/callback': {
    get: {
      tags: ['auth'],
      summary:
        'Rückkehr vom Anmeldedienst: prüft state, nonce und die bestätigte E-Mail; 302 zum Cockpit oder zur Anmeldeseite mit sso_error',
      security: [],
      responses: { 302: { description: 'Angemeldet (zum Cockpit) oder abgelehnt (zur Anmeldeseite)' } },
    },
  },
  '/auth/mfa': {
    get: {
      tags: ['auth'],
      summary: 'Stand des zweiten Faktors: totp, recovery_codes_left, setup_required, sso',
      responses: { 200: { description: 'Stand' }, 401: errorResponse('Nicht angemeldet') },
    },
    post: {
      tags: ['auth'],
      summary:
        'Zweiter Schritt der Anmeldung: { code } (TOTP oder Wiederherstellungscode); setzt das Sitzungs-Cookie',
      security: [],
      responses: {
        200: { description: 'Angemeldet' },
        401: errorResponse('Code falsch oder Anmeldung abgelaufen'),
        429: errorResponse('Zu viele Versuche'),
      },
    },
  },
  '/auth/mfa/totp': {
    post: {
      tags: ['auth'],
      summary: 'TOTP einrichten: antwortet { secret, otpauth_url, qr_svg }',
      responses: { 200: { description: 'Neues Geheimnis' }, 409: errorResponse('Schon eingerichtet') },
    },
    delete: {
      tags: ['auth'],
      summary: 'TOTP entfernen ({ password })',
      responses: { 200: { description: 'Entfernt' }, 400: errorResponse('Passwort falsch') },
    },
  },
  '/auth/mfa/totp/confirm': {
    post: {
      tags: ['auth'],
      summary:
        'TOTP mit dem ersten Code ({ code }) einschalten; antwortet mit { recovery_codes } (einmalig sichtbar)',
      responses: { 200: { description: 'Eingeschaltet' }, 400: errorResponse('Code falsch') },
    },
  },
  '/auth/mfa/recovery_codes': {
    post: {
      tags: ['auth'],
      summary: 'Neue Wiederherstellungscodes ({ code }); die alten werden ungültig',
      responses: { 200: { description: 'Neue Codes' }, 401: errorResponse('Code falsch') },
    },
  },
  '/auth/sessions': {
    get: {
      tags: ['auth'],
      summary:
        'Eigene angemeldete Geräte: [{ handle, created_at, last_seen_at, method, device, current }], zuletzt genutzte zuerst',
      responses: { 200: { description: 'Sitzungen' }, 401: errorResponse('Nicht angemeldet') },
    },
  },
  '/auth/sessions/others': {
    delete: {
      tags: ['auth'],
      summary: 'Alle eigenen Sitzungen außer der aktuellen beenden (protokolliert); antwortet { ended }',
      responses: { 200: { description: 'Beendet' }, 401: errorResponse('Nicht angemeldet') },
    },
  },
  '/auth/sessions/{handle}': {
    delete: {
      tags: ['auth'],
      summary: 'Eine andere eigene Sitzung beenden (protokolliert); die aktuelle endet mit /auth/logout',
      parameters: [
        { name: 'handle', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
      ],
      responses: {
        200: { description: 'Beendet' },
        404: errorResponse('Keine eigene Sitzung'),
        409: errorResponse('Die aktuelle Sitzung'),
      },
    },
  },
  '/health': {
    get: {
      tags: ['system'],
      summary: 'Zustand von API und Datenbank',
      responses: { 200: { description: 'ok' }, 503: { description: 'Datenbank nicht erreichbar' } },
    },
  },
};

export function openApiDocument(): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'MYK10 Steuerungscockpit API',
      version: '1.0.0',
      description: 'ra-data-simple-rest-Protokoll; alle Beträge in Cent, Daten als JJJJ-MM-TT.',
    },
    servers: [{ url: '/api' }],
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'myk10_sid' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['message'],
          properties: {
            message: { type: 'string' },
            code: { type: 'string' },
            errors: { type: 'object', additionalProperties: { type: 'string' } },
          },
        },
        ...Object.fromEntries(resources.map((d) => [d.name, recordSchema(d)])),
      },
    },
    security: [{ session: [] }],
    paths: {
      ...authPaths,
      ...Object.assign({}, ...resources.map(resourcePaths)),
      ...Object.assign({}, ...extraModules.map((m) => m.paths)),
    },
  };
}

const DOCS_HTML = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>MYK10 API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head><body><div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script><script src="/api/docs/init.js"></script></body></html>`;

export function openApiRouter(): Router {
  const router = Router();
  let document: Json | undefined;
  router.get('/openapi.json', (_req, res) => {
    document ??= openApiDocument();
    res.json(document);
  });
  router.get('/docs', (_req, res) => {
    res.type('html').send(DOCS_HTML);
  });
  router.get('/docs/init.js', (_req, res) => {
    res.type('js').send("window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui' });");
  });
  router.use('/docs/assets', express.static(path.dirname(require.resolve('swagger-ui-dist/package.json'))));
  return router;
}
