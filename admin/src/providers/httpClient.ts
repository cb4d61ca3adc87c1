import { fetchUtils } from 'react-admin';

/** Same-origin JSON calls carrying the session cookie; fetchJson sets Content-Type for bodies. */
export const httpClient = (url: string, options: fetchUtils.Options = {}) =>
  fetchUtils.fetchJson(url, { ...options, credentials: 'include' });
