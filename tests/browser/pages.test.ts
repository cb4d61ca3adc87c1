import {
  helperTextOf,
  rawTranslationKeys,
  screenshot,
  seriousA11yViolations,
  settle,
  signIn,
  startBrowserEnv,
  describeInBrowser,
  type BrowserEnv,
  type TestPage,
} from './support';

/** Every resource with its pages: all have a list; most a detail page; the editable ones a form. */
const RESOURCES: { name: string; show?: boolean; edit?: boolean }[] = [
  { name: 'measures', show: true, edit: true },
  { name: 'milestones', show: true, edit: true },
  { name: 'milestone_forecasts' },
  { name: 'indicators', show: true, edit: true },
  { name: 'indicator_values', edit: true },
  { name: 'municipalities', show: true, edit: true },
  { name: 'measure_municipalities' },
  { name: 'partners', show: true, edit: true },
  { name: 'measure_partners', show: true, edit: true },
  { name: 'fields_of_action', show: true, edit: true },
  { name: 'grants', show: true, edit: true },
  { name: 'grant_years', show: true, edit: true },
  { name: 'tranches', show: true, edit: true },
  { name: 'expenditures', show: true, edit: true },
  { name: 'transfers', show: true, edit: true },
  { name: 'contacts', show: true, edit: true },
  { name: 'contact_measures' },
  { name: 'status_reports', show: true },
  { name: 'users', show: true, edit: true },
  { name: 'guide_municipalities' },
  { name: 'audit_entries', show: true },
];

describeInBrowser('every page of the admin', () => {
  let env: BrowserEnv;
  let tab: TestPage;
  const firstId: Record<string, number> = {};

  beforeAll(async () => {
    env = await startBrowserEnv();
    const api = await env.api('cdo');
    // A status report (and with it an audit entry) so that those pages have something to show.
    await api
      .post('/api/status_reports')
      .send({ reported_on: '2026-03-29', title: 'Statusbericht März 2026' });
    for (const { name } of RESOURCES) {
      const res = await api.get(`/api/${name}`).query({ range: '[0,0]' });
      firstId[name] = res.body[0].id;
    }
    tab = await env.open();
    await signIn(tab.page, 'cdo');
  }, 120_000);

  afterAll(async () => {
    await tab?.close();
    await env?.close();
  });

  afterEach(() => {
    expect(tab.errors.splice(0)).toEqual([]);
  });

  /** Opens a page and waits until react-admin has rendered it (no loader, a heading or table in place). */
  async function visit(path: string): Promise<void> {
    await tab.page.goto(path);
    await tab.page.locator('main .RaList-main, main .RaShow-main, main .RaEdit-main').first().waitFor();
    await settle(tab.page);
  }

  describe.each(RESOURCES)('the pages of $name', ({ name, show, edit }) => {
    it('has a German list whose table fits the page, a detail page whose tabs load, a form; all accessible', async () => {
      const { page } = tab;
      await visit(`/#/${name}`);
      await page.getByRole('row').nth(1).waitFor();
      // A reference still loading shows a wide bar in its cell; the width that counts is the loaded one.
      await page.locator('main .MuiLinearProgress-indeterminate').first().waitFor({ state: 'detached' });
      // Nothing cut off at 1366 px: the table fits its card without scrolling sideways.
      const [table, card] = await page.evaluate(() =>
        ['.RaDataTable-table', '.RaDataTable-tableWrapper'].map(
          (s) => document.querySelector(s)!.clientWidth,
        ),
      );
      expect(table).toBeLessThanOrEqual(card!);
      await screenshot(page, `list-${name}`);
      expect(await rawTranslationKeys(page)).toEqual([]);
      expect(await seriousA11yViolations(page)).toEqual([]);

      if (show) {
        await visit(`/#/${name}/${firstId[name]}/show`);
        const tabs = page.getByRole('tab');
        for (let i = 1; i < (await tabs.count()); i++) await tabs.nth(i).click();
        await screenshot(page, `show-${name}`);
        expect(await rawTranslationKeys(page)).toEqual([]);
        expect(await seriousA11yViolations(page)).toEqual([]);
      }

      if (edit) {
        await visit(`/#/${name}/${firstId[name]}`);
        await page.getByRole('button', { name: 'Speichern' }).waitFor();
        expect(await rawTranslationKeys(page)).toEqual([]);
        expect(await seriousA11yViolations(page)).toEqual([]);
      }
    });
  });

  describe('the password page', () => {
    it('checks length and repetition before sending', async () => {
      const { page } = tab;
      await page.goto('/#/passwort');
      await page.locator('input[name="current_password"]').fill('myk10-demo-2026');
      await page.locator('input[name="new_password"]').fill('kurz');
      await page.locator('input[name="repeat_password"]').fill('anders');
      await page.getByRole('button', { name: 'Passwort ändern' }).click();
      await (await helperTextOf(page, 'new_password')).filter({ hasText: 'Mindestens 12 Zeichen' }).waitFor();
      await (
        await helperTextOf(page, 'repeat_password')
      )
        .filter({ hasText: 'stimmen nicht überein' })
        .waitFor();
      await screenshot(page, 'change-password');
      expect(await rawTranslationKeys(page)).toEqual([]);
      expect(await seriousA11yViolations(page)).toEqual([]);
    });
  });
});
