import crypto from 'node:crypto';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import type { Express } from 'express';
import ical from 'node-ical';
import { testApp, type Agent, type TestApp } from '../../support/app';

type Row = Record<string, unknown>;

const pad = (n: number) => String(n).padStart(2, '0');
/** node-ical gives all-day dates as local midnight. */
const ymd = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

function events(text: string): Map<string, ical.VEvent> {
  const parsed = ical.sync.parseICS(text);
  const list = Object.values(parsed).filter((c): c is ical.VEvent => c?.type === 'VEVENT');
  return new Map(list.map((e) => [e.uid, e]));
}

async function feed(agent: Agent, path = '/api/calendar.ics'): Promise<string> {
  const res = await agent.get(path).buffer(true);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
  return res.text;
}

/** The bytes as sent, without a client that unpacks gzip on its own (supertest and fetch both do). */
async function rawGet(
  app: Express,
  path: string,
  headers: Record<string, string>,
): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const { port } = server.address() as AddressInfo;
    const res = await new Promise<http.IncomingMessage>((resolve, reject) =>
      http.get({ host: '127.0.0.1', port, path, headers }, resolve).on('error', reject),
    );
    const chunks: Buffer[] = [];
    for await (const chunk of res) chunks.push(chunk as Buffer);
    return { headers: res.headers, body: Buffer.concat(chunks) };
  } finally {
    server.close();
  }
}

