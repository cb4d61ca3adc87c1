import type { Page } from 'playwright-core';
import { addDays, berlinDate } from '../../api/officeDay';
import {
  browserEnvForFile,
  describeInBrowser,
  screenshot,
  seriousA11yViolations,
  signIn,
  waitForValue,
  type TestPage,
} from './support';

const PHONE = { width: 390, height: 844 };

const isoIn = (days: number) => addDays(berlinDate(new Date()), days);

async function noHorizontalOverflow(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

interface Contact {
  id: number;
  version: number;
  topic: string;
  follow_up_on: string | null;
  follow_up_done: boolean;
  municipality_id: number;
}

describeInBrowser('the guide on her phone (390 px)', () => {
  const env = browserEnvForFile();
  let tab: TestPage;

  it('taps a municipality and logs a contact for it: the form is filled in and the topic has the focus', async () => {
    tab = await env.open({ viewport: PHONE });
    const { page } = tab;
    await signIn(page, 'guide');
    await page.getByRole('button', { name: /^Kontakt erfassen mit Pellenz/ }).click();
    const form = page.getByRole('region', { name: 'Kontakt erfassen' });
    await waitForValue(form.getByRole('combobox', { name: 'Kommune' }), 'Pellenz');
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'topic');
    await page.keyboard.type('Förderaufruf Smarte Dörfer besprochen');
    // The quick form links a measure too.
    await form.getByRole('combobox', { name: 'Maßnahmen' }).fill('RegioHub');
    await page.getByRole('option').first().click();
    await form.getByRole('button', { name: 'Kontakt speichern' }).click();
    await page.getByText('Kontakt gespeichert').waitFor();
    await noHorizontalOverflow(page);
    await screenshot(page, 'guide-phone-contact-for-municipality');

    const api = await env.api('guide');
    const saved = (
      await api.get('/api/contacts').query({ filter: JSON.stringify({ q: 'Förderaufruf Smarte Dörfer' }) })
    ).body as (Contact & { measure_ids: number[] })[];
    const pellenz = (await api.get('/api/municipalities').query({ filter: JSON.stringify({ q: 'Pellenz' }) }))
      .body as { id: number }[];
    expect(saved).toHaveLength(1);
    expect(saved[0]!.municipality_id).toBe(pellenz[0]!.id);
    expect(saved[0]!.measure_ids).toHaveLength(1);
    // The municipality's own page is still one tap away.
    await page.getByRole('link', { name: 'Seite der Kommune Pellenz öffnen' }).click();
    await page.waitForURL(/\/municipalities\/\d+\/show$/);
  });

  it('closes a follow-up with one tap and moves another by one week (version-checked)', async () => {
    const api = await env.api('guide');
    const me = (await api.get('/api/auth/me')).body as { municipality_ids: number[] };
    const log = async (topic: string, followUp: string) =>
      (
        await api.post('/api/contacts').send({
          municipality_id: me.municipality_ids[0],
          contact_on: isoIn(0),
          channel: 'phone',
          topic,
          follow_up_on: followUp,
          follow_up_done: false,
        })
      ).body as Contact;
    const toClose = await log('Rückruf Bauamt Breitband', isoIn(2));
    const toMove = await log('Unterlagen Förderantrag nachreichen', isoIn(3));
    const stale = await log('Termin Gemeinderat abstimmen', isoIn(4));

    tab = await env.open({ viewport: PHONE, expectedStatuses: [401, 409] });
    const { page } = tab;
    await signIn(page, 'guide');
    const followUps = page.getByRole('region', { name: 'Offene Wiedervorlagen' });
    await followUps.getByText('Rückruf Bauamt Breitband').waitFor();
    await noHorizontalOverflow(page);
    await screenshot(page, 'guide-phone-follow-ups');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await followUps
      .getByRole('button', { name: 'Wiedervorlage „Rückruf Bauamt Breitband“: erledigt' })
      .click();
    await page.getByText('Wiedervorlage erledigt', { exact: true }).waitFor();
    await followUps.getByText('Rückruf Bauamt Breitband').waitFor({ state: 'detached' });
    const closed = (await api.get(`/api/contacts/${toClose.id}`)).body as Contact;
    expect(closed).toMatchObject({ follow_up_done: true, follow_up_on: toClose.follow_up_on });
    expect(closed.version).toBe(toClose.version + 1);

    await followUps
      .getByRole('button', {
        name: 'Wiedervorlage „Unterlagen Förderantrag nachreichen“: +1 Woche',
      })
      .click();
    await page.getByText(`Wiedervorlage auf ${isoIn(10)} verschoben`).waitFor();
    const moved = (await api.get(`/api/contacts/${toMove.id}`)).body as Contact;
    expect(moved).toMatchObject({ follow_up_on: isoIn(10), follow_up_done: false });

    // Changed elsewhere after the page read it: the tap is refused and the conflict is named.
    await api.put(`/api/contacts/${stale.id}`).send({ version: stale.version, notes: 'am Telefon geändert' });
    await followUps
      .getByRole('button', { name: 'Wiedervorlage „Termin Gemeinderat abstimmen“: +2 Wochen' })
      .click();
    await page.getByText(/zwischenzeitlich von jemand anderem geändert/).waitFor();
    expect(((await api.get(`/api/contacts/${stale.id}`)).body as Contact).follow_up_on).toBe(isoIn(4));
  });

  it('has a slim header: search as a button, the language switch in the user menu', async () => {
    tab = await env.open({ viewport: PHONE });
    const { page } = tab;
    await signIn(page, 'guide');
    const header = page.locator('header').first();
    expect((await header.boundingBox())!.height).toBeLessThanOrEqual(64);
    await expect(header.getByRole('button', { name: 'Deutsch' }).count()).resolves.toBe(0);
    await expect(header.getByRole('textbox').count()).resolves.toBe(0);
    await header.getByRole('button', { name: 'Suche' }).waitFor();
    await header.getByRole('button', { name: 'Benutzermenü' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('region', { name: 'Log contact' }).waitFor();
    await noHorizontalOverflow(page);
    await header.getByRole('button', { name: 'User menu' }).click();
    await page.getByRole('menuitem', { name: 'Deutsch' }).click();
    await page.getByRole('region', { name: 'Kontakt erfassen' }).waitFor();
  });

  it('sees only the menu entries she uses', async () => {
    tab = await env.open({ viewport: PHONE });
    const { page } = tab;
    await signIn(page, 'guide');
    await page.getByRole('button', { name: /Menü öffnen|Open menu/ }).click();
    const menu = page.getByRole('menu');
    await menu.getByRole('menuitem', { name: 'Kontakte', exact: true }).waitFor();
    for (const name of [
      'Benutzerkonten',
      'Handlungsfelder',
      'Zuständigkeiten der Regionallotsinnen',
      'Passwort ändern',
    ])
      await expect(menu.getByRole('menuitem', { name, exact: true }).count()).resolves.toBe(0);
    await screenshot(page, 'guide-phone-menu');
  });

  it('reads contacts and partners as simple lists; the contact list labels the follow-up and has her preset', async () => {
    tab = await env.open({ viewport: PHONE });
    const { page } = tab;
    await signIn(page, 'guide', '/#/contacts');
    await page.getByText('Wiedervorlage am:').first().waitFor();
    await expect(page.getByRole('table').count()).resolves.toBe(0);
    const preset = page.getByRole('button', { name: 'Meine offenen Wiedervorlagen' });
    await preset.click();
    await page.waitForURL(/follow_up_done/);
    await page.locator('button[aria-pressed="true"]', { hasText: 'Meine offenen Wiedervorlagen' }).waitFor();
    const me = (await (await env.api('guide')).get('/api/auth/me')).body as { id: number };
    const filter = JSON.parse(new URL(page.url().replace('#/', '')).searchParams.get('filter')!) as object;
    expect(filter).toEqual({ author_id: me.id, follow_up_done: false, follow_up_on_null: false });
    await page.getByText('Wiedervorlage am:').first().waitFor();
    await expect(page.getByText('erledigt', { exact: true }).count()).resolves.toBe(0);
    await noHorizontalOverflow(page);
    await screenshot(page, 'guide-phone-my-follow-ups');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.goto(`/#/partners?filter=${encodeURIComponent(JSON.stringify({ q: 'Geysir' }))}`);
    await page.getByText('Museum Geysir Andernach').waitFor();
    await expect(page.getByRole('table').count()).resolves.toBe(0);
    await noHorizontalOverflow(page);
    await page.getByText('Museum Geysir Andernach').click();
    await page.waitForURL(/\/partners\/\d+\/show$/);
  });
});
