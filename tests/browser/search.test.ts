import {
  browserEnvForFile,
  describeInBrowser,
  screenshot,
  seriousA11yViolations,
  signIn,
  type TestPage,
} from './support';

describeInBrowser('the search in the app bar', () => {
  const env = browserEnvForFile();
  let tab: TestPage;

  it('finds records of several types, grouped by type, partners with the name match first, and opens one', async () => {
    tab = await env.open();
    const { page } = tab;
    await signIn(page, 'steering');
    await page.getByRole('searchbox', { name: 'Suche' }).fill('Andernach');
    const results = page.getByRole('region', { name: 'Suchergebnisse' });
    const partners = results.getByRole('list', { name: 'Kooperationspartner' });
    await partners.waitFor();
    await expect(partners.getByRole('listitem').first().textContent()).resolves.toContain(
      'Museum Geysir Andernach',
    );
    await expect(results.getByRole('list').count()).resolves.toBeGreaterThan(1);
    await screenshot(page, 'search-desktop');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await partners.getByRole('link', { name: /Museum Geysir Andernach/ }).click();
    await page.waitForURL(/\/partners\/\d+\/show$/);
    await expect(results.count()).resolves.toBe(0);
  });

  it('shows the funding role grants and tranches, and no contacts', async () => {
    tab = await env.open();
    const { page } = tab;
    await signIn(page, 'funding');
    await page.getByRole('searchbox', { name: 'Suche' }).fill('Jour fixe');
    await page
      .getByRole('region', { name: 'Suchergebnisse' })
      .getByText(/Nichts gefunden|Maßnahmen|Meilensteine/)
      .first()
      .waitFor();
    await expect(page.getByRole('list', { name: 'Kontakte' }).count()).resolves.toBe(0);
    const grant = (
      (await (await env.api('funding')).get('/api/grants').query({ range: '[0,0]' })).body as {
        file_number: string;
      }[]
    )[0]!;
    await page.getByRole('searchbox', { name: 'Suche' }).fill(grant.file_number);
    await page.getByRole('list', { name: 'Zuwendungsbescheide' }).waitFor();
    await page.getByRole('list', { name: 'Mittelabrufe' }).waitFor();
  });

  it('opens full-screen on a phone and finds the guide her contacts', async () => {
    tab = await env.open({ viewport: { width: 390, height: 844 } });
    const { page } = tab;
    await signIn(page, 'guide');
    await page.getByRole('button', { name: 'Suche', exact: true }).click();
    await page.getByRole('searchbox', { name: 'Suche' }).fill('Jour fixe');
    const contacts = page.getByRole('list', { name: 'Kontakte' });
    await contacts.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'search-phone');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await contacts.getByRole('link').first().click();
    await page.waitForURL(/\/contacts\/\d+\/show$/);
  });
});