describe('calendar', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => t?.close());

  describe('GET /api/calendar.ics', () => {
    it('is a valid iCalendar with the calendar properties', async () => {
      const text = await feed(await t.as('cdo'));
      expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
      expect(text).toMatch(/\r\nMETHOD:PUBLISH\r\n/);
      expect(text).toMatch(/\r\nX-WR-CALNAME:MYK10 Cockpit – Andrea Becker\r\n/);
      expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
      expect(text.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
      for (const block of text.split('BEGIN:VEVENT').slice(1)) {
        expect(block).toMatch(/\r\nUID:[^\r]+\r\n/);
        expect(block).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
        expect(block).toMatch(/\r\nDTSTART;VALUE=DATE:\d{8}\r\nDTEND;VALUE=DATE:\d{8}\r\n/);
        expect(block).toMatch(/\r\nSUMMARY:/);
        expect(block).toMatch(/\r\nDESCRIPTION:/);
      }
    });

    it('holds every open milestone as an all-day event on its due date, ending the next day', async () => {
      const all = events(await feed(await t.as('guide')));
      const open = (await t
        .db('milestones')
        .whereNull('completed_on')
        .select('id', 'title', 'due_date')) as Row[];
      const done = (await t.db('milestones').whereNotNull('completed_on').first('id')) as Row;
      expect([...all.keys()].filter((k) => k.startsWith('milestone-'))).toHaveLength(open.length);
      const m = open[0]!;
      const e = all.get(`milestone-${String(m.id)}@myk10-cockpit`)!;
      expect(e.datetype).toBe('date');
      expect(ymd(e.start)).toBe(m.due_date);
      expect((e.end!.getTime() - e.start.getTime()) / 86_400_000).toBe(1);
      expect(String(e.summary)).toContain(String(m.title));
      expect(all.has(`milestone-${String(done.id)}@myk10-cockpit`)).toBe(false);
    });

    it('holds the guide’s own open follow-ups, and not those of other guides', async () => {
      const guide = (await t.db('users').where('email', 'lotsin1@myk10.example').first('id')) as Row;
      const own = (await t
        .db('contacts')
        .where({ author_id: guide.id as number, follow_up_done: false })
        .whereNotNull('follow_up_on')
        .select('id', 'follow_up_on')) as Row[];
      const others = (await t
        .db('contacts')
        .whereNot('author_id', guide.id as number)
        .where('follow_up_done', false)
        .whereNotNull('follow_up_on')
        .first('id')) as Row;
      expect(own.length).toBeGreaterThan(0);
      const all = events(await feed(await t.as('guide')));
      for (const c of own)
        expect(ymd(all.get(`contact-${String(c.id)}-follow-up@myk10-cockpit`)!.start)).toBe(c.follow_up_on);
      expect(all.has(`contact-${String(others.id)}-follow-up@myk10-cockpit`)).toBe(false);
    });

    it('adds a follow-up the guide just logged', async () => {
      const guide = await t.as('guide');
      const me = (await guide.get('/api/auth/me')).body as { municipality_ids: number[] };
      const created = await guide.post('/api/contacts').send({
        municipality_id: me.municipality_ids[0],
        contact_on: '2026-11-20',
        channel: 'phone',
        topic: 'Rückruf; Termin, Ortsbegehung',
        follow_up_on: '2027-01-15',
      });
      expect(created.status).toBe(201);
      const e = events(await feed(guide)).get(`contact-${String(created.body.id)}-follow-up@myk10-cockpit`)!;
      expect(ymd(e.start)).toBe('2027-01-15');
      expect(String(e.summary)).toContain('Rückruf; Termin, Ortsbegehung');
    });

    it('holds spend deadlines of received tranches with money left for funding staff, not for the guide', async () => {
      const open = (
        (await t.db.raw(
          `select t.id, case g.spend_rule when 'anbest_p' then t.received_on + 42 else (t.received_on + interval '2 months')::date end as deadline
         from tranches t join grants g on g.id = t.grant_id
         where t.status = 'received'
           and t.received_cents > (select coalesce(sum(e.amount_cents), 0) from expenditures e where e.tranche_id = t.id and e.eligible)`,
        )) as { rows: { id: number; deadline: string }[] }
      ).rows;
      expect(open.length).toBeGreaterThan(0);
      const funding = events(await feed(await t.as('funding')));
      for (const tr of open)
        expect(ymd(funding.get(`tranche-${tr.id}-spend@myk10-cockpit`)!.start)).toBe(tr.deadline);
      const guide = events(await feed(await t.as('guide')));
      expect([...guide.keys()].some((k) => k.startsWith('tranche-') || k.includes('-proof@'))).toBe(false);
    });

    it('holds open proof due dates (grant, interim, transfer) for funding readers', async () => {
      // Open as in the deadline monitor: a final proof until the final tranche is requested, an interim proof
      // until its due date and after it while the year has received tranches not yet settled.
      const grant = (await t
        .db('grants as g')
        .whereNotNull('g.proof_due_on')
        .whereNotExists((q) =>
          q
            .select(1)
            .from('tranches as t')
            .whereRaw("t.grant_id = g.id and t.is_final and t.status <> 'planned'"),
        )
        .first('g.id', 'g.proof_due_on')) as Row;
      const year = (await t
        .db('grant_years as y')
        .whereNotNull('y.interim_proof_due_on')
        .where((w) =>
          w
            .whereRaw('y.interim_proof_due_on >= current_date')
            .orWhereExists((q) =>
              q
                .select(1)
                .from('tranches as t')
                .whereRaw(
                  "t.grant_id = y.grant_id and t.fiscal_year = y.fiscal_year and t.status = 'received'",
                ),
            ),
        )
        .first('y.id', 'y.interim_proof_due_on')) as Row;
      const transfer = (await t
        .db('transfers')
        .whereNotNull('proof_due_on')
        .whereNull('proof_received_on')
        .first('id', 'proof_due_on')) as Row;
      const delivered = (await t.db('transfers').whereNotNull('proof_received_on').first('id')) as Row;
      const viewer = events(await feed(await t.as('viewer')));
      expect(ymd(viewer.get(`grant-${String(grant.id)}-proof@myk10-cockpit`)!.start)).toBe(
        grant.proof_due_on,
      );
      expect(ymd(viewer.get(`grant-year-${String(year.id)}-proof@myk10-cockpit`)!.start)).toBe(
        year.interim_proof_due_on,
      );
      expect(ymd(viewer.get(`transfer-${String(transfer.id)}-proof@myk10-cockpit`)!.start)).toBe(
        transfer.proof_due_on,
      );
      expect(viewer.has(`transfer-${String(delivered.id)}-proof@myk10-cockpit`)).toBe(false);
      // The viewer may not read contacts: no follow-ups at all.
      expect([...viewer.keys()].some((k) => k.startsWith('contact-'))).toBe(false);
    });

    it('leaves out a final proof once the final tranche is requested, as the deadline monitor does', async () => {
      const closed = (await t
        .db('grants as g')
        .whereNotNull('g.proof_due_on')
        .whereExists((q) =>
          q
            .select(1)
            .from('tranches as t')
            .whereRaw("t.grant_id = g.id and t.is_final and t.status <> 'planned'"),
        )
        .first('g.id')) as Row | undefined;
      expect(closed).toBeDefined();
      const viewer = events(await feed(await t.as('viewer')));
      expect(viewer.has(`grant-${String(closed!.id)}-proof@myk10-cockpit`)).toBe(false);
    });

    it('shows follow-ups only to roles that may read contacts, even of entries the user wrote herself', async () => {
      // A former guide now in funding (or the viewer) keeps her old entries, but may no longer read contacts.
      const municipality = ((await t.db('municipalities').first('id')) as { id: number }).id;
      const follow = async (email: string) => {
        const { id } = (await t.db('users').where('email', email).first('id')) as { id: number };
        const [row] = (await t
          .db('contacts')
          .insert({
            municipality_id: municipality,
            author_id: id,
            contact_on: '2026-09-01',
            channel: 'phone',
            topic: `Vertraulicher Rückruf ${email}`,
            person_name: 'Erika Vertraulich',
            follow_up_on: '2027-02-01',
            follow_up_done: false,
          })
          .returning('id')) as [{ id: number }];
        return `contact-${row.id}-follow-up@myk10-cockpit`;
      };
      const uids = {
        funding: await follow('foerderung@myk10.example'),
        viewer: await follow('lesen@myk10.example'),
        steering: await follow('steuerung@myk10.example'),
      };

      for (const role of ['funding', 'viewer'] as const) {
        const text = await feed(await t.as(role));
        expect(events(text).has(uids[role])).toBe(false);
        expect(text).not.toContain('Vertraulich');
        const { path } = (await (await t.as(role)).post('/api/calendar/token').send({}).expect(201)).body as {
          path: string;
        };
        expect(await feed(t.anonymous(), path)).not.toContain('Vertraulich');
      }
      expect(events(await feed(await t.as('steering'))).has(uids.steering)).toBe(true);
    });

    it('keeps UIDs stable between two downloads', async () => {
      const cdo = await t.as('cdo');
      expect([...events(await feed(cdo)).keys()]).toEqual([...events(await feed(cdo)).keys()]);
    });

    it('lets no milestone title forge a property or an event', async () => {
      const m = (await t
        .db('milestones')
        .whereNull('completed_on')
        .orderBy('id')
        .first('id', 'title')) as Row;
      const forged =
        'X\u000bY\u2028DTSTART:19700101\rATTENDEE:evil\u0085END:VEVENT\u000cBEGIN:VEVENT\u2029UID:x';
      await t
        .db('milestones')
        .where('id', m.id as number)
        .update({ title: forged });
      try {
        const text = await feed(await t.as('cdo'));
        // eslint-disable-next-line no-control-regex
        const controls = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
        expect(text.replace(/\r\n/g, '').match(controls)).toBeNull();
        const parsed = Object.values(ical.sync.parseICS(text)).filter(
          (c): c is ical.VEvent => c?.type === 'VEVENT',
        );
        const mine = parsed.filter((e) => String(e.summary).includes('DTSTART:19700101'));
        expect(mine).toHaveLength(1);
        const e = mine[0]!;
        expect(e.uid).toBe(`milestone-${String(m.id)}@myk10-cockpit`);
        expect(String(e.summary)).not.toMatch(controls);
        expect(String(e.summary)).toContain(
          'X Y DTSTART:19700101 ATTENDEE:evil END:VEVENT BEGIN:VEVENT UID:x',
        );
        expect(e).not.toHaveProperty('attendee');
        expect(e.start.getFullYear()).toBeGreaterThan(1970);
        expect(parsed.some((p) => p.uid === 'x')).toBe(false);
        expect(new Set(parsed.map((p) => p.uid)).size).toBe(parsed.length);
      } finally {
        await t
          .db('milestones')
          .where('id', m.id as number)
          .update({ title: m.title });
      }
    });

    it('answers 401 without a session', async () => {
      expect((await t.anonymous().get('/api/calendar.ics')).status).toBe(401);
    });
  });

  describe('secret subscription URL', () => {
    it('answers 401 for creating a token without a session', async () => {
      expect((await t.anonymous().post('/api/calendar/token').send({})).status).toBe(401);
    });

    it('creates a token URL that works without a cookie and stores only its hash', async () => {
      const guide = await t.as('guide');
      expect((await guide.get('/api/calendar/token')).body).toEqual({ active: false });
      const res = await guide.post('/api/calendar/token').send({});
      expect(res.status).toBe(201);
      expect(res.body.path).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
      expect(res.body.url).toMatch(/^http:\/\/.+\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
      const token = /calendar\/(.+)\.ics$/.exec(res.body.path as string)![1]!;
      const row = (await t
        .db('users')
        .where('email', 'lotsin1@myk10.example')
        .first('calendar_token_hash')) as Row;
      expect(row.calendar_token_hash).toBe(crypto.createHash('sha256').update(token).digest('hex'));
      expect((await guide.get('/api/calendar/token')).body).toEqual({ active: true });

      const viaToken = await feed(t.anonymous(), res.body.path as string);
      const viaSession = await feed(guide);
      const uids = (text: string) => [...events(text).keys()].sort();
      expect(uids(viaToken)).toEqual(uids(viaSession));
      // The guide's feed through the token respects her role: no funding deadlines.
      expect(uids(viaToken).some((k) => k.startsWith('tranche-'))).toBe(false);
    });

    it('sends the feed gzipped to calendar programs that accept gzip, the same text as plain', async () => {
      const funding = await t.as('funding');
      const { path } = (await funding.post('/api/calendar/token').send({}).expect(201)).body as {
        path: string;
      };
      const plain = await rawGet(t.app, path, {});
      const identity = await rawGet(t.app, path, { 'accept-encoding': 'identity' });
      const gzipped = await rawGet(t.app, path, { 'accept-encoding': 'gzip, deflate, br' });
      const refused = await rawGet(t.app, path, { 'accept-encoding': 'gzip;q=0, identity' });

      const text = plain.body.toString('utf8');
      expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
      expect(text).toContain('Verwendungsfrist Mittelabruf');
      for (const r of [plain, identity, refused]) {
        expect(r.headers['content-encoding']).toBeUndefined();
        expect(r.body.equals(plain.body)).toBe(true);
      }
      expect(gzipped.headers['content-encoding']).toBe('gzip');
      expect(gzipped.headers.vary).toMatch(/Accept-Encoding/i);
      expect(gzipped.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(zlib.gunzipSync(gzipped.body).toString('utf8')).toBe(text);
      expect(gzipped.body.length).toBeLessThan(plain.body.length / 4);
    });

    it('stops the old URL when the token is renewed', async () => {
      const steering = await t.as('steering');
      const first = (await steering.post('/api/calendar/token').send({})).body.path as string;
      expect((await t.anonymous().get(first)).status).toBe(200);
      const second = (await steering.post('/api/calendar/token').send({})).body.path as string;
      expect(second).not.toBe(first);
      expect((await t.anonymous().get(first)).status).toBe(404);
      expect((await t.anonymous().get(second)).status).toBe(200);
    });

    it('stops the URL when the token is revoked or the user deactivated', async () => {
      const funding = await t.as('funding');
      const path = (await funding.post('/api/calendar/token').send({})).body.path as string;
      expect((await funding.delete('/api/calendar/token')).body).toEqual({ active: false });
      expect((await t.anonymous().get(path)).status).toBe(404);

      const again = (await funding.post('/api/calendar/token').send({})).body.path as string;
      await t.db('users').where('email', 'foerderung@myk10.example').update({ active: false });
      expect((await t.anonymous().get(again)).status).toBe(404);
      await t.db('users').where('email', 'foerderung@myk10.example').update({ active: true });
    });

    it('stays dead after the user is deactivated and reactivated through the users resource', async () => {
      const viewer = await t.as('viewer');
      const path = (await viewer.post('/api/calendar/token').send({})).body.path as string;
      const cdo = await t.as('cdo');
      const id = ((await t.db('users').where('email', 'lesen@myk10.example').first('id')) as Row)
        .id as number;
      const user = (await cdo.get(`/api/users/${id}`).expect(200)).body as Row;
      const off = (
        await cdo
          .put(`/api/users/${id}`)
          .send({ ...user, active: false })
          .expect(200)
      ).body as Row;
      await cdo
        .put(`/api/users/${id}`)
        .send({ ...off, active: true })
        .expect(200);
      expect((await t.anonymous().get(path)).status).toBe(404);
    });

    it('answers 404 for an unknown or malformed token', async () => {
      expect((await t.anonymous().get(`/api/calendar/${'A'.repeat(43)}.ics`)).status).toBe(404);
      expect((await t.anonymous().get('/api/calendar/nonsense.ics')).status).toBe(404);
    });
  });
});
