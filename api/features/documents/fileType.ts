/**
 * What a file is, decided by its content (magic bytes and container structure), never by its name or the type
 * the browser claims. Only the types below are accepted (#17); anything else, including HTML, SVG and programs,
 * is refused.
 */

export interface FileType {
  /** What the file is called in a German message. */
  label: string;
  mediaType: string;
  extensions: readonly string[];
}

export const FILE_TYPES = {
  pdf: { label: 'PDF-Dokument', mediaType: 'application/pdf', extensions: ['pdf'] },
  png: { label: 'PNG-Bild', mediaType: 'image/png', extensions: ['png'] },
  jpeg: { label: 'JPEG-Bild', mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  docx: {
    label: 'Word-Dokument (DOCX)',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  xlsx: {
    label: 'Excel-Tabelle (XLSX)',
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
  },
  odt: {
    label: 'OpenDocument-Text (ODT)',
    mediaType: 'application/vnd.oasis.opendocument.text',
    extensions: ['odt'],
  },
  ods: {
    label: 'OpenDocument-Tabelle (ODS)',
    mediaType: 'application/vnd.oasis.opendocument.spreadsheet',
    extensions: ['ods'],
  },
  msg: { label: 'Outlook-Nachricht (MSG)', mediaType: 'application/vnd.ms-outlook', extensions: ['msg'] },
  eml: { label: 'E-Mail (EML)', mediaType: 'message/rfc822', extensions: ['eml'] },
} as const satisfies Record<string, FileType>;

export type FileTypeKey = keyof typeof FILE_TYPES;

/** The accepted types as one German list, for messages. */
export const ACCEPTED_LIST = 'PDF, PNG, JPEG, DOCX, XLSX, ODT, ODS, MSG und EML';

const startsWith = (buf: Buffer, bytes: readonly number[]): boolean =>
  buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** The entries of a zip file from its central directory; undefined when the container is broken. */
export function zipEntries(buf: Buffer): ZipEntry[] | undefined {
  // The end-of-central-directory record lies in the last 22 + 65,535 (comment) bytes.
  const from = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= from; i--)
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return undefined;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return undefined;
    const nameLength = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const comment = buf.readUInt16LE(p + 32);
    if (p + 46 + nameLength > buf.length) return undefined;
    entries.push({
      name: buf.toString('utf8', p + 46, p + 46 + nameLength),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      localOffset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** The content of a stored (uncompressed) zip entry, as ODF keeps its `mimetype`. */
function storedEntry(buf: Buffer, entry: ZipEntry): string | undefined {
  const p = entry.localOffset;
  if (entry.method !== 0 || p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) return undefined;
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  if (start + entry.compressedSize > buf.length) return undefined;
  return buf.toString('latin1', start, start + entry.compressedSize);
}

function zipType(buf: Buffer): FileTypeKey | undefined {
  const entries = zipEntries(buf);
  if (!entries) return undefined;
  const has = (name: string) => entries.some((e) => e.name === name);
  if (has('[Content_Types].xml')) {
    if (has('word/document.xml')) return 'docx';
    if (has('xl/workbook.xml')) return 'xlsx';
    return undefined;
  }
  const mimetype = entries.find((e) => e.name === 'mimetype');
  const declared = mimetype && storedEntry(buf, mimetype);
  if (declared === FILE_TYPES.odt.mediaType && has('content.xml')) return 'odt';
  if (declared === FILE_TYPES.ods.mediaType && has('content.xml')) return 'ods';
  return undefined;
}

/** An Outlook message is a compound file whose directory names MAPI property streams (UTF-16LE names). */
function isOutlookMessage(buf: Buffer): boolean {
  return (
    buf.includes(Buffer.from('__properties_version1.0', 'utf16le')) ||
    buf.includes(Buffer.from('__substg1.0_', 'utf16le'))
  );
}

const HEADER_LINE = /^[!-9;-~]+:/; // RFC 5322 field name: printable ASCII except colon, then a colon
const CONTINUATION = /^[ \t]/;

/**
 * An Internet message (RFC 822/5322): text whose first lines are header fields up to an empty line, with a
 * From and a Date or Subject field. HTML, scripts and binary files do not pass.
 */
function isInternetMessage(buf: Buffer): boolean {
  const head = buf.subarray(0, 64 * 1024);
  if (head.includes(0)) return false;
  const text = head.toString('utf8');
  const end = text.search(/\r?\n\r?\n/);
  if (end <= 0) return false;
  const lines = text.slice(0, end).split(/\r?\n/);
  if (!HEADER_LINE.test(lines[0]!)) return false;
  if (!lines.every((l) => HEADER_LINE.test(l) || CONTINUATION.test(l))) return false;
  const names = new Set(lines.filter((l) => HEADER_LINE.test(l)).map((l) => l.split(':')[0]!.toLowerCase()));
  return names.has('from') && (names.has('date') || names.has('subject'));
}

/** The accepted type of a file's content, or undefined for anything else. */
export function detectFileType(buf: Buffer): FileTypeKey | undefined {
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (startsWith(buf, PNG)) return 'png';
  if (startsWith(buf, JPEG)) return 'jpeg';
  if (startsWith(buf, ZIP)) return zipType(buf);
  if (startsWith(buf, CFB)) return isOutlookMessage(buf) ? 'msg' : undefined;
  return isInternetMessage(buf) ? 'eml' : undefined;
}

/** The lower-case extension of a file name ('' without one). */
export const extensionOf = (fileName: string): string => {
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(fileName);
  return m ? m[1]!.toLowerCase() : '';
};

/**
 * The file's type when its content is accepted and its name does not claim another type; otherwise the German
 * reason for a 415.
 */
export function checkFile(fileName: string, buf: Buffer): { type: FileTypeKey } | { problem: string } {
  const type = detectFileType(buf);
  const ext = extensionOf(fileName);
  if (!type)
    return {
      problem: `Die Datei „${fileName}“ hat kein erlaubtes Format. Erlaubt sind ${ACCEPTED_LIST}; entscheidend ist der Inhalt, nicht der Dateiname.`,
    };
  const expected: readonly string[] = FILE_TYPES[type].extensions;
  if (!expected.includes(ext))
    return {
      problem: `Die Datei „${fileName}“ ist ihrem Inhalt nach ein ${FILE_TYPES[type].label}; die Endung ${ext ? `„.${ext}“` : '(keine)'} passt nicht dazu. Bitte die Datei mit der Endung „.${expected[0]!}“ hochladen.`,
    };
  return { type };
}
