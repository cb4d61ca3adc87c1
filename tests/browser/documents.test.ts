import crypto from 'node:crypto';
import {
  browserEnvForFile,
  describeInBrowser,
  rawTranslationKeys,
  screenshot,
  seriousA11yViolations,
  signIn,
  type TestPage,
} from './support';

/** The "Dokumente" tab (#17): several files dropped at once, kind and title per file, download, delete. */

describeInBrowser('documents on a tranche', () => {
  const env = browserEnvForFile();
  let tab: TestPage;

  const pdf = (text: string) => Buffer.from(`%PDF-1.4\n${text} ${crypto.randomUUID()}\n%%EOF\n`);

  it('the funding officer uploads two files with kind and title, downloads one and deletes the other', async () => {
    // A tranche without demo documents, so the table holds exactly what this test puts there.
    const { rows } = (await env.db.raw(
      `select t.id from tranches t where not exists (select 1 from documents d where d.tranche_id = t.id)
       order by t.id limit 1`,
    )) as { rows: { id: number }[] };
    const trancheId = rows[0]!.id;
    tab = await env.open({ viewport: { width: 1366, height: 900 }, expectedStatuses: [401, 415] });
    const { page } = tab;
    await signIn(page, 'funding', `/#/tranches/${trancheId}/show/dokumente`);
    await page.getByText('Noch keine Dokumente.').waitFor();

    await page.getByLabel('Dateien auswählen').setInputFiles([
      { name: 'Mittelabruf Nr. 3 gescannt.pdf', mimeType: 'application/pdf', buffer: pdf('Abruf') },
      { name: 'Überweisungsbeleg.pdf', mimeType: 'application/pdf', buffer: pdf('Beleg') },
      { name: 'programm.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00 kein PDF') },
    ]);
    const pending = page.getByTestId('document-pending');
    await expect(pending.count()).resolves.toBe(3);
    // Each file starts as a drawdown request titled by its name; the second becomes a receipt with its own title.
    await expect(pending.nth(0).getByLabel('Titel').inputValue()).resolves.toBe('Mittelabruf Nr. 3 gescannt');
    await pending.nth(1).getByLabel('Art').click();
    await page.getByRole('option', { name: 'Beleg' }).click();
    await pending.nth(1).getByLabel('Titel').fill('Kontoauszug zum Eingang');
    await screenshot(page, 'documents-pending');

    await page.getByRole('button', { name: '3 Dateien hochladen' }).click();

    const rowsOfTable = page.getByTestId('document-row');
    await rowsOfTable.filter({ hasText: 'Kontoauszug zum Eingang' }).waitFor();
    await rowsOfTable.filter({ hasText: 'Mittelabruf Nr. 3 gescannt' }).waitFor();
    await expect(rowsOfTable.count()).resolves.toBe(2);
    await expect(rowsOfTable.filter({ hasText: 'Kontoauszug zum Eingang' }).textContent()).resolves.toContain(
      'Beleg',
    );
    // The program named .pdf stays in the selection with the API's German reason.
    await page.getByText(/ist ihrem Inhalt nach|hat kein erlaubtes Format/).waitFor();
    await expect(pending.count()).resolves.toBe(1);
    await expect(rowsOfTable.first().textContent()).resolves.toMatch(/\d{2}\.\d{2}\.\d{4}/);
    await screenshot(page, 'documents-tab-1366');

    const row = rowsOfTable.filter({ hasText: 'Mittelabruf Nr. 3 gescannt' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('link', { name: /Herunterladen/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Mittelabruf Nr. 3 gescannt.pdf');

    await rowsOfTable
      .filter({ hasText: 'Kontoauszug zum Eingang' })
      .getByRole('button', { name: /Löschen/ })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Dokument „Kontoauszug zum Eingang“ löschen?').waitFor();
    await dialog.getByRole('button', { name: 'Löschen' }).click();
    await rowsOfTable.filter({ hasText: 'Kontoauszug zum Eingang' }).waitFor({ state: 'detached' });
    await expect(rowsOfTable.count()).resolves.toBe(1);
    expect(await env.db('documents').where('tranche_id', trancheId)).toHaveLength(1);
    expect(await rawTranslationKeys(page)).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The list of tranches shows the paper clip with the count.
    await page.goto('/#/tranches');
    await page.locator('tbody tr').first().waitFor();
    await page
      .getByLabel(/^\d+ Dokumente?$/)
      .first()
      .waitFor();
    await screenshot(page, 'documents-tranche-list-clip');
    // Every column of the list still fits beside the menu at 1366 px.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.goto('/#/expenditures');
    await page.locator('tbody tr').first().waitFor();
    await screenshot(page, 'documents-expenditure-list-clip');
  });

  it('a viewer sees the documents of a tranche, without upload or delete', async () => {
    const { rows } = (await env.db.raw(
      'select tranche_id as id from documents where tranche_id is not null order by id limit 1',
    )) as { rows: { id: number }[] };
    tab = await env.open({ viewport: { width: 390, height: 844 } });
    const { page } = tab;
    await signIn(page, 'viewer', `/#/tranches/${rows[0]!.id}/show/dokumente`);
    await page.getByTestId('document-row').first().waitFor();

    await expect(page.getByText('Dateien auswählen').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /Löschen/ }).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: /In neuem Tab öffnen/ }).count()).resolves.toBeGreaterThan(0);
    await screenshot(page, 'documents-tab-viewer-390');
  });
});
