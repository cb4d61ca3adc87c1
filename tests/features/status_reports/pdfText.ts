import zlib from 'node:zlib';

/**
 * Just enough of a PDF reader for tests on pdfkit output: objects with (Flate) streams, the fonts' ToUnicode maps,
 * and the text shown by Tj/TJ in the content streams. Embedded fonts store glyph ids, never the plain text.
 */

interface PdfObject {
  dict: string;
  stream?: string;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const src = pdf.toString('latin1');
  const out = new Map<number, PdfObject>();
  const head = /(\d+) 0 obj/g;
  let m: RegExpExecArray | null;
  while ((m = head.exec(src))) {
    const start = m.index + m[0].length;
    const end = src.indexOf('endobj', start);
    const streamAt = src.indexOf('stream', start);
    if (streamAt !== -1 && streamAt < end) {
      const dict = src.slice(start, streamAt);
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
      const dataStart = streamAt + 'stream'.length + (src[streamAt + 6] === '\r' ? 2 : 1);
      let data = Buffer.from(src.slice(dataStart, dataStart + length), 'latin1');
      if (dict.includes('/FlateDecode')) data = zlib.inflateSync(data);
      out.set(Number(m[1]), { dict, stream: data.toString('latin1') });
      // Skip the binary data, which may contain anything.
      head.lastIndex = dataStart + length;
    } else out.set(Number(m[1]), { dict: src.slice(start, end) });
  }
  return out;
}

function parseCMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const hex = (h: string) => parseInt(h, 16);
  const chars = (h: string) => String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map(hex));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const r of block[1]!.matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g,
    )) {
      const [lo, hi] = [hex(r[1]!), hex(r[2]!)];
      if (r[3]!.startsWith('[')) {
        // A ligature maps to several characters, written with spaces: <0066 006c> is "fl".
        const targets = [...r[3]!.matchAll(/<([0-9a-fA-F\s]+)>/g)].map((x) =>
          chars(x[1]!.replace(/\s/g, '')),
        );
        for (let c = lo; c <= hi; c++) map.set(c, targets[c - lo] ?? '');
      } else {
        const first = hex(r[3]!.slice(1, -1));
        for (let c = lo; c <= hi; c++) map.set(c, String.fromCodePoint(first + c - lo));
      }
    }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const r of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      map.set(hex(r[1]!), chars(r[2]!));
  return map;
}

/** The text of every page in reading order of the content streams (words as pdfmake writes them). */
export function pdfText(pdf: Buffer): string {
  const objs = objects(pdf);
  const fonts = new Map<string, Map<number, string>>();
  for (const o of objs.values())
    for (const block of o.dict.matchAll(/\/Font\s*<<([^>]*)>>/g))
      for (const f of block[1]!.matchAll(/\/(\w+) (\d+) 0 R/g)) {
        const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(objs.get(Number(f[2]))?.dict ?? '')?.[1];
        const cmap = toUnicode ? objs.get(Number(toUnicode))?.stream : undefined;
        if (cmap && !fonts.has(f[1]!)) fonts.set(f[1]!, parseCMap(cmap));
      }
  let text = '';
  for (const o of objs.values()) {
    if (!o.stream || !/\bT[jJ]\b/.test(o.stream)) continue;
    let font = new Map<number, string>();
    for (const op of o.stream.matchAll(
      /\/(\w+) [\d.]+ Tf|\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g,
    )) {
      if (op[1]) font = fonts.get(op[1]) ?? new Map();
      const hexes =
        op[2] !== undefined
          ? [...op[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => x[1]!)
          : op[3] !== undefined
            ? [op[3]]
            : [];
      for (const h of hexes)
        for (const code of h.match(/.{4}/g) ?? []) text += font.get(parseInt(code, 16)) ?? '';
    }
    text += '\n';
  }
  return text;
}

/** Page objects (not the /Pages tree). */
export function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page(?!s)/g) ?? []).length;
}
