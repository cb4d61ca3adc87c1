import {
  screenshot,
  rawTranslationKeys,
  seriousA11yViolations,
  signIn,
  browserEnvForFile,
  describeInBrowser,
  type TestPage,
  type Who,
} from './support';
import { DEMO_PASSWORD } from '../support/app';

interface RoleView {
  /** Menu entries (resource plural names and page titles) the role must see, and must not see. */
  visible: string[];
  hidden: string[];
  /** The tabs of a measure's detail page. */
  measureTabs: string[];
  /** Whether the measure list offers creating and (bulk) deleting. */
  writesMeasures: boolean;
}

const BASE_TABS = ['Übersicht', 'Meilensteine', 'Wirkung', 'Partner', 'Dokumente'];

const ROLES: Record<Exclude<Who, 'guide2'>, RoleView> = {
  cdo: {
    visible: [
      'Maßnahmen',
      'Zuwendungsbescheide',
      'Kontakte',
      'Protokolleinträge',
      'Fristen',
      'Benutzerkonten',
      'Sachkonten',
    ],
    hidden: [],
    measureTabs: [...BASE_TABS, 'Finanzen', 'Kontakte', 'Verlauf'],
    writesMeasures: true,
  },
  steering: {
    visible: ['Maßnahmen', 'Mittelabrufe', 'Kontakte', 'Protokolleinträge', 'Förderbericht'],
    // Reads the account mapping, has no use for it in the menu.
    hidden: ['Sachkonten'],
    measureTabs: [...BASE_TABS, 'Finanzen', 'Kontakte', 'Verlauf'],
    writesMeasures: true,
  },
  funding: {
    visible: [
      'Zuwendungsbescheide',
      'Mittelabrufe',
      'Ausgaben',
      'Protokolleinträge',
      'Fristen',
      'Sachkonten',
    ],
    hidden: ['Kontakte'],
    measureTabs: [...BASE_TABS, 'Finanzen', 'Verlauf'],
    writesMeasures: false,
  },
  guide: {
    visible: ['Meine Kommunen', 'Maßnahmen', 'Kontakte', 'Meilenstein\u00ADtrendanalyse', 'Kalender'],
    hidden: [
      'Zuwendungsbescheide',
      'Mittelabrufe',
      'Ausgaben',
      'Fristen',
      'Förderbericht',
      'Protokolleinträge',
      'Sachkonten',
    ],
    measureTabs: [...BASE_TABS, 'Kontakte'],
    writesMeasures: false,
  },
  viewer: {
    visible: ['Maßnahmen', 'Wirkungsindikatoren', 'Zuwendungsbescheide', 'Fristen', 'Statusberichte'],
    hidden: ['Kontakte', 'Protokolleinträge', 'Sachkonten'],
    measureTabs: [...BASE_TABS, 'Finanzen'],
    writesMeasures: false,
  },
};

describeInBrowser('signing in and the menu', () => {
  const env = browserEnvForFile();
  let tab: TestPage;

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
      await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await page.locator('#react-admin-title').waitFor();
      expect(await page.evaluate(async () => (await fetch('/api/auth/me')).json())).toMatchObject({
        email: 'cdo@myk10.example',
      });
    });
  });

  describe('the loading indicator', () => {
    it('names its spinner for screen readers while a request runs', async () => {
      tab = await env.open();
      const { page } = tab;
      await signIn(page, 'viewer');
      // Held back for a moment, so the app bar shows its spinner while the refreshed list loads.
      await page.route('**/api/measures?**', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      });
      await page.getByRole('menuitem', { name: 'Maßnahmen', exact: true }).click();
      await page.getByRole('banner').getByRole('progressbar', { name: 'Wird geladen …' }).waitFor();
      await page.unrouteAll({ behavior: 'wait' });
    });
  });

  describe('the language switch', () => {
    it('turns the interface English and remembers the choice', async () => {
      tab = await env.open();
      const { page } = tab;
      await signIn(page, 'viewer');
      await page.getByRole('button', { name: 'Deutsch' }).click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      await page.getByRole('menuitem', { name: 'Measures', exact: true }).waitFor();
      await page.reload();
      await page.getByRole('menuitem', { name: 'Grants', exact: true }).waitFor();
      await expect(page.getByRole('menuitem', { name: 'Maßnahmen' }).count()).resolves.toBe(0);
    });
  });

  describe.each(Object.entries(ROLES))('the %s', (who, { visible, hidden, measureTabs, writesMeasures }) => {
    it('sees the menu entries, tabs and buttons of the role, and not the others', async () => {
      tab = await env.open();
      const { page } = tab;
      await signIn(page, who as Who);
      const menu = page.getByRole('menu');
      for (const name of visible)
        await expect(menu.getByRole('menuitem', { name, exact: true }).count()).resolves.toBe(1);
      for (const name of hidden)
        await expect(menu.getByRole('menuitem', { name, exact: true }).count()).resolves.toBe(0);
      await screenshot(page, `dashboard-${who}`);
      expect(await rawTranslationKeys(page)).toEqual([]);
      expect(await seriousA11yViolations(page)).toEqual([]);

      await menu.getByRole('menuitem', { name: 'Maßnahmen', exact: true }).click();
      // The funding start page has tables of its own: pick a row of the measure list only.
      await page.waitForURL(/\/measures$/);
      const firstRow = page
        .getByRole('row')
        .filter({ has: page.getByRole('cell', { name: /^M-\d+/ }) })
        .first();
      await firstRow.waitFor();
      await expect(page.getByRole('link', { name: 'Anlegen' }).count()).resolves.toBe(writesMeasures ? 1 : 0);
      expect((await page.getByRole('checkbox').count()) > 0).toBe(writesMeasures);
      await firstRow
        .getByRole('cell')
        .nth(writesMeasures ? 1 : 0)
        .click();
      await page.waitForURL(/\/measures\/\d+\/show$/);
      await page.getByRole('tab').first().waitFor();
      await expect(page.getByRole('tab').allTextContents()).resolves.toEqual(measureTabs);
      await expect(page.getByRole('link', { name: 'Bearbeiten' }).count()).resolves.toBe(
        writesMeasures ? 1 : 0,
      );
    });
  });
});
