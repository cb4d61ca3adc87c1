import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import supertest from 'supertest';
import { DEMO_EMAIL, DEMO_PASSWORD, testApp, type Agent, type TestApp } from '../../support/app';
import { ACCEPTED, REFUSED } from './samples';

/** Upload, download, types, size limit, duplicates and the audit of documents (#17). */

let t: TestApp;
let trancheId: number;
let otherTrancheId: number;
beforeAll(async () => {
  t = await testApp({ config: { documentMaxMb: 1 } });
  const tranches = (await t.db('tranches').select('id').orderBy('id').limit(2)) as { id: number }[];
  [trancheId, otherTrancheId] = tranches.map((r) => r.id) as [number, number];
});
afterAll(async () => t?.close());

const hash = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

export function upload(
  agent: Agent,
  target: { resource: string; record_id: number; kind?: string; title?: string },
  bytes: Buffer,
  fileName: string,
) {
  let req = agent.post('/api/documents').set('X-Requested-With', 'XMLHttpRequest');
  for (const [k, v] of Object.entries({ kind: 'other', ...target })) req = req.field(k, String(v));
  return req.attach('file', bytes, fileName);
}

const download = (agent: Agent, id: number, query = '') =>
  agent
    .get(`/api/documents/${id}/file${query}`)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });

const countDocuments = async () =>
  Number(((await t.db('documents').count({ n: '*' })) as [{ n: number }])[0].n);

describe('POST /api/documents and GET /api/documents/:id/file', () => {
  it.each(ACCEPTED)(
    'accepts a %s by its content and gives the same bytes back',
    async (_type, name, media, bytes) => {
      const funding = await t.as('funding');

      const res = await upload(
        funding,
        { resource: 'tranches', record_id: trancheId, kind: 'drawdown' },
        bytes,
        name,
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        tranche_id: trancheId,
        resource: 'tranches',
        record_id: trancheId,
        kind: 'drawdown',
        file_name: name,
        media_type: media,
        size_bytes: bytes.length,
        sha256: hash(bytes),
      });
      const back = await download(funding, res.body.id);
      expect(back.status).toBe(200);
      expect(back.headers['content-type']).toBe(media);
      expect(hash(back.body as Buffer)).toBe(hash(bytes));
    },
  );

  it.each(REFUSED)(
    'refuses %s with 415 and a German message, storing nothing',
    async (_what, name, bytes) => {
      const funding = await t.as('funding');
      const before = await countDocuments();

      const res = await upload(funding, { resource: 'tranches', record_id: otherTrancheId }, bytes, name);

      expect(res.status).toBe(415);
      expect(res.body.message).toMatch(/Datei „.*“ (hat kein erlaubtes Format|ist ihrem Inhalt nach)/);
      expect(await countDocuments()).toBe(before);
    },
  );

  it('refuses the same file twice on one record with 409 naming the first, and takes it on another record', async () => {
    const funding = await t.as('funding');
    const bytes = Buffer.from(`%PDF-1.7\nDoppelt ${crypto.randomUUID()}\n`);
    const first = await upload(
      funding,
      { resource: 'tranches', record_id: trancheId, title: 'Mittelabruf Nr. 1 wie versandt' },
      bytes,
      'abruf.pdf',
    );

    const again = await upload(
      funding,
      { resource: 'tranches', record_id: trancheId },
      bytes,
      'abruf-kopie.pdf',
    );
    const elsewhere = await upload(
      funding,
      { resource: 'tranches', record_id: otherTrancheId },
      bytes,
      'abruf.pdf',
    );

    expect(first.status).toBe(201);
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('„Mittelabruf Nr. 1 wie versandt“ (abruf.pdf');
    expect(elsewhere.status).toBe(201);
  });

  it('answers 400 for a missing record id, an unknown resource or kind, and 404 for a record that does not exist', async () => {
    const funding = await t.as('funding');
    const pdf = Buffer.from('%PDF-1.4\nx\n');

    const bad = await upload(funding, { resource: 'users', record_id: 0, kind: 'geheim' }, pdf, 'a.pdf');
    const missing = await upload(funding, { resource: 'tranches', record_id: 2_000_000_000 }, pdf, 'a.pdf');

    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['kind', 'record_id', 'resource']);
    expect(missing.status).toBe(404);
  });

  it('takes multipart only with the X-Requested-With header (a form from another site cannot set it)', async () => {
    const funding = await t.as('funding');

    const res = await funding
      .post('/api/documents')
      .field('resource', 'tranches')
      .field('record_id', String(trancheId))
      .attach('file', Buffer.from('%PDF-1.4\n'), 'a.pdf');

    expect(res.status).toBe(403);
  });
});

