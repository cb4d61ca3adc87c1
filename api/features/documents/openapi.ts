import { DOCUMENT_KINDS, DOCUMENT_PARENTS } from '../../domain';
import { errorResponses, fileResponse, okJson } from '../funding/openapi';

const RIGHTS = 'Rechte wie am Datensatz, an dem das Dokument hängt.';
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };
const errors = { ...errorResponses, 404: { ...errorResponses[404], description: 'Nicht gefunden' } };

/** OpenAPI paths of the documents routes (below /api). */
export const openApiPaths: Record<string, unknown> = {
  '/documents': {
    get: {
      tags: ['documents'],
      summary: `Dokumente als Liste (ra-data-simple-rest; Filter z. B. {"tranche_id": 3}), ohne Dateiinhalt. ${RIGHTS}`,
      responses: { 200: okJson('Die Dokumente, Content-Range mit der Gesamtzahl'), ...errors },
    },
    post: {
      tags: ['documents'],
      summary: `Dokument hochladen (multipart/form-data, Kopfzeile X-Requested-With). ${RIGHTS}`,
      description:
        'Erlaubt sind PDF, PNG, JPEG, DOCX, XLSX, ODT, ODS, MSG und EML, erkannt am Inhalt; sonst 415. Zu groß (DOCUMENT_MAX_MB): 413. Dieselbe Datei zweimal am selben Datensatz: 409.',
      requestBody: {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              required: ['file', 'resource', 'record_id'],
              properties: {
                file: { type: 'string', format: 'binary' },
                resource: { type: 'string', enum: Object.keys(DOCUMENT_PARENTS) },
                record_id: { type: 'integer', minimum: 1 },
                kind: { type: 'string', enum: [...DOCUMENT_KINDS] },
                title: { type: 'string', maxLength: 200 },
              },
            },
          },
        },
      },
      responses: {
        201: okJson('Das gespeicherte Dokument (ohne Inhalt)'),
        409: okJson('Dieselbe Datei hängt schon am Datensatz'),
        413: okJson('Datei zu groß'),
        415: okJson('Dateiformat nicht erlaubt'),
        ...errors,
      },
    },
  },
  '/documents/{id}': {
    get: {
      tags: ['documents'],
      summary: `Ein Dokument (ohne Inhalt). ${RIGHTS}`,
      parameters: [idParam],
      responses: { 200: okJson('Das Dokument'), ...errors },
    },
    delete: {
      tags: ['documents'],
      summary: `Dokument löschen. ${RIGHTS}`,
      parameters: [idParam],
      responses: { 200: okJson('Das gelöschte Dokument'), ...errors },
    },
  },
  '/documents/{id}/file': {
    get: {
      tags: ['documents'],
      summary: `Dateiinhalt herunterladen (attachment; PDF mit disposition=inline im Browser). ${RIGHTS}`,
      parameters: [
        idParam,
        {
          name: 'disposition',
          in: 'query',
          required: false,
          schema: { type: 'string', enum: ['attachment', 'inline'] },
        },
      ],
      responses: { 200: fileResponse('application/octet-stream'), ...errors },
    },
  },
};
