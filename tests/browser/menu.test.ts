import {
  screenshot,
  seriousA11yViolations,
  signIn,
  startBrowserEnv,
  type BrowserEnv,
  type TestPage,
  type Who,
} from './support';

/** Menu entries (resource plural names and page titles) each role must see, and must not see. */
const MENU: Record<Exclude<Who, 'guide2'>, { visible: string[]; hidden: string[] }> = {
  cdo: {
    visible: [
      'Maßnahmen',
      'Zuwendungsbescheide',
      'Kontakte',
      'Protokolleinträge',
      'Fristen',
      'Benutzerkonten',
    ],
    hidden: [],
  },
  steering: {
    visible: ['Maßnahmen', 'Mittelabrufe', 'Kontakte', 'Protokolleinträge', 'Förderbericht'],
    hidden: [],
  },
  funding: {
    visible: ['Zuwendungsbescheide', 'Mittelabrufe', 'Ausgaben', 'Protokolleinträge', 'Fristen'],
    hidden: ['Kontakte'],
  },
  guide: {
    visible: ['Meine Kommunen', 'Maßnahmen', 'Kontakte', 'Meilenstein-Trendanalyse', 'Kalender'],
    hidden: [
      'Zuwendungsbescheide',
      'Mittelabrufe',
      'Ausgaben',
      'Fristen',
      'Förderbericht',
      'Protokolleinträge',
    ],
  },
  viewer: {
    visible: ['Maßnahmen', 'Zuwendungsbescheide', 'Fristen', 'Statusberichte'],
    hidden: ['Kontakte', 'Protokolleinträge'],
  },
};

let env: BrowserEnv;
let tab: TestPage;

beforeAll(async () => {
  env = await startBrowserEnv();
}, 120_000);

afterAll(async () => {
  await env?.close();
});

afterEach(async () => {
  const errors = tab.errors;
  await tab.close();
  expect(errors).toEqual([]);
});

describe('the login page', () => {
  it('is German, accessible, and names wrong credentials', async () => {
    tab = await env.open();
    const { page } = tab;
    await page.goto('/#/login');
    await page.locator('input[name="email"]').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    await screenshot(page, 'login');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.locator('input[name="email"]').fill('cdo@myk10.example');
    await page.locator('input[name="password"]').fill('falsches-passwort');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByText('E-Mail oder Passwort ist falsch.').waitFor();
  });
});

describe.each(Object.entries(MENU))('the menu of %s', (who, { visible, hidden }) => {
  it('shows what the role may read and hides the rest', async () => {
    tab = await env.open();
    const { page } = tab;
    await signIn(page, who as Who);
    const menu = page.getByRole('menu');
    for (const name of visible)
      await expect(menu.getByRole('menuitem', { name, exact: true }).count()).resolves.toBe(1);
    for (const name of hidden)
      await expect(menu.getByRole('menuitem', { name, exact: true }).count()).resolves.toBe(0);
    await screenshot(page, `dashboard-${who}`);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
