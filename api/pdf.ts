import path from 'node:path';
import type Pdfmake from 'pdfmake';
import { HEALTH_LABELS } from './labels';
import { loadPdfmake } from './lazyModules';

/** What every PDF of the cockpit shares (pdfmake 0.3, the Roboto fonts bundled with the package): A4, German. */

export type Content = string | Content[] | { [key: string]: unknown };

const FONT_DIR = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');

export const LIGHT: Record<string, { label: string; colour: string }> = {
  green: { label: HEALTH_LABELS.green, colour: '#2e7d32' },
  amber: { label: HEALTH_LABELS.amber, colour: '#f9a825' },
  red: { label: HEALTH_LABELS.red, colour: '#c62828' },
};

/** A coloured dot with the light's name beside it, so the document also reads in black and white. */
export function light(health: string): Content {
  const l = LIGHT[health] ?? { label: health, colour: '#757575' };
  return {
    columns: [
      { width: 12, canvas: [{ type: 'ellipse', x: 5, y: 6, r1: 5, r2: 5, color: l.colour }] },
      { width: '*', text: l.label },
    ],
    columnGap: 2,
  };
}

const header = (texts: string[]): Content[] => texts.map((text) => ({ text, style: 'th' }));

export function table(widths: (number | string)[], head: string[], rows: Content[][]): Content {
  return {
    table: { headerRows: 1, dontBreakRows: true, widths, body: [header(head), ...rows] },
    layout: {
      fillColor: (row: number) => (row === 0 ? '#eceff1' : null),
      hLineColor: () => '#b0bec5',
      vLineColor: () => '#b0bec5',
    },
    margin: [0, 2, 0, 10],
  };
}

export const muted = (text: string, margin: number[] = [0, 0, 0, 10]): Content => ({
  text,
  style: 'muted',
  margin,
});

/** Headings carry a headline level, so none is left alone at the foot of a page (see pageBreakBefore). */
export const h1 = (text: string, extra: Record<string, unknown> = {}): Content => ({
  text,
  style: 'h1',
  headlineLevel: 1,
  ...extra,
});
export const h2 = (text: string): Content => ({ text, style: 'h2', headlineLevel: 2 });

export const STYLES = {
  kicker: { fontSize: 10, color: '#546e7a' },
  title: { fontSize: 20, bold: true, color: '#1f3a4d' },
  subtitle: { fontSize: 11.5, color: '#37474f' },
  h1: { fontSize: 14, bold: true, color: '#1f3a4d', margin: [0, 6, 0, 6] },
  h2: { fontSize: 11, bold: true, color: '#37474f', margin: [0, 8, 0, 4] },
  th: { bold: true },
  muted: { color: '#607d8b' },
  small: { fontSize: 8 },
};

/** The frame of a document: A4 portrait, margins, fonts, footer "Seite x von y", no heading left at a page foot. */
export function documentFrame(
  title: string,
  info: Record<string, string>,
  content: Content[],
  compress = true,
) {
  return {
    pageSize: 'A4',
    pageMargins: [40, 48, 40, 56],
    compress,
    language: 'de-DE',
    info: { title, creator: 'MYK10 Steuerungscockpit', ...info },
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.15 },
    styles: STYLES,
    footer: (currentPage: number, pageCount: number) => ({
      columns: [
        { text: `MYK10 Steuerungscockpit · ${title}`, style: 'muted' },
        { text: `Seite ${currentPage} von ${pageCount}`, alignment: 'right', style: 'muted' },
      ],
      margin: [40, 20, 40, 0],
      fontSize: 8,
    }),
    // A heading that would end a page (nothing of its section after it on the same page) moves to the next one.
    pageBreakBefore: (node: { headlineLevel?: number }, page: { getFollowingNodesOnPage(): unknown[] }) =>
      node.headlineLevel !== undefined && page.getFollowingNodesOnPage().length === 0,
    content,
  };
}

/** Set on every call: pdfmake is a process-wide singleton that other code may configure too. */
function configure(pdfmake: typeof Pdfmake): void {
  pdfmake.setFonts({
    Roboto: {
      normal: path.join(FONT_DIR, 'Roboto-Regular.ttf'),
      bold: path.join(FONT_DIR, 'Roboto-Medium.ttf'),
      italics: path.join(FONT_DIR, 'Roboto-Italic.ttf'),
      bolditalics: path.join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
    },
  });
  // The documents embed nothing from outside: no downloads, and only the bundled fonts from disk.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(FONT_DIR + path.sep));
}

export async function renderPdf(doc: object): Promise<Buffer> {
  const pdfmake = await loadPdfmake();
  configure(pdfmake);
  return pdfmake.createPdf(doc).getBuffer();
}
