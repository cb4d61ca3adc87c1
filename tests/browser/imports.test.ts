import {
  browserEnvForFile,
  describeInBrowser,
  rawTranslationKeys,
  screenshot,
  signIn,
  type TestPage,
} from './support';

const HEADER = 'Kennung;Titel;Handlungsfeld;Phase;Status;Ampel;Fortschritt;Planbudget;Beginn';
const csvFile = (lines: string[]) => ({
  name: 'Maßnahmen Import.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(`${[HEADER, ...lines].join('\r\n')}\r\n`, 'utf8'),
});

describeInBrowser('spreadsheet import', () => {
  const env = browserEnvForFile();
  let tab: TestPage;

  it('steering imports measures: dry run with an error, fixed file, apply, and the same file again changes nothing', async () => {
    tab = await env.open({ viewport: { width: 1366, height: 900 } });
    const { page } = tab;
    await signIn(page, 'steering', '/#/measures');
    await page.getByRole('link', { name: 'Importieren' }).click();
    await page.getByRole('heading', { name: 'Maßnahmen importieren' }).waitFor();

    const input = page.locator('input[type=file]');
    await input.setInputFiles(
      csvFile([
        'B-01;Bürgerportal;Gemeinschaft;Umsetzungsphase;in Planung;Grün;10 %;25.000,00 €;01.02.2027',
        'B-02;Zweite Maßnahme;Raumfahrt;Umsetzungsphase;Idee;Gelb;0;1.000;31.02.2027',
      ]),
    );
    const summary = page.getByTestId('import-summary');
    await summary
      .getByText(/Geprüfte Zeilen: 2 – neu: 1, geändert: 0, unverändert: 0, fehlerhaft: 1/)
      .waitFor();
    const errorRow = page.locator('tr[data-action=error]');
    await errorRow.getByText(/Handlungsfeld:.*Raumfahrt/).waitFor();
    await errorRow.getByText(/Beginn:.*Ungültiges Datum/).waitFor();
    await page.locator('tr[data-action=create]').getByText('Planbudget: 25.000,00 €').waitFor();
    await expect(page.getByRole('button', { name: 'Übernehmen' }).isDisabled()).resolves.toBe(true);
    await screenshot(page, 'import-dry-run-errors');

    await input.setInputFiles(
      csvFile([
        'B-01;Bürgerportal;Gemeinschaft;Umsetzungsphase;in Planung;Grün;10 %;25.000,00 €;01.02.2027',
        'B-02;Zweite Maßnahme;Mobilität;Umsetzungsphase;Idee;Gelb;0;1.000;28.02.2027',
      ]),
    );
    await summary
      .getByText(/Geprüfte Zeilen: 2 – neu: 2, geändert: 0, unverändert: 0, fehlerhaft: 0/)
      .waitFor();
    await page.getByRole('button', { name: 'Übernehmen' }).click();
    await summary.getByText(/Übernommen – neu angelegt: 2/).waitFor();
    await screenshot(page, 'import-applied');
    expect(await env.db('measures').whereIn('code', ['B-01', 'B-02']).count('* as n').first()).toEqual({
      n: 2,
    });

    await input.setInputFiles(
      csvFile([
        'B-01;Bürgerportal;Gemeinschaft;Umsetzungsphase;in Planung;Rot;10 %;25.000,00 €;01.02.2027',
        'B-02;Zweite Maßnahme;Mobilität;Umsetzungsphase;Idee;Gelb;0;1.000;28.02.2027',
      ]),
    );
    await summary.getByText(/neu: 0, geändert: 1, unverändert: 1/).waitFor();
    await page.locator('tr[data-action=update]').getByText('Ampel: Grün → Rot').waitFor();
    expect(await rawTranslationKeys(page)).toEqual([]);
  });

  it('a guide reaches the contacts import on her phone', async () => {
    tab = await env.open({ viewport: { width: 390, height: 844 } });
    const { page } = tab;
    await signIn(page, 'guide', '/#/contacts');
    await page.getByRole('link', { name: 'Importieren' }).click();
    await page.getByRole('heading', { name: 'Kontakte importieren' }).waitFor();
    await page.locator('input[type=file]').setInputFiles({
      name: 'kontakte.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'Kommune;Datum;Kontaktweg;Thema\r\nAndernach;12.11.2026;Telefon;Rückfrage Förderantrag\r\n',
      ),
    });
    await page
      .getByTestId('import-summary')
      .getByText(/neu: 1/)
      .waitFor();
    await screenshot(page, 'import-contacts-phone');
  });

  it('roles without the write right see no import button', async () => {
    tab = await env.open();
    const { page } = tab;
    await signIn(page, 'funding', '/#/measures');
    await page.locator('tbody tr').first().waitFor();
    await expect(page.getByRole('link', { name: 'Importieren' }).count()).resolves.toBe(0);
  });
});
