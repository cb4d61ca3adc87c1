import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Download, Page } from 'playwright-core';
import {
  browserEnvForFile,
  describeInBrowser,
  rawTranslationKeys,
  screenshot,
  seriousA11yViolations,
  signIn,
  typeDate,
  type TestPage,
  type Who,
} from './support';

/**
 * The CDO's pages for the data protection officer's checklist: "Datenschutz" (retention preview, Art. 15
 * search and export, Art. 17 anonymisation with a reason) and "Sicherungen" (the backups with size and time,
 * download). No other role sees them.
 */

const NAME = 'Henrike Quastenberg';
const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'myk10-browser-backups-'));
afterAll(() => fs.rmSync(backupDir, { recursive: true, force: true }));

/** The downloaded file's bytes. */
async function bytesOf(download: Download): Promise<Buffer> {
  const file = await download.path();
  return fs.readFileSync(file);
}

/** Clicks a button that starts a download and returns the download. */
async function downloadBy(page: Page, name: string): Promise<Download> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name }).click(),
  ]);
  return download;
}

const OTHER_ROLES: Who[] = ['steering', 'funding', 'guide', 'viewer'];

describeInBrowser('the CDO’s data stewardship pages', () => {
  const env = browserEnvForFile({ config: { backupDir, nightlyBackups: true, backupKeep: 14 } });
  let tab: TestPage;

  describe('Datenschutz', () => {
    it('previews the retention run for a chosen day, in German formats', async () => {
      tab = await env.open();
      const { page } = tab;
      await signIn(page, 'cdo');
      await page.getByRole('menu').getByRole('menuitem', { name: 'Datenschutz', exact: true }).click();
      await page.waitForURL(/\/datenschutz$/);
      const preview = page.getByTestId('retention-preview');
      await preview.waitFor();
      await expect(preview.textContent()).resolves.toMatch(
        /^\d+ Kontakte? würden? am \d\d\.\d\d\.\d{4} anonymisiert \(Kontaktdatum vor dem \d\d\.\d\d\.\d{4}\)$/,
      );

      const cdo = await env.api('cdo');
      const expected = (await cdo.get('/api/privacy/retention?on=2031-06-01')).body as { count: number };
      expect(expected.count).toBeGreaterThan(0);
      await typeDate(page.getByLabel('Stichtag'), '01.06.2031');
      await preview
        .filter({
          hasText: `${expected.count} Kontakte würden am 01.06.2031 anonymisiert (Kontaktdatum vor dem 01.06.2028)`,
        })
        .waitFor();
      expect(await rawTranslationKeys(page)).toEqual([]);
    });

    it('finds a person in the contact log and among the partners, exports her data, and anonymises it with a reason', async () => {
      const cdo = await env.api('cdo');
      const municipality = (await env.db('municipalities').orderBy('id').first('id')) as { id: number };
      const contact = await cdo.post('/api/contacts').send({
        municipality_id: municipality.id,
        contact_on: '2026-10-01',
        channel: 'on_site',
        person_name: NAME,
        person_role: 'Büroleiterin',
        topic: 'Dorfbüro',
        notes: `${NAME} wünscht einen Folgetermin`,
      });
      const partner = await cdo.post('/api/partners').send({
        name: 'Quastenberg Digital e. K.',
        sector: 'business',
        contact_person: NAME,
        email: 'henrike@quastenberg.example',
      });
      expect([contact.status, partner.status]).toEqual([201, 201]);

      tab = await env.open();
      const { page } = tab;
      await signIn(page, 'cdo', '/#/datenschutz');
      await page.getByLabel('Namen oder E-Mail-Adressen (mehrere durch Komma)').fill('Quastenberg');
      await page.getByRole('button', { name: 'Suchen' }).click();
      const findings = page.getByTestId('subject-findings');
      await findings.getByText('Kontakte (1)').waitFor();
      await findings.getByText('Ansprechpersonen bei Partnern (1)').waitFor();
      await expect(findings.getByRole('cell', { name: NAME, exact: true }).count()).resolves.toBe(2);
      // The contact's date in German form.
      await findings.getByRole('cell', { name: '01.10.2026' }).waitFor();
      await screenshot(page, 'datenschutz-cdo');
      expect(await seriousA11yViolations(page)).toEqual([]);

      const json = await downloadBy(page, 'Auskunft als JSON');
      expect(json.suggestedFilename()).toMatch(/^Auskunft_Art15_\d{4}-\d\d-\d\d\.json$/);
      const report = JSON.parse((await bytesOf(json)).toString('utf8')) as {
        auskunft: string;
        kontakte: { id: number; person_name: string; notes: string }[];
        kooperationspartner: { id: number; contact_person: string }[];
      };
      expect(report.auskunft).toBe('Art. 15 DSGVO');
      expect(report.kontakte.map((c) => [c.id, c.person_name])).toEqual([[contact.body.id, NAME]]);
      expect(report.kontakte[0]!.notes).toContain('Folgetermin');
      expect(report.kooperationspartner.map((p) => [p.id, p.contact_person])).toEqual([
        [partner.body.id, NAME],
      ]);
      const pdf = await downloadBy(page, 'Auskunft als PDF');
      expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
      expect((await bytesOf(pdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-');

      await page.getByRole('button', { name: 'Anonymisieren …' }).click();
      const dialog = page.getByRole('dialog', { name: 'Gefundene Einträge anonymisieren' });
      const confirm = dialog.getByRole('button', { name: 'Endgültig anonymisieren' });
      await expect(confirm.isDisabled()).resolves.toBe(true); // not without a reason
      await dialog.getByLabel('Grund (z. B. Löschantrag vom …)').fill('Löschantrag vom 28.11.2026, Az. DS-7');
      await screenshot(page, 'datenschutz-loeschen');
      await confirm.click();
      await page.getByText(/^\d+ Einträge anonymisiert\.$/).waitFor();
      await findings.getByText('Zu „Quastenberg“ ist nichts gespeichert.').waitFor();

      // Gone from the records, and the log names the reason but not the person.
      const left = (await env.db('contacts').where('id', contact.body.id).first('person_name', 'notes')) as {
        person_name: string | null;
        notes: string | null;
      };
      expect(`${left.person_name} ${left.notes}`).not.toMatch(/Quastenberg/i);
      const log = page.getByRole('table').filter({ hasText: 'Löschung (Art. 17)' });
      await log.getByText('Löschantrag vom 28.11.2026, Az. DS-7').waitFor();
      await expect(log.textContent()).resolves.not.toMatch(/Quastenberg/i);
    });
  });

  describe('Sicherungen', () => {
    it('lists the backups with time and size, backs up on demand, and downloads one', async () => {
      const cdo = await env.api('cdo');
      expect((await cdo.post('/api/backups').send({})).status).toBe(201);

      tab = await env.open();
      const { page } = tab;
      await signIn(page, 'cdo');
      await page.getByRole('menu').getByRole('menuitem', { name: 'Sicherungen', exact: true }).click();
      await page.waitForURL(/\/sicherungen$/);
      const list = page.getByTestId('backup-list');
      await list.waitFor();
      await page.getByText(/jede Nacht ab 2 Uhr .* behält die letzten 14 Sicherungen/).waitFor();
      const row = list.getByRole('row').nth(1);
      const cells = await row.getByRole('cell').allTextContents();
      expect(cells[0]).toMatch(/^\d\d?\.\d\d?\.\d{4}, \d\d:\d\d:\d\d$/);
      expect(cells[1]).toMatch(/^myk10-\d{8}-\d{6}\.jsonl\.gz$/);
      expect(cells[2]).toMatch(/^\d+(\.\d{3})* KB$|^\d+(,\d)? MB$/);
      const onDisk = fs.statSync(path.join(backupDir, cells[1]!)).size;
      expect(cells[2]).toBe(`${Math.max(1, Math.round(onDisk / 1024)).toLocaleString('de-DE')} KB`);
      await screenshot(page, 'sicherungen-cdo');
      expect(await seriousA11yViolations(page)).toEqual([]);

      // One second later, so the new backup gets a name of its own.
      await new Promise((r) => setTimeout(r, 1100));
      await page.getByRole('button', { name: 'Jetzt sichern' }).click();
      await page.getByText('Sicherung angelegt.').waitFor();
      await list.getByRole('row').nth(2).waitFor(); // the header and two backups

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        row.getByRole('link', { name: 'Herunterladen' }).click(),
      ]);
      const lines = zlib
        .gunzipSync(await bytesOf(download))
        .toString('utf8')
        .trim()
        .split('\n');
      expect(JSON.parse(lines[0]!)).toEqual(['header', expect.objectContaining({ format: 'myk10-backup' })]);
      expect(JSON.parse(lines.at(-1)!)[0]).toBe('trailer');
    });
  });

  describe.each(OTHER_ROLES)('the %s', (who) => {
    it('has neither page in the menu, and the API refuses both', async () => {
      tab = await env.open({ expectedStatuses: [401, 403] });
      const { page } = tab;
      await signIn(page, who);
      const menu = page.getByRole('menu');
      for (const name of ['Datenschutz', 'Sicherungen'])
        await expect(menu.getByRole('menuitem', { name, exact: true }).count()).resolves.toBe(0);
      // Typed in by hand: the page shows the refusal, no data.
      await page.goto('/#/sicherungen');
      await page
        .getByRole('alert')
        .filter({ hasText: /Berechtigung|berechtigt/ })
        .first()
        .waitFor();
      await expect(page.getByTestId('backup-list').count()).resolves.toBe(0);
      const agent = await env.api(who);
      expect((await agent.get('/api/backups')).status).toBe(403);
      expect((await agent.get('/api/privacy/retention')).status).toBe(403);
      expect((await agent.post('/api/privacy/subjects/search').send({ q: 'Müller' })).status).toBe(403);
    });
  });
});
