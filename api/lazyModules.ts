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

// ESM-only packages: TypeScript's CommonJS output would turn `import()` into `require()`, which cannot load them
// (nor can jest's module system), so the import is written where the compiler does not rewrite it.
const importEsm = new Function('specifier', 'return import(specifier)') as (
  specifier: string,
) => Promise<unknown>;

/** openid-client 6 (ESM only), loaded when single sign-on is configured. */
export const loadOpenidClient = async (): Promise<typeof OpenidClient> =>
  (await importEsm('openid-client')) as typeof OpenidClient;
