import {
  browserEnvForFile,
  describeInBrowser,
  rawTranslationKeys,
  screenshot,
  settle,
  signIn,
  typeDate,
  type TestPage,
} from './support';

const DESKTOP = { width: 1366, height: 768 };

/** "14.12.2026" from '2026-12-14'. */
const german = (iso: string) => iso.split('-').reverse().join('.');

/** "1.234,56 €" as the page shows it, from cents. */
const euro = (cents: number) =>
  `${new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(cents / 100)} €`;

describeInBrowser('the funding officer', () => {
  const env = browserEnvForFile();
  let tab: TestPage;
  let grantB: number;
  /** Demo tranche 13's spend deadline and the next interim proof's year: the demo dates its reminder cases
   * relative to the day it is seeded (seeds/demoReminders.ts), so they are read, not written down. */
  let spend13: string;
  let nextInterim: number;

  beforeAll(async () => {
    const b = (await env.db('grants').where('file_number', 'like', '%-B').first('id')) as { id: number };
    grantB = b.id;
    const t13 = (await env
      .db('tranches')
      .where({ grant_id: grantB, number: 13 })
      .first(env.db.raw(`to_char(received_on + interval '2 months', 'YYYY-MM-DD') as due_on`))) as {
      due_on: string;
    };
    spend13 = german(t13.due_on);
    const interim = (await env
      .db('grant_years')
      .where('grant_id', grantB)
      .where('interim_proof_due_on', '>=', env.db.raw('current_date'))
      .orderBy('interim_proof_due_on')
      .first('fiscal_year')) as { fiscal_year: number };
    nextInterim = interim.fiscal_year;
  });

  it('reads the same unspent money on the start page as in the tranche form, and sees what is due in 30 days', async () => {
    tab = await env.open({ viewport: DESKTOP });
    const { page } = tab;
    await signIn(page, 'funding');
    const api = await env.api('funding');
    const report = (await api.get(`/api/reports/funding?grant_id=${grantB}`)).body as {
      totals: { unspent_cents: number };
    };
    const unspent = euro(report.totals.unspent_cents);
    await settle(page);
    const kpi = page.locator('.MuiCard-root', { hasText: 'Eingegangen, noch nicht verausgabt' });
    await kpi.getByText(unspent).waitFor();
    // Like beside like: federal share against the approved grant, eligible spending against eligible costs.
    await page.getByText('Bundesanteil der Ausgaben').waitFor();
    await page.getByText('Zuwendungsfähige Kosten lt. Bescheid').waitFor();

    await page.getByRole('button', { name: '30 Tage' }).click();
    await settle(page);
    const deadlines = page.getByRole('table', { name: 'Fristen' });
    await deadlines.getByText('Mittelabruf Nr. 13', { exact: false }).first().waitFor();
    await deadlines.getByText(spend13).waitFor();
    await deadlines.getByText('Zwischennachweis', { exact: false }).first().waitFor();
    expect(await rawTranslationKeys(page)).toEqual([]);
    await screenshot(page, 'funding-start-1366');

    // The tranche form's usage table totals the same figure.
    const t12 = (await env.db('tranches').where({ grant_id: grantB, number: 15 }).first('id')) as {
      id: number;
    };
    await page.goto(`/#/tranches/${t12.id}`);
    await settle(page);
    const usage = page.locator('section', { hasText: 'Verwendung früherer Mittelabrufe' });
    const total = usage.getByRole('row', { name: /^Summe/ });
    await total.getByText(unspent).waitFor();
  });

  it('sees spend deadlines, interim proofs and transfer proofs on the deadline page, by window', async () => {
    tab = await env.open({ viewport: DESKTOP });
    const { page } = tab;
    await signIn(page, 'funding', '/#/fristen');
    await settle(page);
    await page.getByRole('button', { name: '30 Tage' }).click();
    await settle(page);
    const table = page.getByRole('table', { name: 'Fristen' });
    await table
      .getByRole('row', { name: new RegExp(`${spend13.replaceAll('.', '\\.')}.*Mittelabruf Nr\\. 13`) })
      .waitFor();
    await table.getByRole('row', { name: new RegExp(`Zwischennachweis ${nextInterim}`) }).waitFor();
    const rows30 = await table.getByRole('row').count();
    await page.getByRole('button', { name: 'Alle' }).click();
    await settle(page);
    expect(await table.getByRole('row').count()).toBeGreaterThanOrEqual(rows30);
    await table.getByText('Nachweis der Weiterleitung', { exact: false }).first().waitFor();
    await screenshot(page, 'deadlines-all-1366');
  });

  it('books the receipt of a requested tranche in one dialog (German date in an English browser); the list shows newest first with grant and number', async () => {
    tab = await env.open({ viewport: DESKTOP, locale: 'en-US' });
    const { page } = tab;
    await signIn(page, 'funding', '/#/tranches');
    await page.getByRole('columnheader', { name: 'Bescheid · Nr.' }).waitFor();
    await settle(page);
    const rows = page.locator('tbody tr');
    const newest = (await env.db('tranches').max('id as id').first()) as { id: number };
    const newestRow = (await env.db('tranches').where('id', newest.id).first()) as { number: number };
    await expect(rows.first().innerText()).resolves.toContain(`Nr. ${newestRow.number}`);
    await expect(rows.first().innerText()).resolves.toMatch(/B – Umsetzung|A – Strategie/);

    const requested = (await env.db('tranches').where({ grant_id: grantB, status: 'requested' }).first()) as {
      id: number;
      number: number;
      requested_on: string;
    };
    const row = page.locator('tbody tr', { hasText: `Nr. ${requested.number}` });
    await row.getByRole('button', { name: 'Eingang buchen' }).click();
    const dialog = page.getByRole('dialog');
    const receivedOn = dialog.getByRole('textbox', { name: 'Eingegangen am' });
    await expect(receivedOn.getAttribute('placeholder')).resolves.toBe('TT.MM.JJJJ');
    await typeDate(receivedOn, '31.02.2026');
    await dialog.getByText('Bitte ein gültiges Datum wie 29.03.2026 eingeben').waitFor();
    await expect(dialog.getByRole('button', { name: 'Eingang buchen' }).isDisabled()).resolves.toBe(true);
    // The day after the request (the demo dates the request relative to the day it is seeded).
    const receivedIso = (
      (await env.db.raw(`select to_char(?::date + 1, 'YYYY-MM-DD') as d`, [requested.requested_on])) as {
        rows: { d: string }[];
      }
    ).rows[0]!.d;
    await typeDate(receivedOn, german(receivedIso));
    await expect(receivedOn.inputValue()).resolves.toBe(german(receivedIso));
    await dialog.getByLabel('Eingegangen', { exact: true }).fill('123.456,78');
    await screenshot(page, 'tranche-book-receipt-1366');
    await dialog.getByRole('button', { name: 'Eingang buchen' }).click();
    await page.getByText('Eingang gebucht').waitFor();
    const saved = (await env.db('tranches').where('id', requested.id).first()) as {
      status: string;
      received_on: string;
      received_cents: number;
    };
    expect(saved).toMatchObject({
      status: 'received',
      received_on: receivedIso,
      received_cents: 123_456_78,
    });
    await expect(row.getByRole('button', { name: 'Eingang buchen' }).count()).resolves.toBe(0);
  });

  it('offers only received tranches of the chosen grant, with their open amount, in the expenditure form', async () => {
    tab = await env.open({ viewport: DESKTOP });
    const { page } = tab;
    await signIn(page, 'funding');
    await page.goto(
      `/#/expenditures/create?source=${encodeURIComponent(JSON.stringify({ grant_id: grantB }))}`,
    );
    await settle(page);
    await page.getByRole('combobox', { name: 'Mittelabruf' }).click();
    const options = await page.getByRole('option').allTextContents();
    const open = (await env
      .db('tranches')
      .where({ grant_id: grantB, status: 'received' })
      .count('* as n')) as {
      n: string | number;
    }[];
    expect(options.filter((o) => o.includes('offen'))).toHaveLength(Number(open[0]!.n));
    expect(options.filter((o) => !o.includes('offen'))).toEqual(['—']);
    await page.keyboard.press('Escape');
    await page.getByLabel('Zahlungsdatum').waitFor();
  });

  it('reads the funding report at 1366 px: sticky first column, visible sum row, grant and year in the URL', async () => {
    tab = await env.open({ viewport: DESKTOP });
    const { page } = tab;
    await signIn(page, 'funding', `/#/foerderbericht?grant_id=${grantB}&fiscal_year=2025`);
    await settle(page);
    await page.getByRole('columnheader', { name: 'Eingegangen 2025' }).waitFor();
    const table = page.getByRole('table', { name: 'Nach Maßnahme' });
    const firstCell = table.locator('tbody tr').first().locator('td').first();
    expect(await firstCell.evaluate((el) => getComputedStyle(el).position)).toBe('sticky');
    // The sum row sits at the bottom of the scrolling box, inside the window.
    const sum = table
      .getByRole('row', { name: /^Summe/ })
      .locator('td')
      .first();
    const box = (await sum.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(DESKTOP.height);
    // Scrolled sideways, the measure column is still in place.
    const scroller = table.locator('xpath=..');
    const before = (await firstCell.boundingBox())!.x;
    await scroller.evaluate((el) => el.scrollBy(600, 0));
    expect(Math.round((await firstCell.boundingBox())!.x)).toBe(Math.round(before));
    await screenshot(page, 'funding-report-1366');
    // Choosing "all years" updates the URL.
    await page.getByRole('combobox', { name: 'Haushaltsjahr' }).click();
    await page.getByRole('option', { name: 'Alle Jahre' }).click();
    await page.getByRole('columnheader', { name: 'Eingegangen (kumuliert)' }).waitFor();
    expect(page.url()).toContain(`grant_id=${grantB}`);
    expect(page.url()).not.toContain('fiscal_year');
    await expect(page.getByRole('combobox', { name: 'Zuwendungsbescheid' }).innerText()).resolves.toContain(
      'B – Umsetzung',
    );
  });
});
