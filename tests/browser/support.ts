import { execSync } from 'node:child_process';
import express from 'express';
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import pino from 'pino';
import { createApp } from '../../api/app';
import { loadConfig, type Config } from '../../api/config';
import { DEMO_EMAIL, DEMO_PASSWORD, login as apiLogin, type Agent } from '../support/app';
import { testDb, type TestDb } from '../support/db';

const ROOT = path.resolve(__dirname, '../..');
const ADMIN_INDEX = path.join(ROOT, 'dist/admin/index.html');
const SCREENSHOTS = path.join(ROOT, 'artifacts/screenshots');
// The pictures are for people looking at the pages; CI keeps no artifacts and spares the time, unless asked.
const TAKE_SCREENSHOTS = !process.env.CI || process.env.SCREENSHOTS === '1';
const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');
const AXE_URL = '/__test__/axe.min.js';
const BLANK_URL = '/__test__/blank';

// Debian's old headless shell (apt-get install chromium-headless-shell) draws the same pages with a quarter less
// work than the full browser in headless mode; the full browser serves where only it is installed.
const CHROMIUM =
  process.env.MYK10_CHROMIUM ??
  ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((binary) => fs.existsSync(binary)) ??
  '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export type Who = keyof typeof DEMO_EMAIL;

/**
 * `describe` for tests that drive Chromium. CI installs it (.ci/run) and must run them; on a machine
 * without it (`npm test` right after `npm install`) they are skipped with a note instead of failing.
 */
export const describeInBrowser: jest.Describe =
  fs.existsSync(CHROMIUM) || process.env.CI ? describe : describe.skip;
if (!fs.existsSync(CHROMIUM) && !process.env.CI)
  console.warn(`Browser-Tests übersprungen: ${CHROMIUM} fehlt (apt-get install -y chromium-headless-shell).`);
export { DEMO_EMAIL };

/** The CI builds before testing; a local run without a build builds once, and says so. */
function ensureAdminBuilt(): void {
  if (fs.existsSync(ADMIN_INDEX)) return;
  console.warn('dist/admin fehlt: die Browser-Tests bauen das Admin einmal mit "npm run build".');
  execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });
}

export interface BrowserEnv {
  baseUrl: string;
  db: TestDb['db'];
  /** A signed-in API client (e.g. to change a record behind the browser's back). */
  api(who: Who): Promise<Agent>;
  /** A fresh browser page (own cookies) that records console errors. */
  open(options?: PageOptions): Promise<TestPage>;
  close(): Promise<void>;
}

export interface PageOptions {
  viewport?: { width: number; height: number };
  /** HTTP statuses the test provokes on purpose (Chromium logs each failed request as a console error). */
  expectedStatuses?: number[];
  /** The browser's language (navigator.language, Accept-Language); German unless a test says otherwise. */
  locale?: string;
  /** The system's motion setting; reduced unless a test says otherwise (no frames drawn for nobody). */
  motion?: 'reduce' | 'no-preference';
}

export interface TestPage {
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
  close(): Promise<void>;
}

/** The real API in-process (seeded test database, random port) serving the built admin from the same origin. */
/**
 * One browser environment for a test file (started before its first test, closed after its last) whose `open`
 * remembers the page; after each test that page is closed and must have logged no console error.
 */
export function browserEnvForFile(options: BrowserEnvOptions = {}): BrowserEnv {
  let env: BrowserEnv | undefined;
  let last: TestPage | undefined;
  beforeAll(async () => {
    env = await startBrowserEnv(options);
  }, 120_000);
  afterAll(async () => {
    await env?.close();
  });
  afterEach(async () => {
    const tab = last!;
    last = undefined;
    const errors = tab.errors;
    await tab.close();
    expect(errors).toEqual([]);
  });
  const started = () => {
    if (!env) throw new Error('The browser environment starts in beforeAll.');
    return env;
  };
  return {
    get baseUrl() {
      return started().baseUrl;
    },
    get db() {
      return started().db;
    },
    api: (who) => started().api(who),
    open: async (options) => (last = await started().open(options)),
    close: () => started().close(),
  };
}

