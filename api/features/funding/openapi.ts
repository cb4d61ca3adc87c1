/** OpenAPI pieces shared by the funding modules (funding report, deadlines, receipt list). */

const errorRef = { $ref: '#/components/schemas/Error' };
const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorRef } },
});

export const errorResponses = {
  400: errorResponse('Ungültige Parameter'),
  401: errorResponse('Nicht angemeldet'),
  403: errorResponse('Keine Berechtigung'),
  404: errorResponse('Bescheid nicht gefunden'),
};

export const okJson = (description: string) => ({
  description,
  content: { 'application/json': { schema: { type: 'object' } } },
});

export const fileResponse = (type: string) => ({
  description: 'Datei zum Herunterladen (Content-Disposition: attachment)',
  content: { [type]: { schema: { type: 'string', format: 'binary' } } },
});

export const grantParam = {
  name: 'grant_id',
  in: 'query',
  required: true,
  description: 'Zuwendungsbescheid',
  schema: { type: 'integer', minimum: 1 },
};

export const yearParam = {
  name: 'fiscal_year',
  in: 'query',
  required: false,
  description: 'Haushaltsjahr; ohne Angabe alle Jahre',
  schema: { type: 'integer', minimum: 2000, maximum: 2100 },
};

export const READERS_NOTE = 'Lesen: cdo, steering, funding, viewer';
