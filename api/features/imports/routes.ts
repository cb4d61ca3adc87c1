import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { AppError, badRequest, forbidden, notFound } from '../../errors';
import { attachment } from '../../http/attachment';
import { canWrite, type ResourceDef } from '../../rest/resource';
import { currentUser } from '../auth/session';
import type { ExtraModule } from '../feature';
import { resources } from '../index';
import { resourceLabel } from './labels';
import { fileKind, readRows } from './readFile';
import { runImport } from './run';
import { importSpec, IMPORTS, type ImportSpec } from './specs';
import { importTemplate } from './template';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** The declaration and spec of an importable resource the caller may write (imports need the write right). */
function target(req: Request): { def: ResourceDef; spec: ImportSpec } {
  const name = String(req.params.resource);
  const spec = importSpec(name);
  const def = resources.find((d) => d.name === name);
  if (!spec || !def) throw notFound(`"${name.slice(0, 40)}" lässt sich nicht importieren.`);
  if (!canWrite(def, currentUser(req).role)) throw forbidden();
  return { def, spec };
}

/** The file itself as the body, up to 10 MB (413 above, told before the body is read when it says its length). */
function fileBody() {
  const raw = express.raw({ type: () => true, limit: MAX_FILE_BYTES });
  return (req: Request, res: Response, next: NextFunction): void => {
    raw(req, res, (err?: unknown) => {
      if ((err as { type?: string } | undefined)?.type === 'entity.too.large')
        next(new AppError(413, 'too_large', 'Die Datei ist zu groß (höchstens 10 MB).'));
      else next(err);
    });
  };
}

/** The file name for audit entries and the report: from ?file_name=, shortened, without path. */
function fileName(req: Request, kind: string): string {
  const raw = req.query.file_name;
  if (raw !== undefined && typeof raw !== 'string')
    throw badRequest('Der Parameter "file_name" darf nur einmal angegeben werden.');
  const name = (raw ?? '')
    .split(/[\\/]/)
    .pop()!
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(0, 200);
  return name || `Datei.${kind}`;
}

function dryRunParam(req: Request): boolean {
  const raw = req.query.dry_run;
  if (raw === undefined || raw === 'false' || raw === '0') return false;
  if (raw === 'true' || raw === '1' || raw === '') return true;
  throw badRequest('Der Parameter "dry_run" muss true oder false sein.');
}

function router(db: Knex): Router {
  const r = Router();

  r.get('/imports/templates/:file', async (req: Request, res: Response) => {
    const file = String(req.params.file);
    if (!file.endsWith('.xlsx')) throw notFound();
    req.params.resource = file.slice(0, -'.xlsx'.length);
    const { def, spec } = target(req);
    res.set('Content-Type', XLSX_TYPE);
    res.set('Content-Disposition', attachment(`Vorlage ${resourceLabel(def.name)}.xlsx`));
    res.send(await importTemplate(def, spec));
  });

  // Rights before the body is read: a role without the write right never uploads 10 MB for nothing.
  const mayImport = (req: Request, _res: Response, next: NextFunction) => {
    target(req);
    next();
  };

  r.post('/imports/:resource', mayImport, fileBody(), async (req: Request, res: Response) => {
    const { def, spec } = target(req);
    const dryRun = dryRunParam(req);
    if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
      if (req.is('application/json'))
        throw new AppError(
          415,
          'unsupported_type',
          'Bitte eine Excel-Datei (.xlsx) oder eine CSV-Datei hochladen.',
        );
      throw badRequest('Die Datei ist leer.');
    }
    const kind = fileKind(req.get('content-type'), req.body);
    const rows = await readRows(kind, req.body);
    const report = await runImport({
      db,
      user: currentUser(req),
      def,
      spec,
      rows,
      dryRun,
      fileName: fileName(req, kind),
    });
    if (!dryRun && report.summary.error)
      res.status(422).json({
        message: 'Die Datei enthält fehlerhafte Zeilen; es wurde nichts übernommen.',
        code: 'import_rows_invalid',
        ...report,
      });
    else res.json(report);
  });

  return r;
}

const resourceParam = {
  name: 'resource',
  in: 'path',
  required: true,
  schema: { type: 'string', enum: IMPORTS.map((s) => s.resource) },
};

export const importsModule: ExtraModule = {
  router,
  paths: {
    '/imports/templates/{resource}.xlsx': {
      parameters: [resourceParam],
      get: {
        tags: ['imports'],
        summary:
          'Importvorlage (xlsx) mit deutschen Spaltenüberschriften, Auswahllisten und Blatt „Hinweise“',
        description: 'Für Rollen mit Schreibrecht auf die Ressource.',
        responses: {
          200: {
            description: 'xlsx',
            content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } } },
          },
          401: { description: 'Nicht angemeldet' },
          403: { description: 'Kein Schreibrecht auf die Ressource' },
          404: { description: 'Nicht importierbar' },
        },
      },
    },
    '/imports/{resource}': {
      parameters: [
        resourceParam,
        {
          name: 'dry_run',
          in: 'query',
          schema: { type: 'boolean' },
          description: 'Nur prüfen, nichts schreiben',
        },
        {
          name: 'file_name',
          in: 'query',
          schema: { type: 'string' },
          description: 'Dateiname für das Protokoll',
        },
      ],
      post: {
        tags: ['imports'],
        summary: 'Tabellen-Import (xlsx oder CSV als Anfrageinhalt): Probe oder Übernahme',
        description:
          'Antwortet {resource, dry_run, file_name, summary, rows: [{row, action, key, changes, errors}], warnings}. Ohne dry_run wird nur übernommen, wenn keine Zeile fehlerhaft ist (sonst 422 mit demselben Bericht, nichts geschrieben).',
        requestBody: {
          required: true,
          content: {
            [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } },
            'text/csv': { schema: { type: 'string' } },
          },
        },
        responses: {
          200: { description: 'Bericht' },
          400: { description: 'Datei nicht lesbar oder ohne Kopfzeile' },
          401: { description: 'Nicht angemeldet' },
          403: { description: 'Kein Schreibrecht auf die Ressource' },
          413: { description: 'Datei größer als 10 MB' },
          415: { description: 'Weder xlsx noch CSV' },
          422: { description: 'Fehlerhafte Zeilen: nichts übernommen (Bericht im Inhalt)' },
        },
      },
    },
  },
};
