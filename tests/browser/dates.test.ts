import { germanDate } from '../../api/labels';
import { berlinDate } from '../../api/officeDay';
import {
  browserEnvForFile,
  describeInBrowser,
  screenshot,
  seriousA11yViolations,
  signIn,
  typeDate,
  type TestPage,
} from './support';

// The browser runs in Europe/Berlin (support.ts), so its "today" is the office's day, not this machine's.
const today = () => germanDate(berlinDate(new Date()));

describeInBrowser('date inputs in a browser set to English (en-US)', () => {
  const env = browserEnvForFile();
  let tab: TestPage;

  it('show and accept TT.MM.JJJJ, typed with the keyboard, and DD/MM/YYYY once the interface is English', async () => {
    tab = await env.open({ locale: 'en-US' });
    const { page } = tab;
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    await signIn(page, 'guide', '/#/contacts/create');
    const contactOn = page.locator('input[name="contact_on"]');
    await expect(contactOn.inputValue()).resolves.toBe(today());
    await expect(
      page.getByRole('textbox', { name: 'Wiedervorlage am' }).getAttribute('placeholder'),
    ).resolves.toBe('TT.MM.JJJJ');

    await page.getByRole('combobox', { name: 'Kommune' }).click();
    await page.getByRole('option', { name: 'Pellenz' }).click();
    await page.locator('input[name="topic"]').fill('Termin Verwendungsfrist Tranche 13');
    const followUp = page.locator('input[name="follow_up_on"]');
    await followUp.click();
    await page.keyboard.press('Home');
    await page.keyboard.type('14.12.2026');
    await expect(followUp.inputValue()).resolves.toBe('14.12.2026');
    await screenshot(page, 'date-input-en-us-browser');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The calendar opens from its button and is usable by keyboard: it shows December 2026 in German.
    await page
      .getByRole('button', { name: /Datum auswählen|Kalender|Choose date/ })
      .last()
      .click();
    await page.getByRole('dialog').getByText('Dezember 2026').waitFor();
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForURL(/\/contacts\/\d+\/show$/);
    await page.getByText('14.12.2026').waitFor();
    const id = /\/contacts\/(\d+)\/show/.exec(page.url())![1];
    const saved = (await (await env.api('guide')).get(`/api/contacts/${id}`)).body as {
      follow_up_on: string;
    };
    expect(saved.follow_up_on).toBe('2026-12-14');

    // English interface: the same date as DD/MM/YYYY (British order, never the US month first).
    await page.getByRole('button', { name: 'Deutsch' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.goto(`/#/contacts/${id}`);
    await expect(page.locator('input[name="follow_up_on"]').inputValue()).resolves.toBe('14/12/2026');
  });

  it('refuses a typed date that does not exist', async () => {
    tab = await env.open({ locale: 'en-US' });
    const { page } = tab;
    await signIn(page, 'guide', '/#/contacts/create');
    await page.getByRole('combobox', { name: 'Kommune' }).click();
    await page.getByRole('option', { name: 'Pellenz' }).click();
    await page.locator('input[name="topic"]').fill('Falsches Datum');
    const followUp = page.locator('input[name="follow_up_on"]');
    await followUp.click();
    await page.keyboard.press('Home');
    await page.keyboard.type('31.02.2026');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Bitte ein gültiges Datum wie 29.03.2026 eingeben').waitFor();
    expect(page.url()).toMatch(/\/contacts\/create$/);
  });

  it('the dialog "Statusbericht erstellen" takes TT.MM.JJJJ and refuses an impossible date', async () => {
    tab = await env.open({ locale: 'en-US' });
    const { page } = tab;
    await signIn(page, 'cdo'); // the cockpit offers the button
    await page.getByRole('button', { name: 'Statusbericht erstellen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Statusbericht erstellen' });
    const reportedOn = dialog.getByRole('textbox', { name: 'Stichtag' });
    await expect(reportedOn.inputValue()).resolves.toBe(today());
    const issue = dialog.getByRole('button', { name: 'Bericht erstellen' });

    await typeDate(reportedOn, '31.02.2026');
    await dialog.getByText('Bitte ein gültiges Datum wie 29.03.2026 eingeben').waitFor();
    await expect(issue.isDisabled()).resolves.toBe(true);

    await typeDate(reportedOn, '14.12.2026');
    await expect(reportedOn.inputValue()).resolves.toBe('14.12.2026');
    await expect(issue.isEnabled()).resolves.toBe(true);
    await screenshot(page, 'status-report-dialog-en-us-browser');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await issue.click();
    await page.waitForURL(/\/status_reports\/\d+\/show$/);
    const id = /\/status_reports\/(\d+)\/show/.exec(page.url())![1];
    const saved = (await (await env.api('cdo')).get(`/api/status_reports/${id}`)).body as {
      reported_on: string;
    };
    expect(saved.reported_on).toBe('2026-12-14');
  });
});
