import { DOCUMENT_PARENTS, type DocumentKind, type DocumentParent } from '../../../api/domain';

/** The kind a new document on a record of this resource most likely has (the user may change it per file). */
export const DEFAULT_KIND: Record<DocumentParent, DocumentKind> = {
  grants: 'notice',
  tranches: 'drawdown',
  expenditures: 'receipt',
  transfers: 'contract',
  measures: 'profile',
  partners: 'contract',
  contacts: 'minutes',
};

/** The filter of a record's documents: its link column. */
export const documentsOf = (parent: DocumentParent, id: unknown): Record<string, unknown> => ({
  [DOCUMENT_PARENTS[parent]]: id,
});

/** A file name without its extension: the suggested title. */
export const titleOf = (fileName: string): string => fileName.replace(/\.[A-Za-z0-9]{1,10}$/, '');

/** 512 Byte, 12,3 KB, 4,5 MB, in the user's number format. */
export function formatSize(bytes: number, locale: string): string {
  const fmt = (n: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n);
  if (bytes < 1024) return `${bytes} Byte`;
  if (bytes < 1024 * 1024) return `${fmt(bytes / 1024)} KB`;
  return `${fmt(bytes / 1024 / 1024)} MB`;
}

export interface UploadResult {
  ok: boolean;
  status: number;
  message?: string;
}

/**
 * Sends one file as multipart/form-data with progress (fetch reports no upload progress). The fields come before
 * the file; X-Requested-With is the API's proof that the request comes from this app, not a form of another site.
 */
export function uploadDocument(
  fields: { resource: DocumentParent; record_id: string | number; kind: DocumentKind; title: string },
  file: File,
  onProgress: (fraction: number) => void,
): Promise<UploadResult> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, String(v));
  form.append('file', file);
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/documents');
    xhr.withCredentials = true;
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let message: string | undefined;
      try {
        const body = JSON.parse(xhr.responseText) as { message?: string; errors?: Record<string, string> };
        message = body.errors ? Object.values(body.errors).join(' · ') : body.message;
      } catch {
        message = undefined;
      }
      resolve({ ok: xhr.status === 201, status: xhr.status, message });
    };
    xhr.onerror = () => resolve({ ok: false, status: 0 });
    xhr.send(form);
  });
}
