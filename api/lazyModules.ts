import type ExcelJS from 'exceljs';
import type Nodemailer from 'nodemailer';
import type Pdfmake from 'pdfmake';
import type * as OpenidClient from 'openid-client';

/**
 * The spreadsheet and PDF writers are loaded on first use: together they hold about 40 MB of resident memory that a
 * process serving only the dashboard and lists never needs (see the memory figures of `npm run bench`).
 */
export const loadExcel = async (): Promise<typeof ExcelJS> => (await import('exceljs')).default;
export const loadPdfmake = async (): Promise<typeof Pdfmake> => (await import('pdfmake')).default;
/** The mail client, only where SMTP_URL is set (reminders, issue #16). */
export const loadNodemailer = async (): Promise<typeof Nodemailer> => (await import('nodemailer')).default;

// ESM-only packages: TypeScript's CommonJS output would turn `import()` into `require()`, which cannot load them,
// so the import is written where the compiler does not rewrite it. Under jest, such an import from a test file's
// sandbox fails after the first file of a worker; the test environment (tests/support/environment.cjs) therefore
// hands in Node's own import as __MYK10_IMPORT_ESM__.
const importEsm =
  (globalThis as { __MYK10_IMPORT_ESM__?: (specifier: string) => Promise<unknown> }).__MYK10_IMPORT_ESM__ ??
  (new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>);

/** openid-client 6 (ESM only), loaded when single sign-on is configured. */
export const loadOpenidClient = async (): Promise<typeof OpenidClient> =>
  (await importEsm('openid-client')) as typeof OpenidClient;
