import busboy from 'busboy';
import type { Request } from 'express';
import { DOCUMENT_KINDS, type DocumentKind, type DocumentParent } from '../../domain';
import { AppError, badRequest, validationError, type FieldErrors } from '../../errors';
import { toId } from '../../http/params';
import { isParent } from './rights';

export interface ParsedUpload {
  parent: DocumentParent;
  recordId: number;
  kind: DocumentKind;
  title: string;
  fileName: string;
  bytes: Buffer;
}

/** Room for the form fields and part headers around the file. */
const ENVELOPE_BYTES = 64 * 1024;

export const tooLarge = (maxBytes: number): AppError =>
  new AppError(
    413,
    'too_large',
    `Die Datei ist zu groß: höchstens ${Math.round(maxBytes / 1024 / 1024)} MB sind erlaubt.`,
    undefined,
    // The rest of the body is never read; the connection ends with this answer.
    { Connection: 'close' },
  );

/** A name as the user sees it: no path, no control characters, at most 255 characters. */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[/\\]/).pop() ?? '';
  return base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim()
    .slice(-255);
}

const FIELD_NAMES = ['resource', 'record_id', 'kind', 'title'];

const withoutExtension = (name: string) => name.replace(/\.[A-Za-z0-9]{1,10}$/, '');

function validFields(
  fields: Record<string, string>,
  fileName: string | undefined,
): Omit<ParsedUpload, 'bytes'> {
  const errors: FieldErrors = {};
  for (const name of Object.keys(fields))
    if (!FIELD_NAMES.includes(name)) errors[name.slice(0, 40)] = `Unbekanntes Feld "${name.slice(0, 40)}"`;
  const recordId = toId(fields.record_id ?? '');
  if (!isParent(fields.resource))
    errors.resource =
      'Nur Bescheide, Mittelabrufe, Ausgaben, Weiterleitungen, Maßnahmen, Partner und Kontakte';
  if (recordId === undefined) errors.record_id = 'Ungültige ID';
  const kind = fields.kind || 'other';
  if (!(DOCUMENT_KINDS as readonly string[]).includes(kind)) errors.kind = 'Unbekannte Dokumentart';
  if (!fileName) errors.file = 'Bitte eine Datei mit Namen wählen';
  const title = (fields.title ?? '').trim() || withoutExtension(fileName ?? '');
  if (title.length > 200) errors.title = 'Höchstens 200 Zeichen';
  if (Object.keys(errors).length) throw validationError(errors);
  return {
    parent: fields.resource as DocumentParent,
    recordId: recordId!,
    kind: kind as DocumentKind,
    title,
    fileName: fileName!,
  };
}

/**
 * Reads one multipart/form-data upload (fields resource, record_id, kind, title and one file) as it streams in.
 * The file is held in memory up to `maxBytes`; one byte more ends the request with a 413 at once, before the rest
 * of the body is read. A declared Content-Length above the limit is refused before reading anything.
 */
export function readUpload(req: Request, maxBytes: number): Promise<ParsedUpload> {
  if (!req.is('multipart/form-data'))
    return Promise.reject(
      new AppError(415, 'unsupported_media_type', 'Dokumente werden als multipart/form-data hochgeladen.'),
    );
  if (Number(req.get('content-length') ?? 0) > maxBytes + ENVELOPE_BYTES)
    return Promise.reject(tooLarge(maxBytes));
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({
        headers: req.headers,
        // busboy signals the limit when a file reaches it: one byte more than allowed is the first refused.
        limits: { fileSize: maxBytes + 1, files: 1, fields: 10, fieldSize: 1000, parts: 11 },
        defParamCharset: 'utf8',
      });
    } catch {
      reject(badRequest('Der Inhalt der Anfrage ist kein gültiges multipart/form-data.'));
      return;
    }
    const fields: Record<string, string> = Object.create(null) as Record<string, string>;
    const chunks: Buffer[] = [];
    let fileName: string | undefined;
    let failed = false;
    const fail = (err: AppError) => {
      if (failed) return;
      failed = true;
      req.unpipe(bb);
      reject(err);
    };
    bb.on('field', (name, value) => {
      if (Object.hasOwn(fields, name))
        fail(badRequest(`Das Feld "${name.slice(0, 40)}" darf nur einmal kommen.`));
      else fields[name] = value;
    });
    bb.on('file', (name, stream, info) => {
      if (name !== 'file' || fileName !== undefined) {
        stream.resume();
        fail(badRequest('Bitte genau eine Datei im Feld "file" senden.'));
        return;
      }
      fileName = cleanFileName(info.filename ?? '');
      stream.on('data', (chunk: Buffer) => {
        if (!failed) chunks.push(chunk);
      });
      stream.on('limit', () => fail(tooLarge(maxBytes)));
    });
    bb.on('filesLimit', () => fail(badRequest('Bitte genau eine Datei im Feld "file" senden.')));
    bb.on('partsLimit', () => fail(badRequest('Die Anfrage hat zu viele Teile.')));
    bb.on('fieldsLimit', () => fail(badRequest('Die Anfrage hat zu viele Felder.')));
    bb.on('error', () => fail(badRequest('Der Inhalt der Anfrage ist kein gültiges multipart/form-data.')));
    bb.on('close', () => {
      if (failed) return;
      try {
        resolve({ ...validFields(fields, fileName), bytes: Buffer.concat(chunks) });
      } catch (err) {
        reject(err as AppError);
      }
    });
    req.on('aborted', () => fail(badRequest('Das Hochladen wurde abgebrochen.')));
    req.pipe(bb);
  });
}
