import type { Agent } from '../support/app';
import {
  browserEnvForFile,
  describeInBrowser,
  rawTranslationKeys,
  screenshot,
  seriousA11yViolations,
  settle,
  signIn,
} from './support';

interface Line {
  id: number;
  version: number;
  measure_id: number;
  cost_category: string;
  fiscal_year: number;
  planned_cents: number;
}

const CATEGORY: Record<string, string> = {
  personnel: 'Personalkosten',
  material: 'Sachkosten',
  services: 'Dienstleistungen',
  investment: 'Investitionen',
  other: 'Sonstiges',
};
const euro = (cents: number) =>
  new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(cents / 100);
const amount = (cents: number) =>
  new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(cents / 100);

async function grantOf(api: Agent, phase: 'A' | 'B'): Promise<number> {
  const grants = (await api.get('/api/grants')).body as { id: number; phase: string }[];
  return grants.find((g) => g.phase.startsWith(phase))!.id;
}

async function linesOf(api: Agent, grantId: number): Promise<Line[]> {
  const filter = encodeURIComponent(JSON.stringify({ grant_id: grantId }));
  return (await api.get(`/api/budget_lines?filter=${filter}`)).body as Line[];
}

async function cellLabel(api: Agent, line: Pick<Line, 'measure_id' | 'cost_category' | 'fiscal_year'>) {
  const { code } = (await api.get(`/api/measures/${line.measure_id}`)).body as { code: string };
  return `Geplant ${code} ${CATEGORY[line.cost_category]} ${line.fiscal_year}`;
}

const yearSum = (lines: Line[], year: number) =>
  lines.filter((l) => l.fiscal_year === year).reduce((s, l) => s + l.planned_cents, 0);

