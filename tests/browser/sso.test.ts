import { totpAt } from '../../api/features/auth/totp';
import { freeLoopbackPort, startProvider, type TestProvider } from '../support/oidc';
import {
  browserEnvForFile,
  DEMO_EMAIL,
  describeInBrowser,
  rawTranslationKeys,
  screenshot,
  settle,
} from './support';
import { DEMO_PASSWORD } from '../support/app';

/**
 * Sign-in as the county will use it: the SSO button round trip against a real OpenID provider (oidc-provider on a
 * loopback port) to the dashboard, password plus authenticator code, and the set-up of the second factor.
 */

let provider: TestProvider;
let port: number;

describeInBrowser('sign-in with SSO and a second factor', () => {
  beforeAll(async () => {
    port = await freeLoopbackPort();
    const origin = `http://127.0.0.1:${port}`;
    provider = await startProvider({
      redirectUris: [`${origin}/api/auth/oidc/callback`],
      postLogoutRedirectUris: [`${origin}/`],
    });
  }, 60_000);
  afterAll(async () => provider?.stop());

  // The environment starts after the provider (its beforeAll is registered second), with the provider's issuer.
  const env = browserEnvForFile({
    get port() {
      return port;
    },
    get config() {
      return {
        oidc: {
          issuer: provider.issuer,
          clientId: provider.clientId,
          clientSecret: provider.clientSecret,
          label: 'Mit dem Dienstkonto anmelden',
        },
      };
    },
  });

  it('signs the CDO in with the SSO button, through the provider, onto her dashboard', async () => {
    const { page } = await env.open();
    await page.goto('/#/login');
    const button = page.getByRole('link', { name: 'Mit dem Dienstkonto anmelden' });
    await button.waitFor();
    await screenshot(page, 'sso-login-page');

    await button.click();
    await page.locator('input[name="login"]').fill(DEMO_EMAIL.cdo);
    await page.getByRole('button', { name: 'Weiter' }).click();

    await page.locator('#react-admin-title').waitFor();
    await settle(page);
    expect(new URL(page.url()).origin).toBe(env.baseUrl);
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json());
    expect(me).toMatchObject({ email: DEMO_EMAIL.cdo, role: 'cdo' });
    expect(await rawTranslationKeys(page)).toEqual([]);
  });

  it('asks the funding officer for her authenticator code after the password', async () => {
    const api = await env.api('funding');
    const { secret } = (await api.post('/api/auth/mfa/totp').send({})).body as { secret: string };
    expect(
      (await api.post('/api/auth/mfa/totp/confirm').send({ code: totpAt(secret, Date.now()) })).status,
    ).toBe(200);
    const { page } = await env.open({ expectedStatuses: [401] });

    await page.goto('/#/login');
    await page.locator('input[name="email"]').fill(DEMO_EMAIL.funding);
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    const code = page.locator('input[name="code"]');
    await code.waitFor();
    await screenshot(page, 'sso-totp-step');
    await code.fill(totpAt(secret, Date.now() + 30_000));
    await page.getByRole('button', { name: 'Bestätigen' }).click();

    await page.locator('#react-admin-title').waitFor();
    await settle(page);
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json());
    expect(me).toMatchObject({ email: DEMO_EMAIL.funding });
  });

  it('sets up a second factor on the "Zweiter Faktor" page with QR code and recovery codes', async () => {
    const { page } = await env.open();
    await page.goto('/#/login');
    await page.locator('input[name="email"]').fill(DEMO_EMAIL.viewer);
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.locator('#react-admin-title').waitFor();

    await page.goto('/#/zweiter-faktor');
    await page.getByRole('button', { name: 'Jetzt einrichten' }).click();
    await page.getByRole('img', { name: 'QR-Code für die Authenticator-App' }).waitFor();
    const secret = (await page.getByTestId('totp-secret').innerText()).trim();
    await page.getByLabel('Code').fill(totpAt(secret, Date.now()));
    await screenshot(page, 'sso-second-factor-setup');
    await page.getByRole('button', { name: 'Code bestätigen' }).click();

    const codes = page.getByRole('list', { name: 'Ihre Wiederherstellungscodes' }).locator('li');
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    await page.getByText(/Eingerichtet seit/).waitFor();
    await screenshot(page, 'sso-second-factor-active');
    expect(await rawTranslationKeys(page)).toEqual([]);
  });
});
