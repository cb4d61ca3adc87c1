import { httpClient } from '../providers/httpClient';

/** Shapes of the privacy endpoints (api/features/privacy/routes.ts). */

export interface RetentionPreview {
  months: number;
  on: string;
  cutoff: string;
  count: number;
  heldBack: number;
  lastRun?: { at: string; counts: Record<string, number> };
}

export type Row = Record<string, unknown> & { id: number };

export interface SubjectFindings {
  query: string;
  contacts: Row[];
  partners: Row[];
  users: Row[];
  occurrences: { table: string; column: string; id: number; value: string }[];
}

export interface PrivacyLogEntry {
  id: number;
  at: string;
  kind: 'retention' | 'access' | 'erasure';
  reason: string | null;
  counts: Record<string, number>;
  user: string | null;
}

const post = (path: string, body: object) =>
  httpClient(`/api/${path}`, { method: 'POST', body: JSON.stringify(body) });

export const searchSubject = async (q: string) =>
  (await post('privacy/subjects/search', { q })).json as SubjectFindings;

export const eraseSubject = async (q: string, reason: string) =>
  (await post('privacy/subjects/erase', { q, reason })).json as {
    logId: number;
    counts: Record<string, number>;
  };

/** Names travel in the POST body, so the export is fetched and handed to the browser as a file. */
export async function downloadExport(q: string, format: 'json' | 'pdf'): Promise<void> {
  const res = await fetch('/api/privacy/subjects/export', {
    method: 'POST',
    credentials: 'include',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ q, format }),
  });
  if (!res.ok) throw new Error(((await res.json()) as { message?: string }).message ?? res.statusText);
  const name =
    /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `Auskunft.${format}`;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
