import {
  browserEnvForFile,
  describeInBrowser,
  rawTranslationKeys,
  screenshot,
  signIn,
  type TestPage,
} from './support';

describeInBrowser('Soll-Ist, Verwendungsnachweis und Zinsrisiko', () => {
  const env = browserEnvForFile();
  let tab: TestPage;

  it('Soll-Ist shows the plan against the payments with the 20 % flags explained, in German formats', async () => {
    const api = await env.api('funding');
    const grants = (await api.get('/api/grants')).body as { id: number; phase: string }[];
    const b = grants.find((g) => g.phase.startsWith('B'))!;
    const plan = (await api.get(`/api/reports/plan-vs-actual?grant_id=${b.id}&fiscal_year=2025`)).body as {
      flagged: number;
      total: { planned_cents: number };
    };
    tab = await env.open();
    const { page } = tab;
    await signIn(page, 'funding', `/#/soll-ist?grant_id=${b.id}&fiscal_year=2025`);
    const table = page.getByRole('table', { name: 'Soll-Ist' });
    await table.locator('tbody tr').first().waitFor();
    const euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(
      plan.total.planned_cents / 100,
    );
    await expect(table.locator('tbody tr').last().textContent()).resolves.toContain(euro);
    await expect(table.locator('tr[data-flag="over20"]').count()).resolves.toBe(plan.flagged);
    await page.getByText(/ANBest-P Nr\. 1\.2/).waitFor();
    await expect(
      page.getByRole('link', { name: 'Excel exportieren' }).getAttribute('href'),
    ).resolves.toContain('plan-vs-actual.xlsx');
    await screenshot(page, 'proof-soll-ist');
    expect(await rawTranslationKeys(page)).toEqual([]);
  });

  it('the funding start page shows the interest risk in euros per day', async () => {
    tab = await env.open();
    const { page } = tab;
    await signIn(page, 'funding');
    const card = page.getByRole('region', { name: 'Zinsrisiko' });
    await card.getByTestId('interest-per-day').waitFor();
    await expect(card.getByTestId('interest-per-day').textContent()).resolves.toMatch(/\d+,\d{2}\s€ je Tag/);
    await screenshot(page, 'proof-interest-card');
    expect(await rawTranslationKeys(page)).toEqual([]);
  });

  it('Verwendungsnachweis: the officer adds two paragraphs, issues, and the page says it is frozen', async () => {
    const api = await env.api('funding');
    const grants = (await api.get('/api/grants')).body as { id: number; phase: string }[];
    const b = grants.find((g) => g.phase.startsWith('B'))!;
    tab = await env.open();
    const { page } = tab;
    await signIn(page, 'funding', `/#/verwendungsnachweis?grant_id=${b.id}&fiscal_year=2025&kind=interim`);
    await page
      .getByLabel('Einleitung des Sachberichts')
      .fill('Im Jahr 2025 gingen die RegioHubs in Betrieb.');
    await page.getByLabel('Schluss des Sachberichts').fill('Die Mittel wurden planmäßig verwendet.');
    await page.getByRole('button', { name: 'Ausstellen (einfrieren)' }).click();
    await page.getByText(/ausgestellt am .* Der Nachweis ist eingefroren/).waitFor();
    await expect(
      page.getByRole('link', { name: 'Paket (ZIP) herunterladen' }).getAttribute('href'),
    ).resolves.toContain('proof-of-use.zip');
    await screenshot(page, 'proof-of-use-issued');
    expect(await rawTranslationKeys(page)).toEqual([]);
  });
});
