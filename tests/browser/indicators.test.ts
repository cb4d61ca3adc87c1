import { germanDate } from '../../api/labels';
import { addDays, berlinDate } from '../../api/officeDay';
import {
  browserEnvForFile,
  describeInBrowser,
  rawTranslationKeys,
  screenshot,
  seriousA11yViolations,
  signIn,
  typeDate,
  type TestPage,
} from './support';

describeInBrowser('impact indicators', () => {
  const env = browserEnvForFile();
  let tab: TestPage;

  async function measureByCode(code: string): Promise<{ id: number }> {
    const res = await (await env.api('cdo')).get('/api/measures').query({ filter: JSON.stringify({ code }) });
    return res.body[0];
  }

  it('the dashboard card counts indicators per state and opens the filtered list', async () => {
    tab = await env.open();
    const { page } = tab;
    const summary = (await (await env.api('cdo')).get('/api/indicators/summary')).body as {
      counts: Record<string, number>;
    };
    await signIn(page, 'cdo');
    const card = page.getByRole('region', { name: 'Wirkungsindikatoren' });
    await card.getByText('deutlich dahinter').waitFor();
    await screenshot(page, 'indicators-dashboard-card');

    await card.getByRole('link', { name: /knapp dahinter/ }).click();
    await page.waitForURL(/#\/indicators/);
    const rows = page.locator('tbody tr');
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBe(Math.min(summary.counts.behind!, 25));
    await expect(page.locator('tbody').textContent()).resolves.not.toMatch(/im Plan|deutlich dahinter/);
    expect(await rawTranslationKeys(page)).toEqual([]);
  });

  it('the owner’s steering enters a value with a German date on the tab "Wirkung" and sees table and chart update', async () => {
    tab = await env.open({ locale: 'en-US' });
    const { page } = tab;
    const { id } = await measureByCode('M-04');
    await signIn(page, 'steering', `/#/measures/${id}/show/wirkung`);
    const panel = page.getByRole('region', { name: 'Buchungen Ideenkino Bendorf je Monat' });
    await panel.getByText('deutlich dahinter').waitFor();
    const points = panel.locator('.recharts-line-dots circle');
    await points.first().waitFor();
    const before = await points.count();

    const form = panel.getByRole('form', { name: 'Wert erfassen' });
    // Yesterday, typed as TT.MM.JJJJ in a browser set to English; the field starts with today.
    const today = berlinDate(new Date()); // the browser's zone (support.ts), not this machine's
    const day = addDays(today, -1);
    const measuredOn = form.getByRole('textbox', { name: 'Gemessen am' });
    await expect(measuredOn.inputValue()).resolves.toBe(germanDate(today));
    await typeDate(measuredOn, germanDate(day));
    await expect(measuredOn.inputValue()).resolves.toBe(germanDate(day));
    await form.getByLabel('Wert').fill('1.234,5');
    await form.getByLabel('Quelle').fill('Buchungssystem, Sonderauswertung');
    await form.getByRole('button', { name: 'Wert erfassen' }).click();

    await panel.getByRole('cell', { name: '1.234,5 Buchungen' }).waitFor();
    await panel
      .getByRole('row')
      .filter({ hasText: '1.234,5 Buchungen' })
      .getByText(germanDate(day))
      .waitFor();
    await panel.getByText('im Plan').waitFor();
    await expect(points.count()).resolves.toBe(before + 1);
    await screenshot(page, 'indicators-measure-impact-tab');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('a reader sees the tab without the value form', async () => {
    tab = await env.open();
    const { page } = tab;
    const { id } = await measureByCode('M-09');
    await signIn(page, 'viewer', `/#/measures/${id}/show/wirkung`);
    await page.getByRole('region', { name: 'LoRaWAN-Sensoren in Betrieb' }).waitFor();
    await expect(page.getByRole('button', { name: 'Wert erfassen' }).count()).resolves.toBe(0);
  });
});