describe('the size limit (DOCUMENT_MAX_MB, here 1 MB)', () => {
  const LIMIT = 1024 * 1024;

  it('stores a file of exactly the limit and refuses one byte more with 413', async () => {
    const funding = await t.as('funding');
    const at = Buffer.concat([Buffer.from('%PDF-1.4\n'), crypto.randomBytes(LIMIT - 9)]);
    const over = Buffer.concat([at, Buffer.from('x')]);

    expect(
      (await upload(funding, { resource: 'tranches', record_id: trancheId }, at, 'gross.pdf')).status,
    ).toBe(201);
    const res = await upload(
      funding,
      { resource: 'tranches', record_id: otherTrancheId },
      over,
      'zu-gross.pdf',
    );
    expect(res.status).toBe(413);
    expect(res.body.message).toContain('höchstens 1 MB');
  });

  it('answers 413 as soon as the limit is passed, while the rest of the body is still unsent', async () => {
    const login = await supertest(t.app)
      .post('/api/auth/login')
      .send({ email: DEMO_EMAIL.funding, password: DEMO_PASSWORD });
    const cookie = (login.headers['set-cookie'] as unknown as string[])
      .map((c) => c.split(';')[0])
      .join('; ');
    const server = http.createServer(t.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const boundary = 'grenze';
      const req = http.request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/documents',
        headers: {
          Cookie: cookie,
          'X-Requested-With': 'XMLHttpRequest',
          'Content-Type': `multipart/form-data; boundary=${boundary}`,
          'Transfer-Encoding': 'chunked',
        },
      });
      const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
        req.on('response', (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        });
        req.on('error', reject);
      });
      const field = (name: string, value: string) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
      req.write(field('resource', 'tranches') + field('record_id', String(trancheId)));
      req.write(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="riesig.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      );
      // The limit and one byte, of a declared 50 MB that never follow.
      req.write(Buffer.alloc(LIMIT + 1, 0x25));

      const res = await answer;
      req.destroy();

      expect(res.status).toBe(413);
      expect(JSON.parse(res.body).message).toContain('zu groß');
    } finally {
      server.close();
    }
  });

  it('refuses a declared Content-Length above the limit before reading anything', async () => {
    const funding = await t.as('funding');

    const res = await funding
      .post('/api/documents')
      .set('X-Requested-With', 'XMLHttpRequest')
      .set('Content-Type', 'multipart/form-data; boundary=x')
      .set('Content-Length', String(50 * 1024 * 1024))
      .send('--x--');

    expect(res.status).toBe(413);
  });
});

describe('download headers', () => {
  let pdfId: number;
  let pngId: number;
  beforeAll(async () => {
    const funding = await t.as('funding');
    pdfId = (
      await upload(
        funding,
        { resource: 'tranches', record_id: otherTrancheId, kind: 'notice' },
        Buffer.from(`%PDF-1.4\n${crypto.randomUUID()}\n`),
        'Änderungsbescheid Größe für Weißenthurm.pdf',
      )
    ).body.id as number;
    pngId = (
      await upload(
        funding,
        { resource: 'tranches', record_id: otherTrancheId },
        Buffer.concat([ACCEPTED[1]![3], crypto.randomBytes(8)]),
        'foto.png',
      )
    ).body.id as number;
  });

  it('sends an attachment with an ASCII fallback and the umlaut name in RFC 5987 form', async () => {
    const res = await download(await t.as('viewer'), pdfId);

    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Aenderungsbescheid Groesse fuer Weissenthurm.pdf"; filename*=UTF-8''${encodeURIComponent('Änderungsbescheid Größe für Weißenthurm.pdf')}`,
    );
  });

  it('sends the stored type, nosniff, no caching and a CSP that allows nothing (sandboxed)', async () => {
    const res = await download(await t.as('funding'), pngId);

    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toContain('no-store');
    expect(res.headers['content-security-policy']).toMatch(/^default-src 'none';.*; sandbox$/);
  });

  it('opens a PDF inline on request, but never another type', async () => {
    const funding = await t.as('funding');

    const pdf = await download(funding, pdfId, '?disposition=inline');
    const png = await download(funding, pngId, '?disposition=inline');

    expect(pdf.headers['content-disposition']).toMatch(/^inline; filename="/);
    expect(pdf.headers['content-security-policy']).toMatch(/^default-src 'none'/);
    expect(png.headers['content-disposition']).toMatch(/^attachment;/);
  });
});

describe('the audit and the list', () => {
  it('audits an upload and a delete with the metadata and hash, never the bytes', async () => {
    const funding = await t.as('funding');
    const bytes = Buffer.from(`%PDF-1.4\nGeheimer Inhalt ${crypto.randomUUID()}\n`);
    const created = (
      await upload(
        funding,
        { resource: 'tranches', record_id: trancheId, kind: 'receipt' },
        bytes,
        'beleg.pdf',
      )
    ).body as { id: number };

    const del = await funding.delete(`/api/documents/${created.id}`);
    const entries = (await t
      .db('audit_entries')
      .where({ resource: 'documents', record_id: created.id })
      .orderBy('id')) as { action: string; changes: Record<string, [unknown, unknown]> }[];

    expect(del.status).toBe(200);
    expect(entries.map((e) => e.action)).toEqual(['create', 'delete']);
    expect(entries[0]!.changes).toMatchObject({
      tranche_id: [null, trancheId],
      kind: [null, 'receipt'],
      file_name: [null, 'beleg.pdf'],
      sha256: [null, hash(bytes)],
      size_bytes: [null, bytes.length],
    });
    expect(JSON.stringify(entries)).not.toContain('Geheimer Inhalt');
    expect(await t.db('document_files').where('document_id', created.id)).toEqual([]);
    expect((await funding.get(`/api/documents/${created.id}`)).status).toBe(404);
  });

  it('lists a record’s documents with Content-Range, and the list query never reads the bytes table', async () => {
    const funding = await t.as('funding');
    const sql: string[] = [];
    const listen = (q: { sql: string }) => sql.push(q.sql);
    t.db.on('query', listen);
    const res = await funding.get(
      `/api/documents?filter=${encodeURIComponent(JSON.stringify({ tranche_id: trancheId }))}&range=[0,9]&sort=["id","DESC"]`,
    );
    t.db.off('query', listen);

    expect(res.status).toBe(200);
    expect(res.headers['content-range']).toMatch(/^documents 0-\d+\/\d+$/);
    expect(res.body.length).toBeGreaterThan(0);
    expect(res.body.every((d: { tranche_id: number }) => d.tranche_id === trancheId)).toBe(true);
    expect(res.body[0]).not.toHaveProperty('bytes');
    expect(sql.some((s) => s.includes('from "documents"'))).toBe(true);
    expect(sql.filter((s) => s.includes('document_files'))).toEqual([]);
  });
});
