import {
  browserEnvForFile,
  describeInBrowser,
  screenshot,
  seriousA11yViolations,
  signIn,
  waitForValue,
  type TestPage,
} from './support';

describeInBrowser('polish', () => {
  const env = browserEnvForFile();
  let tab: TestPage;

  it('answers a wrong address with a German 404 page, titled once, with the way back', async () => {
    tab = await env.open();
    const { page } = tab;
    await signIn(page, 'viewer', '/#/gibt-es-nicht');
    await page.getByRole('heading', { name: 'Diese Seite gibt es nicht' }).waitFor();
    await expect(page.locator('#react-admin-title').innerText()).resolves.toBe('Seite nicht gefunden');
    expect(await page.locator('body').innerText()).not.toMatch(/Not Found|not found/);
    await screenshot(page, 'not-found');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Zur Startseite' }).click();
    await page.waitForURL(/#\/$/);
  });

  it('asks the server once for the signed-in user while the page starts, not once per question', async () => {
    tab = await env.open();
    const { page } = tab;
    let answered = 0;
    let askedBeforeAnAnswer = 0;
    page.on('request', (r) => {
      if (r.url().endsWith('/api/auth/me') && answered === 0) askedBeforeAnAnswer++;
    });
    page.on('requestfinished', (r) => {
      if (r.url().endsWith('/api/auth/me')) answered++;
    });
    await signIn(page, 'viewer');
    expect(askedBeforeAnAnswer).toBe(1);
  });

  it('lets the browser keep the named bundles for good and check the start page each time; a gone bundle is a 404', async () => {
    tab = await env.open({ expectedStatuses: [404] });
    const { request } = tab.page;
    const start = await request.get('/');
    expect(start.headers()['cache-control']).toBe('public, max-age=0');
    const bundle = /src="(\/assets\/[^"]+\.js)"/.exec(await start.text())?.[1];
    expect(bundle).toBeDefined();
    const script = await request.get(bundle!);
    expect(script.status()).toBe(200);
    expect(script.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    const gone = await request.get('/assets/index-0ld0ld0l.js');
    expect(gone.status()).toBe(404);
    expect(gone.headers()['content-type']).toMatch(/^application\/json/);
  });

  it('titles a status report once ("Statusbericht …", never "Statusbericht Statusbericht …")', async () => {
    tab = await env.open();
    const { page } = tab;
    const report = (
      await (
        await env.api('steering')
      )
        .post('/api/status_reports')
        .send({ reported_on: '2026-11-27', title: 'Statusbericht November 2026' })
    ).body as { id: number };
    await signIn(page, 'steering', `/#/status_reports/${report.id}/show`);
    const title = page.locator('#react-admin-title');
    await title.getByText('Statusbericht November 2026').waitFor();
    await expect(title.innerText()).resolves.toBe('Statusbericht November 2026');
  });

  it('shows "—" for an empty field on a detail page', async () => {
    tab = await env.open();
    const { page } = tab;
    const partners = (
      await (await env.api('viewer')).get('/api/partners').query({ filter: JSON.stringify({ q: 'Geysir' }) })
    ).body as { id: number; agreement_signed_on: string | null }[];
    expect(partners[0]!.agreement_signed_on).toBeNull();
    await signIn(page, 'viewer', `/#/partners/${partners[0]!.id}/show`);
    const field = page
      .locator('.RaLabeled-label', {
        has: page.getByText('Kooperationsvereinbarung unterzeichnet am', { exact: true }),
      })
      .locator('xpath=..');
    await expect(field.innerText()).resolves.toMatch(/—$/);
  });

  it('draws the MTA of many lines as the top 8 with a chooser, and writes shifts as +12 / −20 / ±0 Tage', async () => {
    tab = await env.open();
    const { page } = tab;
    await signIn(page, 'viewer', '/#/mta');
    const chooser = page.getByRole('group', { name: /Im Diagramm: \d+ von \d+ Meilensteinen/ });
    await chooser.waitFor();
    const legend = page.locator('.recharts-legend-item');
    // The diagonal plus eight milestones.
    await page.waitForFunction(() => document.querySelectorAll('.recharts-legend-item').length > 0);
    await expect(legend.count()).resolves.toBe(9);
    await chooser.getByRole('button', { name: 'Alle' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.recharts-legend-item').length > 9);
    await screenshot(page, 'mta-all-lines');
    expect(await seriousA11yViolations(page)).toEqual([]);
    const shifts = await page
      .getByRole('table', { name: 'Meilensteine des Diagramms' })
      .locator('tbody tr td:last-child')
      .allInnerTexts();
    expect(shifts.length).toBeGreaterThan(0);
    for (const s of shifts) expect(s).toMatch(/^(\+[1-9]\d*|\u2212[1-9]\d*|±0) Tage?$/);
  });

  it('suggests the next free measure code in the create form', async () => {
    tab = await env.open();
    const { page } = tab;
    const codes = (
      (await (await env.api('cdo')).get('/api/measures').query({ range: '[0,999]' })).body as {
        code: string;
      }[]
    ).map((m) => Number(/\d+$/.exec(m.code)![0]));
    await signIn(page, 'cdo', '/#/measures/create');
    await waitForValue(page.locator('input[name="code"]'), `M-${Math.max(...codes) + 1}`);
  });

  /** The transitions and finite animations that run while the user menu opens and closes (spinners not counted). */
  async function userMenuAnimations(motion: 'reduce' | 'no-preference'): Promise<string[]> {
    tab = await env.open({ motion });
    const { page } = tab;
    await signIn(page, 'cdo');
    await page.evaluate(() => {
      const w = window as unknown as { animationsSeen: string[] };
      w.animationsSeen = [];
      const record = (event: Event) => {
        const element = event.target as Element;
        if (getComputedStyle(element).animationIterationCount === 'infinite') return;
        w.animationsSeen.push(`${event.type} ${element.className}`);
      };
      document.addEventListener('transitionrun', record);
      document.addEventListener('animationstart', record);
    });
    await page.getByRole('button', { name: 'Benutzermenü' }).click();
    const logout = page.getByRole('menuitem', { name: 'Abmelden' });
    await logout.waitFor();
    await page.keyboard.press('Escape');
    await logout.waitFor({ state: 'detached' });
    return page.evaluate(() => (window as unknown as { animationsSeen: string[] }).animationsSeen);
  }

  it('opens and closes the user menu without animation for whoever asks for reduced motion', async () => {
    expect(await userMenuAnimations('reduce')).toEqual([]);
  });

  it('animates the user menu for everyone else', async () => {
    expect((await userMenuAnimations('no-preference')).length).toBeGreaterThan(0);
  });

  it('creates a partner from the partner picker and picks it', async () => {
    tab = await env.open();
    const { page } = tab;
    await signIn(page, 'steering', '/#/measure_partners/create');
    await page.getByRole('combobox', { name: 'Maßnahme' }).fill('M-01');
    await page.getByRole('option').first().click();
    await page.getByRole('combobox', { name: 'Kooperationspartner' }).fill('Glasfaser Vordereifel eG');
    await page.getByRole('option', { name: /Glasfaser Vordereifel eG/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Kooperationspartner anlegen' });
    await expect(dialog.locator('input[name="name"]').inputValue()).resolves.toBe('Glasfaser Vordereifel eG');
    await dialog.getByRole('combobox', { name: 'Sektor' }).click();
    await page.getByRole('option').first().click();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.waitFor({ state: 'detached' });
    await waitForValue(
      page.getByRole('combobox', { name: 'Kooperationspartner' }),
      'Glasfaser Vordereifel eG',
    );
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForURL(/\/measure_partners\/\d+\/show$/);
    const api = await env.api('steering');
    const partner = (
      await api.get('/api/partners').query({ filter: JSON.stringify({ q: 'Glasfaser Vordereifel' }) })
    ).body as { id: number }[];
    expect(partner).toHaveLength(1);
    const id = /measure_partners\/(\d+)/.exec(page.url())![1];
    expect(((await api.get(`/api/measure_partners/${id}`)).body as { partner_id: number }).partner_id).toBe(
      partner[0]!.id,
    );
  });
});
