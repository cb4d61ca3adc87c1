import crypto from 'node:crypto';
import type { Knex } from 'knex';
import { DOCUMENT_PARENTS, type DocumentKind, type DocumentParent } from '../../domain';
import { conflict } from '../../errors';
import { diff, writeAudit } from '../../rest/audit';
import { visibleRecord } from '../../rest/query';
import type { Row, SessionUser } from '../../rest/resource';
import documents from './documents';
import { FILE_TYPES, type FileTypeKey } from './fileType';

export interface NewDocument {
  parent: DocumentParent;
  recordId: number;
  kind: DocumentKind;
  title: string;
  fileName: string;
  type: FileTypeKey;
  bytes: Buffer;
}

export const sha256 = (bytes: Buffer): string => crypto.createHash('sha256').update(bytes).digest('hex');

/** The metadata of a document, never its bytes. */
export const METADATA = ['documents.*'];

/** The 409 for a file that already hangs on the record, naming the one there. */
function duplicate(existing: { title: string; file_name: string; created_at: string | Date }) {
  const on = new Date(existing.created_at).toLocaleDateString('de-DE', { timeZone: 'Europe/Berlin' });
  return conflict(
    `Diese Datei hängt schon an diesem Datensatz: „${existing.title}“ (${existing.file_name}, hochgeladen am ${on}).`,
  );
}

/**
 * Stores a document and its bytes in one transaction with its audit row (metadata and hash, never the bytes).
 * The same file (SHA-256) twice on one record is a 409 naming the first; the unique index catches a race.
 */
export async function storeDocument(db: Knex, user: SessionUser, doc: NewDocument): Promise<Row> {
  const column = DOCUMENT_PARENTS[doc.parent];
  const hash = sha256(doc.bytes);
  return db.transaction(async (trx) => {
    const existing = (await trx('documents')
      .select('title', 'file_name', 'created_at')
      .where({ [column]: doc.recordId, sha256: hash })
      .first()) as { title: string; file_name: string; created_at: string } | undefined;
    if (existing) throw duplicate(existing);
    const values = {
      [column]: doc.recordId,
      kind: doc.kind,
      title: doc.title,
      file_name: doc.fileName,
      media_type: FILE_TYPES[doc.type].mediaType,
      size_bytes: doc.bytes.length,
      sha256: hash,
      uploaded_by: user.id,
    };
    const [row] = (await trx('documents')
      .insert(values)
      .returning(METADATA)
      .catch(async (err: { code?: string }) => {
        if (err.code !== '23505') throw err;
        throw conflict('Diese Datei wurde soeben schon an diesen Datensatz gehängt.');
      })) as [Row];
    await trx('document_files').insert({ document_id: row.id, bytes: doc.bytes });
    await writeAudit(
      trx,
      user,
      'create',
      'documents',
      row.id as number,
      diff(Object.keys(values), undefined, values),
    );
    return visibleRecord(documents, { ...row, resource: doc.parent, record_id: doc.recordId }, user.role);
  });
}

/** The bytes of one document (the caller has checked the right to read it). */
export async function documentBytes(db: Knex | Knex.Transaction, id: number): Promise<Buffer> {
  const row = (await db('document_files').select('bytes').where('document_id', id).first()) as
    { bytes: Uint8Array } | undefined;
  return row ? toBuffer(row.bytes) : Buffer.alloc(0);
}

/** A bytea value as a Buffer: node-postgres gives a Buffer, PGlite a Uint8Array. */
export const toBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * Deletes the documents of records (with their bytes), e.g. the minutes of contacts whose personal data is erased
 * (retention, Art. 17); returns the ids of the deleted documents, whose audit entries the caller scrubs.
 */
export async function deleteDocumentsOf(
  trx: Knex.Transaction,
  parent: DocumentParent,
  ids: readonly number[],
): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = (await trx('documents').whereIn(DOCUMENT_PARENTS[parent], ids).delete().returning('id')) as {
    id: number;
  }[];
  return rows.map((r) => r.id);
}
