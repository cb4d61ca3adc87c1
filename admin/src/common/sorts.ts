import type { SortPayload } from 'react-admin';
import { declarations } from './declarations';

/** The API declarations' defaultSort (api/features/<feature>/<resource>.fields.ts), for lists and reference pickers. */
export const DEFAULT_SORTS: Record<string, SortPayload> = Object.fromEntries(
  Object.values(declarations).map(({ name, defaultSort: [field, order] }) => [name, { field, order }]),
);