export interface BrowserEnvOptions {
  /** Settings beside the defaults, e.g. a backup folder of the test's own. */
  config?: Partial<Config>;
  /** A fixed loopback port, for a test whose counterpart must know the address first (an OpenID provider). */
  port?: number;
}

export async function startBrowserEnv({ config, port = 0 }: BrowserEnvOptions = {}): Promise<BrowserEnv> {
  ensureAdminBuilt();
  const database = await testDb();
  const app = createApp({
    db: database.db,
    config: { ...loadConfig({}), ...config },
    logger: pino({ level: 'silent' }),
  });
  // axe-core is served from the same origin, so the page's CSP (script-src 'self') stays on during the tests.
  const site = express();
  site.get(AXE_URL, (_req, res) => res.sendFile(AXE));
  site.get(BLANK_URL, (_req, res) => res.type('html').send('<!doctype html><title>leer</title>'));
  site.use(app);
  const server = await new Promise<Server>((resolve) => {
    const s = site.listen(port, '127.0.0.1', () => resolve(s));
  });
  // Playwright's request context reuses an idle connection without retrying: when Node closed it after its default
  // 5 s keep-alive at that very moment, a sign-in failed with ECONNRESET. Idle connections stay open for the file.
  server.keepAliveTimeout = 10 * 60_000;
  server.headersTimeout = server.keepAliveTimeout + 1000;
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
  const contexts: BrowserContext[] = [];
  // A closed page's context is reused by the next `open` with the same locale and motion, emptied of cookies and
  // local storage: its HTTP cache spares each test loading and compiling the admin's bundles again (the API's
  // answers are not cached). Playwright's `setStorageState` would empty that cache too.
  const idle = new Map<string, BrowserContext[]>();
  /** A context for the page, and how to give it back when the page closes. */
  const contextFor = async (
    locale: string,
    motion: PageOptions['motion'],
  ): Promise<{ context: BrowserContext; release(): void }> => {
    const spare = idle.get(`${locale} ${motion}`) ?? [];
    idle.set(`${locale} ${motion}`, spare);
    let context = spare.pop();
    if (!context) {
      context = await browser.newContext({
        baseURL: baseUrl,
        locale,
        timezoneId: 'Europe/Berlin',
        acceptDownloads: true,
        reducedMotion: motion,
      });
      contexts.push(context);
    }
    const reusable = context;
    return { context, release: () => spare.push(reusable) };
  };
  return {
    baseUrl,
    db: database.db,
    api: (who) => apiLogin(app, DEMO_EMAIL[who]),
    async open({
      viewport = { width: 1366, height: 768 },
      expectedStatuses = [401],
      locale = 'de-DE',
      motion = 'reduce',
    } = {}) {
      const { context, release } = await contextFor(locale, motion);
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      const errors: string[] = [];
      const expected = new RegExp(`status of (${expectedStatuses.join('|') || 'none'}) `);
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        if (msg.text().startsWith('Failed to load resource') && expected.test(msg.text())) return;
        errors.push(msg.text());
      });
      page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
      trackRequests(page);
      let closed = false;
      const close = async () => {
        if (closed) return;
        closed = true;
        await Promise.all(
          context.pages().map(async (p) => {
            // A page that ended elsewhere (at the sign-in provider) clears the admin's storage from a blank page.
            if (!p.url().startsWith(`${baseUrl}/`)) await p.goto(BLANK_URL).catch(() => undefined);
            await p.evaluate(() => localStorage.clear()).catch(() => undefined);
            await p.close();
          }),
        );
        await context.clearCookies();
        release();
      };
      return { page, errors, close };
    },
    async close() {
      await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}

