import {
  screenshot,
  seriousA11yViolations,
  signIn,
  browserEnvForFile,
  describeInBrowser,
  DEMO_EMAIL,
  type TestPage,
} from './support';

const PHONE = { width: 390, height: 844 };

describeInBrowser('contacts', () => {
  const env = browserEnvForFile();
  let tab: TestPage;

  describe('the guide on her phone', () => {
    it('logs a contact with "Kontakt erfassen" and sees it on her start page, without horizontal scrolling', async () => {
      tab = await env.open({ viewport: PHONE });
      const { page } = tab;
      await signIn(page, 'guide');
      const form = page.getByRole('region', { name: 'Kontakt erfassen' });
      await form.getByRole('combobox', { name: 'Kommune' }).click();
      await expect(page.getByRole('option').allTextContents()).resolves.toEqual([
        'Andernach',
        'Pellenz',
        'Weißenthurm',
      ]);
      await page.getByRole('option', { name: 'Pellenz' }).click();
      await form.locator('input[name="person_name"]').fill('Herr Bürgermeister Jung');
      await form.locator('input[name="topic"]').fill('Glasfaser im Gewerbegebiet Plaidt');
      await form.locator('textarea[name="notes"]').fill('Rückruf zur Förderkulisse zugesagt.');

      // Touch targets: every input box and every button outside an input (icons inside an input are not tab stops).
      const targets = await form.evaluate((el) =>
        [...el.querySelectorAll<HTMLElement>('.MuiInputBase-root, button')]
          .filter((e) => e.tagName !== 'BUTTON' || !e.closest('.MuiInputBase-root'))
          .map((e) => ({ text: e.textContent ?? '', ...e.getBoundingClientRect().toJSON() })),
      );
      const formWidth = (await form.boundingBox())!.width;
      expect(targets.length).toBeGreaterThanOrEqual(7);
      for (const target of targets) {
        const fits = { tall: target.height >= 44, fullWidth: target.width > formWidth * 0.8 };
        expect({ element: target.text, ...fits }).toEqual({
          element: target.text,
          tall: true,
          fullWidth: true,
        });
      }

      await form.getByRole('button', { name: 'Kontakt speichern' }).click();
      await page.getByText('Kontakt gespeichert').waitFor();
      const recent = page.getByRole('region', { name: 'Meine letzten Kontakte' });
      await recent.getByText('Glasfaser im Gewerbegebiet Plaidt').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
      await screenshot(page, 'guide-start-phone');
      expect(await seriousA11yViolations(page)).toEqual([]);

      const api = await env.api('guide');
      const saved = await api
        .get('/api/contacts')
        .query({ filter: JSON.stringify({ q: 'Glasfaser Gewerbegebiet' }) });
      expect(saved.body).toEqual([
        expect.objectContaining({ person_name: 'Herr Bürgermeister Jung', channel: 'phone' }),
      ]);
    });

    it('may edit her own contacts only', async () => {
      tab = await env.open({ viewport: PHONE });
      const { page } = tab;
      const api = await env.api('guide');
      const me = (await api.get('/api/auth/me')).body as { id: number };
      const firstBy = async (filter: object) =>
        (await api.get('/api/contacts').query({ filter: JSON.stringify(filter), range: '[0,0]' })).body[0].id;
      // Only the CDO may see (and filter by) other people's e-mail addresses.
      const colleague = (
        await (
          await env.api('cdo')
        )
          .get('/api/users')
          .query({ filter: JSON.stringify({ email: DEMO_EMAIL.guide2 }) })
      ).body[0].id;
      const own = await firstBy({ author_id: me.id });
      const colleagues = await firstBy({ author_id: colleague });
      await signIn(page, 'guide', `/#/contacts/${own}/show`);
      await page.getByRole('link', { name: 'Bearbeiten' }).waitFor();
      await page.goto(`/#/contacts/${colleagues}/show`);
      await page.getByText('Kontaktweg').waitFor();
      await expect(page.getByRole('link', { name: 'Bearbeiten' }).count()).resolves.toBe(0);
    });

    it('reads the contact list on the phone without horizontal scrolling', async () => {
      tab = await env.open({ viewport: PHONE });
      const { page } = tab;
      await signIn(page, 'guide', '/#/contacts');
      await page.getByRole('list').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
      await screenshot(page, 'contacts-list-phone');
    });
  });

  describe('the contact list on a desktop', () => {
    it('highlights overdue follow-ups in words and colour', async () => {
      tab = await env.open();
      const { page } = tab;
      await signIn(page, 'steering', '/#/contacts');
      await page.getByRole('row').nth(1).waitFor();
      await expect(page.getByRole('row').filter({ hasText: 'überfällig' }).count()).resolves.toBeGreaterThan(
        0,
      );
      await screenshot(page, 'contacts-list');
      expect(await seriousA11yViolations(page)).toEqual([]);
    });
  });
});
