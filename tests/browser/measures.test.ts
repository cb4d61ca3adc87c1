import fs from 'node:fs';
import type { Page } from 'playwright-core';
import {
  helperTextOf,
  screenshot,
  seriousA11yViolations,
  settle,
  signIn,
  waitForValue,
  browserEnvForFile,
  describeInBrowser,
  type TestPage,
} from './support';

describeInBrowser('working with measures', () => {
  const env = browserEnvForFile();
  let tab: TestPage;

  async function measureByCode(
    code: string,
  ): Promise<{ id: number; version: number; title: string; budget_cents: number }> {
    const api = await env.api('cdo');
    const res = await api.get('/api/measures').query({ filter: JSON.stringify({ code }) });
    return res.body[0];
  }

  /** Picks an option of a react-admin AutocompleteInput by typing part of it. */
  async function choose(page: Page, label: string, typed: string, option: string): Promise<void> {
    const input = page.getByRole('combobox', { name: label });
    await input.click();
    await input.fill(typed);
    await page.getByRole('option', { name: option }).click();
  }

  const saveButton = (page: Page) => page.getByRole('button', { name: 'Speichern', exact: true });

  /** Types a code over the suggested next free one, once the form has filled that in (as a user would see it). */
  async function typeCode(page: Page, code: string): Promise<void> {
    const input = page.locator('input[name="code"]');
    await waitForValue(input, 'M-');
    await input.fill(code);
  }

  describe('measures', () => {
    it('the CDO creates a measure with a milestone and finds it in the list', async () => {
      tab = await env.open();
      const { page } = tab;
      await signIn(page, 'cdo', '/#/measures/create');
      await typeCode(page, 'M-90');
      await page.locator('input[name="title"]').fill('Digitale Bürgerbeteiligung Testlauf');
      await choose(page, 'Handlungsfeld', 'Gemein', 'Gemeinschaft');
      await page.locator('input[name="budget_cents"]').fill('25.000,00');
      await saveButton(page).click();
      await page.getByRole('tab', { name: 'Meilensteine' }).click();
      await page.getByRole('button', { name: 'Meilenstein hinzufügen' }).click();
      await page.locator('input[name="title"]').fill('Beteiligungsplattform freigeschaltet');
      await page.locator('input[name="baseline_date"]').fill('30.06.2026');
      await page.locator('input[name="due_date"]').fill('31.07.2026');
      await saveButton(page).click();
      await page.getByText('Beteiligungsplattform freigeschaltet').first().waitFor();

      await page.goto('/#/measures');
      await page.getByRole('textbox', { name: 'Suche' }).fill('Bürgerbeteiligung');
      const row = page.getByRole('row').filter({ hasText: 'M-90' });
      await row.waitFor();
      await expect(row.textContent()).resolves.toContain('31.07.2026');
      await screenshot(page, 'measures-list-search');
    });

    it('shows a missing title at the title field and a duplicate code (from the server) at the code field', async () => {
      tab = await env.open({ expectedStatuses: [401, 400] });
      const { page } = tab;
      await signIn(page, 'cdo', '/#/measures/create');
      await typeCode(page, 'M-01');
      await saveButton(page).click();
      await (await helperTextOf(page, 'title')).filter({ hasText: 'Pflichtfeld' }).waitFor();
      await page.locator('input[name="title"]').fill('Doppelte Kennung');
      await choose(page, 'Handlungsfeld', 'Bild', 'Bildung');
      await saveButton(page).click();
      await (
        await helperTextOf(page, 'code')
      )
        .filter({ hasText: 'Dieser Wert ist bereits vergeben' })
        .waitFor();
      await screenshot(page, 'measure-form-validation-error');
      expect(await seriousA11yViolations(page)).toEqual([]);
    });

    it('keeps the typed value and says so when someone else saved in between', async () => {
      tab = await env.open({ expectedStatuses: [401, 409] });
      const { page } = tab;
      const measure = await measureByCode('M-02');
      await signIn(page, 'cdo', `/#/measures/${measure.id}`);
      const title = page.locator('input[name="title"]');
      await title.fill('Neuer Titel aus dem Browser');
      const steering = await env.api('steering');
      const changed = await steering
        .put(`/api/measures/${measure.id}`)
        .send({ ...measure, summary: 'Zwischendurch geändert' });
      expect(changed.status).toBe(200);
      await saveButton(page).click();
      await page.getByText('Der Datensatz wurde zwischenzeitlich von jemand anderem geändert').waitFor();
      await expect(title.inputValue()).resolves.toBe('Neuer Titel aus dem Browser');
      await screenshot(page, 'measure-edit-conflict');
    });

    it('does not delete a record that someone else changed since it was opened, and says so', async () => {
      tab = await env.open({ expectedStatuses: [401, 409] });
      const { page } = tab;
      const cdo = await env.api('cdo');
      const partner = (
        await cdo
          .post('/api/partners')
          .send({ name: 'Gleich gelöscht GmbH', sector: 'business', city: 'Mayen' })
          .expect(201)
      ).body as { id: number };
      await signIn(page, 'cdo', `/#/partners/${partner.id}`);
      await page.locator('input[name="name"]').waitFor();
      await settle(page);
      const steering = await env.api('steering');
      const read = (await steering.get(`/api/partners/${partner.id}`).expect(200)).body as object;
      await steering
        .put(`/api/partners/${partner.id}`)
        .send({ ...read, notes: 'Zwischendurch ergänzt' })
        .expect(200);
      await page.getByRole('button', { name: 'Löschen' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Bestätigen' }).click();
      await page.getByText('geändert und daher nicht gelöscht').waitFor();
      await cdo.get(`/api/partners/${partner.id}`).expect(200);
    });

    it('stores money typed in German notation as exact cents', async () => {
      tab = await env.open();
      const { page } = tab;
      const measure = await measureByCode('M-03');
      await signIn(page, 'cdo', `/#/measures/${measure.id}`);
      await page.locator('input[name="budget_cents"]').fill('1.234,56');
      await saveButton(page).click();
      await page.waitForURL(/\/show$/);
      await expect(measureByCode('M-03')).resolves.toMatchObject({ budget_cents: 123456 });
      await page.getByText('1.234,56 €').waitFor();
    });

    it('exports the list as a German CSV (BOM, semicolons, euros with a decimal comma, dates as 29.03.2026)', async () => {
      tab = await env.open();
      const { page } = tab;
      await signIn(page, 'cdo', '/#/measures');
      await page.getByRole('row').filter({ hasText: 'M-01' }).waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Exportieren' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('Maßnahmen.csv');
      const csv = fs.readFileSync(await download.path(), 'utf8');
      expect(csv.startsWith('\uFEFF')).toBe(true);
      const [header, ...rows] = csv.slice(1).split('\r\n');
      expect(header).toContain('Kennung;Titel;Kurzbeschreibung;Handlungsfeld');
      const m01 = rows.find((r) => r.includes(';M-01;'))!;
      expect(m01).toContain(';1700000,00;');
      expect(m01).toContain(';01.07.2023;');
      expect(m01).toContain(';in Umsetzung;');
      expect(m01).toContain(';Gemeinschaft;');
    });

    it('exports text planted to run as a formula defused, so a spreadsheet shows it as text', async () => {
      tab = await env.open();
      const { page } = tab;
      const api = await env.api('cdo');
      const field = (await api.get('/api/fields_of_action')).body[0] as { id: number };
      const created = await api.post('/api/measures').send({
        code: 'M-91',
        title: '=HYPERLINK("http://example.invalid","x")',
        summary: '-1+2',
        field_of_action_id: field.id,
        phase: 'implementation',
        status: 'planning',
        health: 'green',
        progress: 0,
        budget_cents: 0,
      });
      expect([created.status, created.body]).toEqual([201, expect.anything()]);
      await signIn(page, 'cdo', '/#/measures');
      await page.getByRole('row').filter({ hasText: 'M-01' }).waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Exportieren' }).click(),
      ]);
      const csv = fs.readFileSync(await download.path(), 'utf8');
      const row = csv.split('\r\n').find((r) => r.includes(';M-91;'));
      expect(row).toContain(`;M-91;"'=HYPERLINK(""http://example.invalid"",""x"")";'-1+2;`);
    });

    it('lists and shows measures accessibly', async () => {
      tab = await env.open();
      const { page } = tab;
      const measure = await measureByCode('M-01');
      await signIn(page, 'cdo', '/#/measures');
      await page.getByRole('row').filter({ hasText: 'M-01' }).waitFor();
      await screenshot(page, 'measures-list');
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.goto(`/#/measures/${measure.id}/show`);
      await page.getByRole('tab', { name: 'Übersicht' }).waitFor();
      await screenshot(page, 'measure-show');
      expect(await seriousA11yViolations(page)).toEqual([]);
      for (const [tabName, path] of [
        ['Meilensteine', 'meilensteine'],
        ['Finanzen', 'finanzen'],
        ['Verlauf', 'verlauf'],
      ]) {
        await page.getByRole('tab', { name: tabName }).click();
        await page.waitForURL(new RegExp(`/${path}$`));
        await screenshot(page, `measure-show-${path}`);
      }
      expect(await seriousA11yViolations(page)).toEqual([]);
    });

    it('shows the suggested light beside the set one, with its reason in words', async () => {
      tab = await env.open();
      const { page } = tab;
      // M-04: set amber, a milestone far more than 90 days behind its baseline suggests red.
      const measure = await measureByCode('M-04');
      await signIn(page, 'cdo', `/#/measures/${measure.id}/show`);
      // A labelled field: its label and its value under one parent.
      const field = (label: string) =>
        page.locator('.RaLabeled-label', { has: page.getByText(label, { exact: true }) }).locator('xpath=..');
      await page.getByRole('tab', { name: 'Übersicht' }).waitFor();
      await field('Vorgeschlagene Ampel')
        .getByText(/^Meilenstein „.+“ \d+ Tage hinter Basistermin$/)
        .waitFor();
      await expect(field('Vorgeschlagene Ampel').textContent()).resolves.toMatch(
        /^Vorgeschlagene AmpelRotMeilenstein „.+“ \d+ Tage hinter Basistermin$/,
      );
      await expect(field('Ampel').textContent()).resolves.toBe('AmpelGelb');
      await screenshot(page, 'measure-show-suggested-light');
      expect(await seriousA11yViolations(page)).toEqual([]);
    });
  });
});
