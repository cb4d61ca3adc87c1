import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { fetchUtils, type DataProvider } from 'ra-core';
import simpleRestProvider from 'ra-data-simple-rest';

/**
 * The admin's own data provider (stock ra-data-simple-rest with fetchUtils.fetchJson), in Node, against a
 * real listening server. ra-core's CommonJS build loads under jest; only the session cookie is added, which
 * in the browser travels by itself.
 */
export interface LiveServer {
  baseUrl: string;
  close(): Promise<void>;
}

export async function listen(app: Express): Promise<LiveServer> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** Signs in over HTTP and returns the "name=value" of the session cookie. */
export async function loginCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie()[0];
  if (!cookie) throw new Error('login set no cookie');
  return cookie.split(';')[0]!;
}

/** fetchJson with the session cookie, exactly as the admin's httpClient wrapper would add credentials. */
export function cookieClient(cookie: string) {
  return (url: string, options: fetchUtils.Options = {}) => {
    const headers = new Headers(options.headers ?? { Accept: 'application/json' });
    headers.set('Cookie', cookie);
    return fetchUtils.fetchJson(url, { ...options, headers });
  };
}

export function provider(baseUrl: string, cookie: string): DataProvider {
  return simpleRestProvider(baseUrl, cookieClient(cookie));
}
