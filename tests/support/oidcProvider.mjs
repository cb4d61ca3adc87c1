// A real OpenID provider for the tests (the certified oidc-provider package), run as a child process on a loopback
// port: `node tests/support/oidcProvider.mjs '<json settings>'`. Prints {"issuer": ...} once it listens.
// Settings: client_id, client_secret, redirect_uris, post_logout_redirect_uris, and accounts (login → extra claims,
// e.g. {"x@y": {"email_verified": false}}); any other login is an account whose verified e-mail is the login.
// The sign-in page asks only for the login (an e-mail address): enough to act as the county's directory.
import http from 'node:http';
import Provider from 'oidc-provider';

const settings = JSON.parse(process.argv[2] ?? '{}');
const accounts = settings.accounts ?? {};

const claimsOf = (login) => ({
  sub: login,
  email: login,
  email_verified: true,
  name: `SSO ${login.split('@')[0]}`,
  ...accounts[login],
});

let handler = (_req, res) => res.end();
const server = http.createServer((req, res) => handler(req, res));
await new Promise((resolve) => server.listen(settings.port ?? 0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: settings.client_id,
      client_secret: settings.client_secret,
      redirect_uris: settings.redirect_uris,
      post_logout_redirect_uris: settings.post_logout_redirect_uris ?? [],
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_post',
    },
  ],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => claimsOf(sub) }),
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  // A first-party client: no consent screen, the scopes asked for are granted.
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
  cookies: { keys: ['test-cookie-key-not-secret'] },
  pkce: { required: () => true },
});

const page = (
  uid,
) => `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Test-Anmeldedienst</title></head>
<body><h1>Test-Anmeldedienst</h1><form method="post" action="/interaction/${uid}">
<label>Dienstkonto (E-Mail) <input name="login" autofocus></label> <button type="submit">Weiter</button></form></body></html>`;

const readBody = (req) =>
  new Promise((resolve) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => resolve(new URLSearchParams(data)));
  });

const callback = provider.callback();
handler = async (req, res) => {
  // A browser asks every site for its icon; the provider has none (and a 404 would be a console error).
  if (req.url === '/favicon.ico') {
    res.statusCode = 204;
    return res.end();
  }
  const match = /^\/interaction\/([\w-]+)$/.exec(req.url ?? '');
  if (!match) return callback(req, res);
  try {
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'GET') {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      return res.end(page(details.uid));
    }
    const login = (await readBody(req)).get('login')?.trim();
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: login } },
      { mergeWithLastSubmission: false },
    );
  } catch (err) {
    res.statusCode = 400;
    res.end(String(err));
  }
};

process.stdout.write(`${JSON.stringify({ issuer })}\n`);
process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
  // A browser that is still open keeps its connections alive; they must not hold the provider up.
  server.closeAllConnections();
});
