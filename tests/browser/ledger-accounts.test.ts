import {
  browserEnvForFile,
  describeInBrowser,
  rawTranslationKeys,
  screenshot,
  settle,
  signIn,
} from './support';

describeInBrowser('Sachkonten (the account mapping of the bookings import)', () => {
  const env = browserEnvForFile();

  it('the funding staff open "Sachkonten" in the menu and map an account prefix to a cost category', async () => {
    const { page } = await env.open({ viewport: { width: 1366, height: 900 } });
    await signIn(page, 'funding');
    await page.getByRole('menu').getByRole('menuitem', { name: 'Sachkonten', exact: true }).click();
    await page.getByRole('link', { name: 'Anlegen' }).click();
    await page.locator('input[name="account"]').fill('54x');
    await page.getByRole('combobox', { name: 'Kostenart' }).click();
    await page.getByRole('option', { name: 'Dienstleistungen' }).click();
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await page.getByText('Nur Ziffern').waitFor();

    await page.locator('input[name="account"]').fill('5421');
    await page.locator('input[name="note"]').fill('Fremdleistungen (5421xxx)');
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await settle(page);
    await page.getByRole('row').filter({ hasText: 'Fremdleistungen (5421xxx)' }).waitFor();
    expect(await env.db('ledger_accounts').where('account', '5421').first('cost_category', 'note')).toEqual({
      cost_category: 'services',
      note: 'Fremdleistungen (5421xxx)',
    });
    expect(await rawTranslationKeys(page)).toEqual([]);
    await screenshot(page, 'ledger-accounts');
  });
});
