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

  it('sets up a second factor on the "Sicherheit" page (the old address leads there) with QR code and recovery codes', async () => {
    const { page } = await env.open();
    await page.goto('/#/login');
    await page.locator('input[name="email"]').fill(DEMO_EMAIL.viewer);
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.locator('#react-admin-title').waitFor();

    await page.goto('/#/zweiter-faktor');
    await page.getByRole('heading', { name: 'Sicherheit', level: 1 }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/sicherheit');
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

  it('lists the signed-in devices on the "Sicherheit" page and signs out another one, then all others', async () => {
    const phone = await env.api('steering');
    const tablet = await env.api('steering');
    const { page } = await env.open();
    await page.goto('/#/login');
    await page.locator('input[name="email"]').fill(DEMO_EMAIL.steering);
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.locator('#react-admin-title').waitFor();

    await page.getByRole('button', { name: /Benutzermenü/ }).click();
    await page.getByRole('menuitem', { name: 'Sicherheit' }).click();
    const devices = page.getByRole('list', { name: 'Angemeldete Geräte' }).getByRole('listitem');
    await devices.nth(2).waitFor();
    expect(await devices.count()).toBe(3);
    const current = devices.filter({ hasText: 'Dieses Gerät' });
    expect(await current.count()).toBe(1);
    expect(await current.innerText()).toMatch(
      /Chrome, Linux[\s\S]*mit Passwort am \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/,
    );
    expect(await current.getByRole('button').count()).toBe(0);
    await screenshot(page, 'sso-security-sessions');

    await devices
      .getByRole('button', { name: /abmelden$/ })
      .first()
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Bestätigen' }).click();
    await page.getByText('Das Gerät wurde abgemeldet.').waitFor();
    // Until the dialog has faded out, the page behind it is aria-hidden and the list has no items for getByRole.
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await devices.nth(2).waitFor({ state: 'detached' });
    expect(await devices.count()).toBe(2);
    const stillIn = async () =>
      [(await phone.get('/api/auth/me')).status, (await tablet.get('/api/auth/me')).status].sort();
    expect(await stillIn()).toEqual([200, 401]);

    await page.getByRole('button', { name: 'Alle anderen abmelden' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Bestätigen' }).click();
    await page.getByText('Alle anderen Geräte wurden abgemeldet.').waitFor();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await devices.nth(1).waitFor({ state: 'detached' });
    expect(await stillIn()).toEqual([401, 401]);
    expect(await devices.count()).toBe(1);
    expect(await page.evaluate(async () => (await fetch('/api/auth/me')).status)).toBe(200);
    expect(await rawTranslationKeys(page)).toEqual([]);
  });
});