describeInBrowser('Finanzierungsplan auf der Seite des Bescheids', () => {
  const env = browserEnvForFile();

  it('the funding officer edits a cell in German notation, saves, and reads it back after a reload', async () => {
    const api = await env.api('funding');
    const b = await grantOf(api, 'B');
    const lines = await linesOf(api, b);
    const line = lines.find((l) => l.fiscal_year === 2025)!;
    const { page } = await env.open();
    await signIn(page, 'funding', `/#/grants/${b}/show/finanzierungsplan`);
    const table = page.getByRole('table', { name: 'Finanzierungsplan' });
    const sums = table.getByTestId('plan-sums');
    await sums.waitFor();
    const total = lines.reduce((s, l) => s + l.planned_cents, 0);
    await expect(sums.textContent()).resolves.toContain(euro(yearSum(lines, 2025)));
    await expect(sums.textContent()).resolves.toContain(euro(total));
    // The demo plan of grant B fits every approved year.
    await expect(page.locator('[data-testid^="plan-over-"]').count()).resolves.toBe(0);

    const cell = page.getByLabel(await cellLabel(api, line), { exact: true });
    await expect(cell.inputValue()).resolves.toBe(amount(line.planned_cents));
    await cell.fill('12.345,67');
    const sum2025 = yearSum(lines, 2025) - line.planned_cents + 1_234_567;
    await expect(sums.textContent()).resolves.toContain(euro(sum2025));
    await page.getByRole('button', { name: 'Finanzierungsplan speichern' }).click();
    await page.getByText('Finanzierungsplan gespeichert').waitFor();
    const stored = (await api.get(`/api/budget_lines/${line.id}`)).body as Line;
    expect(stored).toMatchObject({ planned_cents: 1_234_567, version: line.version + 1 });

    await page.reload();
    await sums.waitFor();
    await settle(page);
    await expect(page.getByLabel(await cellLabel(api, line), { exact: true }).inputValue()).resolves.toBe(
      '12.345,67',
    );
    await expect(sums.textContent()).resolves.toContain(euro(sum2025));
    await screenshot(page, 'financing-plan');
    // Seven years do not fit 1366 px: the grid scrolls sideways and the measure column stays in view.
    const measureCell = table.getByRole('row').nth(1).getByRole('cell').first();
    const before = (await measureCell.boundingBox())!;
    const scrolled = await table.evaluate((t) => {
      const box = t.parentElement!;
      box.scrollLeft = box.scrollWidth;
      return box.scrollLeft;
    });
    expect(scrolled).toBeGreaterThan(0);
    await expect(measureCell.boundingBox()).resolves.toMatchObject({ x: before.x });
    await expect(measureCell.isVisible()).resolves.toBe(true);
    expect(await rawTranslationKeys(page)).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('an emptied cell deletes its line, and a new row (measure and cost category) is stored once filled', async () => {
    const api = await env.api('funding');
    const b = await grantOf(api, 'B');
    const lines = await linesOf(api, b);
    const cleared = lines.find((l) => l.fiscal_year === 2024)!;
    const measures = (await api.get('/api/measures')).body as { id: number; code: string; title: string }[];
    const planned = new Set(lines.map((l) => l.measure_id));
    const fresh = measures.find((m) => !planned.has(m.id))!;
    const { page } = await env.open();
    await signIn(page, 'funding', `/#/grants/${b}/show/finanzierungsplan`);
    await page.getByTestId('plan-sums').waitFor();

    await page.getByLabel(await cellLabel(api, cleared), { exact: true }).fill('');
    await page.getByRole('combobox', { name: 'Maßnahme' }).fill(fresh.code);
    await page.getByRole('option', { name: `${fresh.code} ${fresh.title}` }).click();
    await page.getByRole('combobox', { name: 'Kostenart' }).click();
    await page.getByRole('option', { name: 'Sonstiges' }).click();
    await page.getByRole('button', { name: 'Zeile hinzufügen' }).click();
    await page.getByLabel(`Geplant ${fresh.code} Sonstiges 2026`, { exact: true }).fill('2.500');
    await page.getByRole('button', { name: 'Finanzierungsplan speichern' }).click();
    await page.getByText('Finanzierungsplan gespeichert').waitFor();

    expect((await api.get(`/api/budget_lines/${cleared.id}`)).status).toBe(404);
    const added = (await linesOf(api, b)).filter((l) => l.measure_id === fresh.id);
    expect(added).toEqual([
      expect.objectContaining({ cost_category: 'other', fiscal_year: 2026, planned_cents: 250_000 }),
    ]);
    expect(await rawTranslationKeys(page)).toEqual([]);
  });

  it('a line changed meanwhile by someone else is not overwritten: the save says so in German', async () => {
    const api = await env.api('funding');
    const b = await grantOf(api, 'B');
    const line = (await linesOf(api, b)).find((l) => l.fiscal_year === 2023)!;
    const { page } = await env.open({ expectedStatuses: [401, 409] });
    await signIn(page, 'funding', `/#/grants/${b}/show/finanzierungsplan`);
    await page.getByTestId('plan-sums').waitFor();
    await page.getByLabel(await cellLabel(api, line), { exact: true }).fill('1.000,00');
    const other = await api
      .put(`/api/budget_lines/${line.id}`)
      .send({ planned_cents: 777_700, version: line.version });
    expect(other.status).toBe(200);
    await page.getByRole('button', { name: 'Finanzierungsplan speichern' }).click();
    await page.getByText(/zwischenzeitlich von jemand anderem geändert/).waitFor();
    const stored = (await api.get(`/api/budget_lines/${line.id}`)).body as Line;
    expect(stored.planned_cents).toBe(777_700);
    // What was typed is kept.
    await expect(page.getByLabel(await cellLabel(api, line), { exact: true }).inputValue()).resolves.toBe(
      '1.000,00',
    );
  });

  it('a year whose plan exceeds the approved grant shows a warning', async () => {
    const api = await env.api('funding');
    const b = await grantOf(api, 'B');
    const a = await grantOf(api, 'A');
    const lines = await linesOf(api, b);
    const line = lines.find((l) => l.fiscal_year === 2026)!;
    const { page } = await env.open();
    await signIn(page, 'funding', `/#/grants/${b}/show/finanzierungsplan`);
    await page.getByTestId('plan-sums').waitFor();
    await page.getByLabel(await cellLabel(api, line), { exact: true }).fill('9.000.000,00');
    const warning = page.getByTestId('plan-over-2026');
    await warning.waitFor();
    // Recounted: the year's plan with the typed cell, × 65 % rounded half up, against the 2.450.000 € approved.
    const plan = yearSum(lines, 2026) - line.planned_cents + 900_000_000;
    const federal = Math.floor((plan * 6500 + 5000) / 10000);
    await expect(warning.textContent()).resolves.toBe(
      `Haushaltsjahr 2026: Der Plan von ${euro(plan)} ergibt bei 65,00 % Förderquote ${euro(federal)} Zuwendung – ` +
        `${euro(federal - 245_000_000)} mehr als die bewilligten ${euro(245_000_000)}. ` +
        'Bitte den Plan anpassen oder eine Mittelverschiebung beantragen.',
    );
    await expect(page.locator('[data-testid^="plan-over-"]').count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Änderungen verwerfen' }).click();
    await warning.waitFor({ state: 'detached' });

    // The demo's deliberate case: grant A planned 2021 far beyond the 50.000 € approved for that year.
    await page.goto(`/#/grants/${a}/show/finanzierungsplan`);
    await page.getByTestId('plan-over-2021').waitFor();
    await expect(page.locator('[data-testid^="plan-over-"]').count()).resolves.toBe(1);
    await screenshot(page, 'financing-plan-over');
  });

  it('a viewer reads the plan without inputs or save button', async () => {
    const api = await env.api('funding');
    const b = await grantOf(api, 'B');
    const lines = await linesOf(api, b);
    const { page } = await env.open();
    await signIn(page, 'viewer', `/#/grants/${b}/show/finanzierungsplan`);
    const table = page.getByRole('table', { name: 'Finanzierungsplan' });
    await table.getByTestId('plan-sums').waitFor();
    await expect(table.getByRole('textbox').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Finanzierungsplan speichern' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Zeile hinzufügen' }).count()).resolves.toBe(0);
    await expect(table.textContent()).resolves.toContain(euro(lines[0]!.planned_cents));
    await expect(table.getByTestId('plan-sums').textContent()).resolves.toContain(
      euro(lines.reduce((s, l) => s + l.planned_cents, 0)),
    );
    expect(await rawTranslationKeys(page)).toEqual([]);
  });
});
