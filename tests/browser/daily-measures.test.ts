import fs from 'node:fs';
import {
  DEMO_EMAIL,
  screenshot,
  seriousA11yViolations,
  settle,
  signIn,
  browserEnvForFile,
  describeInBrowser,
  type TestPage,
} from './support';

/** The steering role's daily work on measures (issue #13): late measures, milestones in place, reports, history. */
describeInBrowser('daily work on measures (steering)', () => {
  const env = browserEnvForFile();
  let tab: TestPage;

  it('finds late measures: a red past date in the list and the filter "Verspätet"', async () => {
    tab = await env.open();
    const { page } = tab;
    await signIn(page, 'steering', '/#/measures');
    await page.getByRole('row').filter({ hasText: 'M-01' }).waitFor();
    const lateCells = page.locator('[data-late="true"]');
    await lateCells.first().waitFor();
    await expect(lateCells.first().textContent()).resolves.toMatch(/^\d{2}\.\d{2}\.\d{4}überfällig$/);
    // The theme's error red (not the default text colour).
    const [r, g, b] = (await lateCells.first().evaluate((el) => getComputedStyle(el).color))
      .match(/\d+/g)!
      .map(Number);
    expect(r! - Math.max(g!, b!)).toBeGreaterThan(100);

    // The filter is always at hand, one click.
    await page.getByLabel('Verspätet').check();
    await page.waitForURL(/late/);
    await settle(page);
    const api = await env.api('steering');
    const late = (await api.get('/api/measures').query({ filter: JSON.stringify({ late: true }) })).body as {
      code: string;
    }[];
    await page.getByRole('row').filter({ hasText: late[0]!.code }).waitFor();
    await page.waitForFunction(
      (n) => document.querySelectorAll('tbody tr').length === n,
      Math.min(late.length, 25),
    );
    await expect(page.locator('tbody tr [data-late="true"]').count()).resolves.toBe(
      Math.min(late.length, 25),
    );
    await screenshot(page, 'measures-list-late');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('opens the measures whose set light differs from the suggestion from the deviation card', async () => {
    tab = await env.open();
    const { page } = tab;
    await signIn(page, 'steering');
    const dashboard = (await (await env.api('steering')).get('/api/dashboard')).body as {
      lights: { disagreement_count: number; disagreements: { code: string }[] };
    };
    expect(dashboard.lights.disagreement_count).toBeGreaterThan(0);
    await page.getByRole('button', { name: /Ampel-Abweichungen/ }).click();
    await page.waitForURL(/#\/measures\?filter=/);
    await page.getByRole('row').filter({ hasText: dashboard.lights.disagreements[0]!.code }).waitFor();
    await expect(page.locator('tbody tr').count()).resolves.toBe(
      Math.min(dashboard.lights.disagreement_count, 25),
    );
    await screenshot(page, 'measures-list-disagreements');

    // The card's own footer opens the same list.
    await page.goto('/#/');
    await page.getByRole('link', { name: `Alle anzeigen (${dashboard.lights.disagreement_count})` }).click();
    await page.waitForURL(/#\/measures\?filter=/);
    await page.getByRole('row').filter({ hasText: dashboard.lights.disagreements[0]!.code }).waitFor();
  });

  it('adds three milestones on the measure page in a row and changes one in place', async () => {
    tab = await env.open();
    const { page } = tab;
    // The measure with the fewest milestones, so all of them fit on the tab's first page.
    const { measure_id: measureId } = (await env
      .db('measures as m')
      .leftJoin('milestones as ms', 'ms.measure_id', 'm.id')
      .groupBy('m.id')
      .orderByRaw('count(ms.id), m.id')
      .first('m.id as measure_id')) as { measure_id: number };
    const measure = { id: measureId };
    await signIn(page, 'steering', `/#/measures/${measure.id}/show/meilensteine`);
    await page.getByRole('button', { name: 'Meilenstein hinzufügen' }).click();
    const titles = ['Lastenheft abgestimmt', 'Vergabe erteilt', 'Pilotbetrieb gestartet'];
    for (const [i, title] of titles.entries()) {
      await page.locator('input[name="title"]').fill(title);
      await page.locator('input[name="baseline_date"]').fill(`15.0${i + 3}.2027`);
      // The forecast starts as the baseline.
      await page.waitForFunction(
        (v) => document.querySelector<HTMLInputElement>('input[name="due_date"]')?.value === v,
        `15.0${i + 3}.2027`,
      );
      await page
        .getByRole('button', {
          name: i < titles.length - 1 ? 'Speichern und weiteren anlegen' : 'Speichern',
          exact: true,
        })
        .click();
      await page.getByRole('row').filter({ hasText: title }).waitFor();
      if (i < titles.length - 1)
        await expect(page.locator('input[name="title"]').inputValue()).resolves.toBe('');
    }
    // Still on the measure, the form closed after "Speichern".
    expect(page.url()).toMatch(new RegExp(`/measures/${measure.id}/show/meilensteine$`));
    await expect(page.locator('input[name="title"]').count()).resolves.toBe(0);
    const stored = (await env.db('milestones').where('measure_id', measure.id).whereIn('title', titles)) as {
      title: string;
      baseline_date: string;
      due_date: string;
    }[];
    expect(stored.map((m) => [m.title, m.due_date === m.baseline_date])).toEqual(
      expect.arrayContaining(titles.map((t) => [t, true])),
    );
    await screenshot(page, 'measure-milestones-inline-added');

    await page.getByRole('button', { name: 'Meilenstein „Vergabe erteilt“ bearbeiten' }).click();
    await page.locator('input[name="due_date"]').fill('31.05.2027');
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await page
      .getByRole('row')
      .filter({ hasText: 'Vergabe erteilt' })
      .filter({ hasText: '31.05.2027' })
      .waitFor();
    expect(page.url()).toMatch(/\/meilensteine$/);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('tells the story of a measure: its history names the changed milestones and partners', async () => {
    tab = await env.open();
    const { page } = tab;
    const steering = await env.api('steering');
    const measure = (
      (await steering.get('/api/measures').query({ filter: JSON.stringify({ code: 'M-09' }) })).body as {
        id: number;
      }[]
    )[0]!;
    const partner = (await env.db('partners').orderBy('id', 'desc').first('id', 'name')) as {
      id: number;
      name: string;
    };
    const ms = await steering.post('/api/milestones').send({
      measure_id: measure.id,
      title: 'Sensorik abgenommen',
      baseline_date: '2027-02-01',
      due_date: '2027-02-01',
    });
    await steering.put(`/api/milestones/${ms.body.id}`).send({ ...ms.body, due_date: '2027-03-01' });
    await steering.post('/api/measure_partners').send({ measure_id: measure.id, partner_id: partner.id });

    await signIn(page, 'steering', `/#/measures/${measure.id}/show/verlauf`);
    const rows = page.locator('tbody tr');
    await rows.filter({ hasText: 'Sensorik abgenommen (M-09)' }).first().waitFor();
    await expect(rows.filter({ hasText: 'Sensorik abgenommen (M-09)' }).count()).resolves.toBe(2);
    await rows.filter({ hasText: `${partner.name} (M-09)` }).waitFor();
    await expect(rows.filter({ hasText: 'Sensorik abgenommen' }).first().textContent()).resolves.toContain(
      'Prognosetermin',
    );
    await screenshot(page, 'measure-history-with-milestones');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.goto('/#/audit_entries');
    await page
      .getByRole('row')
      .filter({ hasText: `${partner.name} (M-09)` })
      .waitFor();
    await screenshot(page, 'audit-list-named');
  });

  it("issues the monthly report from the list, twice on one day, with the light's reason labelled as on the PDF", async () => {
    tab = await env.open();
    const { page } = tab;
    await signIn(page, 'steering', '/#/status_reports');
    for (const round of [1, 2]) {
      await settle(page);
      await page.getByRole('button', { name: 'Statusbericht erstellen' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Bericht erstellen' }).click();
      await page.waitForURL(/#\/status_reports\/\d+\/show$/);
      await page.getByRole('columnheader', { name: 'Begründung der Ampel' }).waitFor();
      if (round === 1) {
        await screenshot(page, 'status-report-issued');
        await page.goto('/#/status_reports');
      }
    }
    const today = (await env.db.raw('select current_date::text as d')).rows[0].d as string;
    await expect(
      env.db('status_reports').where('reported_on', today).count('* as n').first(),
    ).resolves.toEqual({
      n: 2,
    });
    await page.goto('/#/status_reports');
    await page.getByRole('row').nth(2).waitFor();
    await screenshot(page, 'status-reports-list');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('downloads the one-page measure profile (Projektsteckbrief) from the measure page', async () => {
    tab = await env.open();
    const { page } = tab;
    const { id } = (await env.db('measures').where('code', 'M-08').first('id')) as { id: number };
    await signIn(page, 'steering', `/#/measures/${id}/show`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Projektsteckbrief (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Projektsteckbrief_M-08.pdf');
    const pdf = fs.readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await screenshot(page, 'measure-show-profile-button');
  });

  it('starts the steering role on "Meine Maßnahmen": own measures, next milestones, what is late', async () => {
    tab = await env.open();
    const { page } = tab;
    const owner = (await env.db('users').where('email', DEMO_EMAIL.steering).first('id')) as { id: number };
    const own = (await env.db('measures').where('owner_id', owner.id).orderBy('code')) as {
      id: number;
      code: string;
    }[];
    expect(own.length).toBeGreaterThan(1);
    // One of them gets an overdue milestone.
    await env.db('milestones').insert({
      measure_id: own[0]!.id,
      title: 'Abnahme Testlauf',
      baseline_date: '2026-01-15',
      due_date: '2026-02-15',
      is_final: false,
    });
    await signIn(page, 'steering');
    await page.getByRole('heading', { name: 'Meine Maßnahmen', level: 1 }).waitFor();
    const mine = page.getByRole('region', { name: 'Maßnahmen, für die ich verantwortlich bin' });
    await mine.getByText(`${own[0]!.code} · `).waitFor();
    await expect(mine.getByRole('listitem').first().textContent()).resolves.toContain(own[0]!.code);
    await expect(mine.getByRole('listitem').first().textContent()).resolves.toContain('überfällig');
    const next = page.getByRole('region', { name: 'Meine nächsten Meilensteine' });
    await next.getByText('Abnahme Testlauf').waitFor();
    // Demo milestones fall due as the calendar moves on, so the count of late ones comes from the API.
    const lateOwn = (
      await (
        await env.api('steering')
      )
        .get('/api/measures')
        .query({ filter: JSON.stringify({ late: true, owner_id: owner.id }) })
    ).body as { code: string }[];
    expect(lateOwn.map((m) => m.code)).toContain(own[0]!.code);
    const n = lateOwn.length;
    await page.getByText(`${n} Ihrer Maßnahmen ${n === 1 ? 'ist' : 'sind'} verspätet`).waitFor();
    await screenshot(page, 'steering-start-my-measures');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Verspätete anzeigen' }).click();
    await page.waitForURL(/#\/measures\?filter=/);
    await page.getByRole('row').filter({ hasText: own[0]!.code }).waitFor();
    await expect(page.locator('tbody tr').count()).resolves.toBe(Math.min(n, 25));
  });
});
