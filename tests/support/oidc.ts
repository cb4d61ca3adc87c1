import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import type { Agent } from './app';

/** A real OpenID provider (oidc-provider, tests/support/oidcProvider.mjs) in a child process on a loopback port. */
export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  stop(): Promise<void>;
}

export interface ProviderOptions {
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  /** login → claims that differ from the default (verified e-mail = login). */
  accounts?: Record<string, Record<string, unknown>>;
}

export async function startProvider(options: ProviderOptions): Promise<TestProvider> {
  const clientId = 'myk10-cockpit';
  const clientSecret = 'test-client-secret-not-for-production';
  const child: ChildProcess = spawn(
    process.execPath,
    [
      path.join(__dirname, 'oidcProvider.mjs'),
      JSON.stringify({
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.postLogoutRedirectUris ?? [],
        accounts: options.accounts ?? {},
      }),
    ],
    // The test runner's NODE_OPTIONS (--experimental-vm-modules) are not for the provider.
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } },
  );
  const issuer = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { issuer: string }).issuer);
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`provider exited (${code}): ${err}`)));
    setTimeout(() => reject(new Error(`provider did not start: ${err}`)), 30_000).unref();
  });
  return {
    issuer,
    clientId,
    clientSecret,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Signs in at the provider as a browser would (its cookies kept, redirects followed by hand) from the cockpit's
 * authorization URL, typing `login` into its form; answers the URL the provider sends the browser back to.
 */
export async function signInAtProvider(authorizationUrl: string, login: string): Promise<URL> {
  const jar = new Map<string, string>();
  const send = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        Cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    return res;
  };
  const origin = new URL(authorizationUrl).origin;
  let res = await send(authorizationUrl);
  let location = res.headers.get('location');
  if (!location?.includes('/interaction/')) throw new Error(`no interaction: ${res.status} ${location}`);
  const interaction = new URL(location, origin).href;
  await send(interaction);
  res = await send(interaction, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login }).toString(),
  });
  // Back through the provider's authorization endpoint until it answers with the redirect to the client.
  for (let i = 0; i < 5; i++) {
    location = res.headers.get('location');
    if (!location) throw new Error(`provider stopped: ${res.status} ${await res.text()}`);
    const next = new URL(location, origin);
    if (next.origin !== origin) return next;
    res = await send(next.href);
  }
  throw new Error('too many redirects at the provider');
}

/**
 * The whole SSO round trip for `login`: the cockpit's login route, the provider's sign-in page, and the callback in
 * the agent (a supertest agent of an app configured with the provider, its cookies kept); answers the callback's
 * response and the URL the provider sent the browser back to.
 */
export async function ssoRoundTrip(agent: Agent, login: string) {
  const start = await agent.get('/api/auth/oidc/login');
  if (start.status !== 302) throw new Error(`oidc login: ${start.status} ${JSON.stringify(start.body)}`);
  const back = await signInAtProvider(start.headers.location as string, login);
  const res = await agent.get(back.pathname + back.search);
  return { res, back };
}

/** Signs the agent in by SSO as `email` (a cockpit user with that e-mail); answers the agent, now signed in. */
export async function signInWithSso(agent: Agent, email: string): Promise<Agent> {
  const { res } = await ssoRoundTrip(agent, email);
  const me = await agent.get('/api/auth/me');
  if (me.status !== 200)
    throw new Error(`SSO sign-in of ${email} failed: ${res.status} ${res.headers.location}`);
  return agent;
}

/** A loopback port nothing listens on right now (for an app whose address the provider must know first). */
export async function freeLoopbackPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