/**
 * Signs in through the API in the page's own cookie jar (the login form has tests of its own), then opens `route`
 * (the dashboard unless a test starts elsewhere) and waits until its app bar is there and its requests are done.
 */
export async function signIn(page: Page, who: Who, route = '/#/'): Promise<void> {
  const answer = await page.request.post('/api/auth/login', {
    data: { email: DEMO_EMAIL[who], password: DEMO_PASSWORD },
  });
  if (!answer.ok()) throw new Error(`Sign-in as ${who} failed: ${answer.status()} ${await answer.text()}`);
  await page.goto(route);
  await page.locator('#react-admin-title').waitFor();
  await settle(page);
}

interface RequestTracker {
  inFlight: number;
  lastChange: number;
}
const trackers = new WeakMap<Page, RequestTracker>();
const QUIET_MS = 250;

/** Counts the page's requests in flight, so `settle` can wait for exactly that instead of a fixed quiet time. */
function trackRequests(page: Page): void {
  const tracker: RequestTracker = { inFlight: 0, lastChange: Date.now() };
  const change = (by: number) => () => {
    tracker.inFlight += by;
    tracker.lastChange = Date.now();
  };
  page.on('request', change(1));
  page.on('requestfinished', change(-1));
  page.on('requestfailed', change(-1));
  trackers.set(page, tracker);
}

/**
 * Waits until no request has been in flight for a short while and the browser has painted twice since, so React
 * has rendered the answers. (Playwright's 'networkidle' waits a fixed 500 ms of quiet, which summed up over the
 * suite to minutes.)
 */
export async function settle(page: Page): Promise<void> {
  const tracker = trackers.get(page);
  if (!tracker) {
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(250);
    return;
  }
  const deadline = Date.now() + 30_000;
  // Rendering an answer can start the next request (a list's references): settled only when none began meanwhile.
  for (;;) {
    while (tracker.inFlight > 0 || Date.now() - tracker.lastChange < QUIET_MS) {
      if (Date.now() > deadline)
        throw new Error(`settle: ${tracker.inFlight} requests still in flight after 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const quietSince = tracker.lastChange;
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
    );
    if (tracker.inFlight === 0 && tracker.lastChange === quietSince) return;
  }
}

/** The visible text shows no raw translation key (e.g. "resources.measures.fields.code"). */
export async function rawTranslationKeys(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return text.match(/\b(?:resources|app|ra)\.[a-z_]+\.[a-z_.]+/g) ?? [];
}

/** The helper or error text under a form input (react-admin links it through aria-describedby). */
export async function helperTextOf(page: Page, name: string): Promise<Locator> {
  const id = await page.locator(`input[name="${name}"]`).getAttribute('aria-describedby');
  return page.locator(`[id="${id}"]`);
}

/** Waits until an input shows a value containing `text` (e.g. a reference loaded after the form). */
export async function waitForValue(input: Locator, text: string): Promise<void> {
  const element = await input.elementHandle();
  await input
    .page()
    .waitForFunction(([el, t]) => (el as HTMLInputElement).value.includes(t), [element, text] as const);
}

/**
 * Types a date digit by digit into the shared date field (TT.MM.JJJJ sections), over whatever it shows: the
 * arrow keys walk to the day section first (Home would set the section to its smallest value).
 */
export async function typeDate(input: Locator, text: string): Promise<void> {
  const { keyboard } = input.page();
  await input.click();
  await keyboard.press('ArrowLeft');
  await keyboard.press('ArrowLeft');
  await keyboard.type(text);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await settle(page);
  // A full-page shot of a scrolled page draws the fixed app bar mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
  if (!TAKE_SCREENSHOTS) return;
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core on the current page: the serious and critical violations (id, help, first targets). */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  await settle(page);
  // A closing menu fades out where motion is not reduced: axe would measure the contrast of its half-transparent
  // options. Endless animations (a spinner) are no transition to wait for.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: AXE_URL });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} – ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}
