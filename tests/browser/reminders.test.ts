import {
  browserEnvForFile,
  describeInBrowser,
  rawTranslationKeys,
  screenshot,
  seriousA11yViolations,
  signIn,
  type TestPage,
} from './support';

/** The bell with the unread count, the list with "Öffnen", "Gelesen" and "Alle gelesen", and the CDO's outbox. */
describeInBrowser('reminders', () => {
  const env = browserEnvForFile();
  let tab: TestPage;

  const unread = async (who: 'funding' | 'cdo') =>
    ((await (await env.api(who)).get('/api/notifications/unread_count')).body as { unread: number }).unread;

  it('the bell shows the unread count; "Öffnen" lands on the record and the count drops', async () => {
    tab = await env.open();
    const { page } = tab;
    const before = await unread('funding');
    expect(before).toBeGreaterThan(0);
    await signIn(page, 'funding');

    const bell = page.getByTestId('notification-bell');
    await expect(bell.getAttribute('aria-label')).resolves.toBe(`Benachrichtigungen: ${before} ungelesen`);
    await expect(bell.innerText()).resolves.toContain(String(before));
    await screenshot(page, 'reminders-bell');
    await bell.click();
    await page.waitForURL(/#\/notifications/);
    const entries = page.getByTestId('notification');
    await entries.first().waitFor();
    await screenshot(page, 'reminders-list');
    expect(await rawTranslationKeys(page)).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);

    const first = page
      .locator('[data-testid="notification"][data-unread="true"]')
      .filter({ hasText: 'Mittelverwendungsfrist' })
      .first();
    await first.getByRole('button', { name: 'Öffnen' }).click();
    await page.waitForURL(/#\/tranches\/\d+\/show/);
    await page
      .locator(`[data-testid="notification-bell"][aria-label="Benachrichtigungen: ${before - 1} ungelesen"]`)
      .waitFor();
    expect(await unread('funding')).toBe(before - 1);
  });

  it('"Alle gelesen" empties the bell', async () => {
    tab = await env.open();
    const { page } = tab;
    await signIn(page, 'cdo', '/#/notifications');
    await page.getByTestId('notification').first().waitFor();

    await page.getByRole('button', { name: 'Alle gelesen' }).click();

    await page.getByText('Alle Benachrichtigungen sind als gelesen markiert.').waitFor();
    await page
      .locator('[data-testid="notification-bell"][aria-label="Benachrichtigungen: 0 ungelesen"]')
      .waitFor();
    expect(await unread('cdo')).toBe(0);
  });

  it('the CDO’s "Postausgang" shows status and error, and says that no mail server is set up', async () => {
    tab = await env.open({ viewport: { width: 1366, height: 900 } });
    const { page } = tab;
    await signIn(page, 'cdo', '/#/mail_outbox');
    await page.getByTestId('smtp-status').waitFor();

    await expect(page.getByTestId('smtp-status').innerText()).resolves.toContain(
      'Kein Mailserver eingerichtet',
    );
    await page.getByText('fehlgeschlagen').first().waitFor();
    await page.getByText('getaddrinfo ENOTFOUND mail.kreis-myk.example').waitFor();
    await screenshot(page, 'reminders-outbox');
    expect(await rawTranslationKeys(page)).toEqual([]);
  });

  it('settings: a guide switches her follow-ups to "In der App", at once, and keeps her choice when a save fails', async () => {
    tab = await env.open({ viewport: { width: 390, height: 844 }, expectedStatuses: [401, 503] });
    const { page } = tab;
    await signIn(page, 'guide', '/#/benachrichtigungen/einstellungen');
    const group = page.getByRole('radiogroup', { name: 'Wiedervorlage fällig' });
    const choice = (name: string) => group.getByRole('radio', { name });
    await expect(choice('App und E-Mail').isChecked()).resolves.toBe(true);

    // The server's answer is held back: the choice shows while the page says it is saving.
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    await page.route('**/api/reminders/settings', async (route) => {
      await answered;
      await route.continue();
    });
    await choice('In der App').check();
    await page.getByRole('main').getByRole('progressbar').waitFor();
    await expect(choice('In der App').isChecked()).resolves.toBe(true);
    answer();
    await page.getByText('Einstellungen gespeichert.').waitFor();
    await page.unrouteAll({ behavior: 'wait' });
    await screenshot(page, 'reminders-settings-phone');
    const settings = async () =>
      (await (await env.api('guide')).get('/api/reminders/settings')).body as {
        rule: string;
        channel: string;
      }[];
    expect(await settings()).toContainEqual({ rule: 'follow_up', channel: 'app' });

    // A refused save says why and shows the saved choice again.
    await page.route('**/api/reminders/settings', (route) =>
      route.fulfill({
        status: 503,
        json: { message: 'Die Datenbank ist nicht erreichbar.', code: 'unavailable' },
      }),
    );
    await choice('Aus').click();
    await page.getByText('Die Datenbank ist nicht erreichbar.').waitFor();
    await group.locator('input[value="app"]:checked').waitFor({ state: 'attached' });
    await expect(choice('Aus').isChecked()).resolves.toBe(false);
    expect(await settings()).toContainEqual({ rule: 'follow_up', channel: 'app' });
  });
});
