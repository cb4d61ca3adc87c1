import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider } from 'react-admin';
import { httpClient } from './httpClient';

const rest = simpleRestProvider('/api', httpClient);

export const dataProvider: DataProvider = {
  ...rest,
  // A delete names the version the user was shown: a record changed meanwhile is not deleted unseen (409).
  delete: async (resource, params) => {
    const version = (params.previousData as { version?: unknown } | undefined)?.version;
    if (typeof version !== 'number') return rest.delete(resource, params);
    const { json } = await httpClient(`/api/${resource}/${encodeURIComponent(String(params.id))}`, {
      method: 'DELETE',
      headers: new Headers({ 'If-Match': `"${version}"` }),
    });
    return { data: json };
  },
};
