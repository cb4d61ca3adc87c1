import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import type { Config } from '../../config';
import { AppError, forbidden, notFound } from '../../errors';
import { attachment } from '../../http/attachment';
import { parseId } from '../../http/params';
import { parseListParams } from '../../rest/listParams';
import { getRow, listRows } from '../../rest/query';
import { deleteRecord } from '../../rest/write';
import { currentUser } from '../auth/session';
import type { ExtraModule } from '../feature';
import documents from './documents';
import { checkFile } from './fileType';
import { openApiPaths } from './openapi';
import { assertMayAttach, mayAttachAnywhere } from './rights';
import { documentBytes, storeDocument } from './store';
import { readUpload } from './upload';

/** A downloaded file is never a page: no scripts, no styles, no plugins, no framing; attachments also sandboxed. */
const FILE_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** `inline` for a PDF opened in a new tab; every other file, and a PDF by default, as an attachment. */
function disposition(fileName: string, mediaType: string, inline: boolean): string {
  const value = attachment(fileName);
  return inline && mediaType === 'application/pdf' ? value.replace(/^attachment/, 'inline') : value;
}

function router(db: Knex, config: Config): Router {
  const r = Router();
  const maxBytes = Math.round(config.documentMaxMb * 1024 * 1024);

  // A record's documents: the ra-data-simple-rest list, inside the parents' read rights; never the bytes.
  r.get('/documents', async (req: Request, res: Response) => {
    const user = currentUser(req);
    const params = parseListParams(documents, user.role, req.query as Record<string, unknown>);
    const { rows, total } = await listRows(db, documents, user, params);
    const last = params.offset + rows.length - 1;
    res.set(
      'Content-Range',
      rows.length ? `documents ${params.offset}-${last}/${total}` : `documents */${total}`,
    );
    res.set('X-Total-Count', String(total));
    res.json(rows);
  });

  r.get('/documents/:id', async (req: Request, res: Response) => {
    const row = await getRow(db, documents, currentUser(req), parseId(req.params.id));
    if (!row) throw notFound();
    res.json(row);
  });

  r.get('/documents/:id/file', async (req: Request, res: Response) => {
    const row = await getRow(db, documents, currentUser(req), parseId(req.params.id));
    if (!row) throw notFound();
    const bytes = await documentBytes(db, row.id as number);
    const mediaType = row.media_type as string;
    const inline = req.query.disposition === 'inline';
    res.set({
      'Content-Type': mediaType,
      'Content-Disposition': disposition(row.file_name as string, mediaType, inline),
      'Content-Security-Policy':
        inline && mediaType === 'application/pdf' ? FILE_CSP : `${FILE_CSP}; sandbox`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      'Content-Length': String(bytes.length),
    });
    res.end(bytes);
  });

  r.post('/documents', async (req: Request, res: Response) => {
    const user = currentUser(req);
    // Refused before a byte of the body is read: roles that may attach nothing anywhere (the viewer).
    if (!mayAttachAnywhere(user.role)) throw forbidden('Sie dürfen keine Dokumente hochladen.');
    const upload = await readUpload(req, maxBytes);
    await assertMayAttach(db, user, upload.parent, upload.recordId);
    const checked = checkFile(upload.fileName, upload.bytes);
    if ('problem' in checked) throw new AppError(415, 'unsupported_media_type', checked.problem);
    res.status(201).json(await storeDocument(db, user, { ...upload, type: checked.type }));
  });

  r.delete('/documents/:id', async (req: Request, res: Response) => {
    const user = currentUser(req);
    const id = parseId(req.params.id);
    // A document the user cannot see is not found, one she sees on a record she may not change is forbidden.
    if (!(await getRow(db, documents, user, id))) throw notFound();
    res.json(await deleteRecord({ db, user }, documents, id));
  });

  return r;
}

export const documentsModule: ExtraModule = { router, paths: openApiPaths };
