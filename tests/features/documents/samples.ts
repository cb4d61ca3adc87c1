import zlib from 'node:zlib';

/** Small files of every accepted type (and some that are not), built byte by byte for the upload tests. */

/** A zip of stored (uncompressed) entries, in the given order: enough for OOXML and ODF containers. */
export function zip(entries: [name: string, content: string][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = Buffer.from(content);
    const fileName = Buffer.from(name);
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const XML = '<?xml version="1.0" encoding="UTF-8"?><x/>';
const cfb = (names: string[]) =>
  Buffer.concat([
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    Buffer.alloc(504),
    ...names.map((n) => Buffer.concat([Buffer.from(n, 'utf16le'), Buffer.alloc(64 - 2 * n.length)])),
  ]);

/** One accepted sample per type: [type, file name, expected media type, bytes]. */
export const ACCEPTED: [string, string, string, Buffer][] = [
  [
    'PDF',
    'Bescheid.pdf',
    'application/pdf',
    Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
  ],
  [
    'PNG',
    'Foto.png',
    'image/png',
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  ],
  ['JPEG', 'Scan.jpg', 'image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46])],
  [
    'DOCX',
    'Vertrag.docx',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    zip([
      ['[Content_Types].xml', XML],
      ['word/document.xml', XML],
    ]),
  ],
  [
    'XLSX',
    'Kosten.xlsx',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    zip([
      ['[Content_Types].xml', XML],
      ['xl/workbook.xml', XML],
    ]),
  ],
  [
    'ODT',
    'Protokoll.odt',
    'application/vnd.oasis.opendocument.text',
    zip([
      ['mimetype', 'application/vnd.oasis.opendocument.text'],
      ['content.xml', XML],
    ]),
  ],
  [
    'ODS',
    'Tabelle.ods',
    'application/vnd.oasis.opendocument.spreadsheet',
    zip([
      ['mimetype', 'application/vnd.oasis.opendocument.spreadsheet'],
      ['content.xml', XML],
    ]),
  ],
  ['MSG', 'Nachricht.msg', 'application/vnd.ms-outlook', cfb(['Root Entry', '__substg1.0_0037001F'])],
  [
    'EML',
    'Mail.eml',
    'message/rfc822',
    Buffer.from(
      'From: Kreisverwaltung <info@kvmyk.example>\r\nTo: lotsin1@myk10.example\r\nSubject: Protokoll\r\nDate: Tue, 1 Dec 2026 10:00:00 +0100\r\n\r\nGuten Tag,\r\nanbei das Protokoll.\r\n',
    ),
  ],
];

/** Files that must be refused: [what, file name, bytes]. */
export const REFUSED: [string, string, Buffer][] = [
  ['a program renamed .pdf', 'Bescheid.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)])],
  ['HTML renamed .pdf', 'Bescheid.pdf', Buffer.from('<!doctype html><script>alert(1)</script>')],
  ['HTML as .html', 'seite.html', Buffer.from('<html><body>hallo</body></html>')],
  ['SVG', 'bild.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
  ['a PNG named .pdf', 'Bescheid.pdf', ACCEPTED[1]![3]],
  ['an old Word file (compound file without a message)', 'alt.msg', cfb(['Root Entry', 'WordDocument'])],
  ['a plain zip', 'archiv.docx', zip([['readme.txt', 'hallo']])],
  ['an empty file', 'leer.pdf', Buffer.alloc(0)],
];
