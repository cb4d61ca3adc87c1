import type { Knex } from 'knex';
import { testApp, type TestApp, type Agent } from '../../support/app';
import { pageCount, pdfText } from '../status_reports/pdfText';

const NAME = 'Henrike Quastenberg';
const EMAIL = 'henrike.quastenberg@vg-maifeld.example';

// Restores and migrations take their time on a busy two-core machine.
jest.setTimeout(300_000);
let t: TestApp;
let cdo: Agent;
let ids: { contact: number; partner: number; user: number };

/** The person in three places, all written through the API (so the audit trail holds her too). */
beforeAll(async () => {
  t = await testApp();
  cdo = await t.as('cdo');
  const municipality = (await t.db('municipalities').orderBy('id').first('id')) as { id: number };
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
    email: EMAIL,
    phone: '02651 123456',
  });
  const user = await cdo.post('/api/users').send({
    name: NAME,
    email: EMAIL,
    role: 'viewer',
    password: 'ein-langes-Passwort-2026',
  });
  for (const r of [contact, partner, user]) expect(r.status).toBe(201);
  ids = { contact: contact.body.id, partner: partner.body.id, user: user.body.id };
});
afterAll(() => t.close());

/** Every text and JSON value of every table that contains the needle. */
async function traces(db: Knex, needle: string): Promise<string[]> {
  const { rows: columns } = (await db.raw(
    `select table_name, column_name, data_type from information_schema.columns
     where table_schema = current_schema() and data_type in ('text', 'character varying', 'json', 'jsonb')`,
  )) as { rows: { table_name: string; column_name: string }[] };
  const found: string[] = [];
  for (const c of columns) {
    const { rows } = (await db.raw(`select count(*)::int as n from ?? where ??::text ilike ?`, [
      c.table_name,
      c.column_name,
      `%${needle}%`,
    ])) as { rows: { n: number }[] };
    if (rows[0]!.n > 0) found.push(`${c.table_name}.${c.column_name}`);
  }
  return found;
}

describe('POST /api/privacy/subjects/search', () => {
  it('finds the person in the contact log, among the partners and among the users', async () => {
    const res = await cdo.post('/api/privacy/subjects/search').send({ q: 'quastenberg' });
    expect(res.status).toBe(200);
    expect(res.body.contacts.map((r: { id: number }) => r.id)).toEqual([ids.contact]);
    expect(res.body.partners.map((r: { id: number }) => r.id)).toEqual([ids.partner]);
    expect(res.body.users.map((r: { id: number }) => r.id)).toEqual([ids.user]);
    expect(res.body.users[0]).not.toHaveProperty('password_hash');
    // The audit trail of the three writes names her too.
    expect(res.body.occurrences.some((o: { table: string }) => o.table === 'audit_entries')).toBe(true);
  });

  it('finds her by e-mail address', async () => {
    const res = await cdo.post('/api/privacy/subjects/search').send({ q: EMAIL.toUpperCase() });
    expect(res.body.partners).toHaveLength(1);
    expect(res.body.users).toHaveLength(1);
  });

  it('takes several terms separated by commas', async () => {
    const res = await cdo.post('/api/privacy/subjects/search').send({ q: `Nobody Known, ${EMAIL}` });
    expect(res.body.users).toHaveLength(1);
  });

  it('answers 400 for a term shorter than three characters or with quotes', async () => {
    expect((await cdo.post('/api/privacy/subjects/search').send({ q: 'Qu' })).status).toBe(400);
    expect((await cdo.post('/api/privacy/subjects/search').send({ q: 'a"b"c' })).status).toBe(400);
  });

  it.each(['steering', 'funding', 'guide', 'viewer'] as const)(
    'refuses the role %s with 403',
    async (role) => {
      const res = await (await t.as(role)).post('/api/privacy/subjects/search').send({ q: 'quastenberg' });
      expect(res.status).toBe(403);
    },
  );
});

describe('POST /api/privacy/subjects/export (Art. 15)', () => {
  it('exports everything found as a JSON download', async () => {
    const res = await cdo.post('/api/privacy/subjects/export').send({ q: NAME, format: 'json' }).buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="Auskunft_Art15_.*\.json"/);
    const body = JSON.parse(res.text) as Record<string, Record<string, unknown>[]>;
    expect(body.kontakte![0]).toMatchObject({
      person_name: NAME,
      person_role: 'Büroleiterin',
      topic: 'Dorfbüro',
    });
    expect(body.kooperationspartner![0]).toMatchObject({
      contact_person: NAME,
      email: EMAIL,
      phone: '02651 123456',
    });
    expect(body.benutzer![0]).toMatchObject({ name: NAME, email: EMAIL, role: 'viewer' });
    expect(body.weitere_fundstellen!.length).toBeGreaterThan(0);
  });

  it('exports a readable PDF with the three entries', async () => {
    const res = await cdo
      .post('/api/privacy/subjects/export')
      .send({ q: NAME, format: 'pdf' })
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfText(res.body as Buffer);
    expect(text).toContain('Auskunft nach Art. 15 DSGVO');
    expect(text).toContain(NAME);
    expect(pageCount(res.body as Buffer)).toBeGreaterThanOrEqual(1);
  });

  it('records the request in the privacy log without the name', async () => {
    const log = (await t.db('privacy_log').where('kind', 'access')) as Record<string, unknown>[];
    expect(log.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(log)).not.toMatch(/Quastenberg/i);
  });
});

describe('POST /api/privacy/subjects/erase (Art. 17)', () => {
  it('answers 400 without a reason and changes nothing', async () => {
    const res = await cdo.post('/api/privacy/subjects/erase').send({ q: NAME });
    expect(res.status).toBe(400);
    expect(await traces(t.db, 'quastenberg')).not.toEqual([]);
  });

  it('refuses to anonymise the signed-in CDO herself', async () => {
    const res = await cdo
      .post('/api/privacy/subjects/erase')
      .send({ q: 'cdo@myk10.example', reason: 'Test der Sperre' });
    expect(res.status).toBe(403);
  });

  it('anonymises every entry in one step and leaves no trace of the name in any table', async () => {
    const viewer = await t.as('viewer'); // a session of someone else, untouched
    const res = await cdo
      .post('/api/privacy/subjects/erase')
      .send({ q: `${NAME}, ${EMAIL}, Quastenberg`, reason: `Löschantrag von ${NAME} vom 02.11.2026` });
    expect(res.status).toBe(200);
    expect(res.body.counts).toMatchObject({ contacts: 1, partners: 1, users: 1 });
    expect(await traces(t.db, 'quastenberg')).toEqual([]);
    expect(await traces(t.db, 'henrike')).toEqual([]);
    expect((await viewer.get('/api/measures')).status).toBe(200);
  });

  it('keeps the records themselves: the contact still counts, the partner and the user still exist', async () => {
    expect(await t.db('contacts').where('id', ids.contact).first()).toMatchObject({
      person_name: null,
      topic: '[anonymisiert]',
    });
    expect(await t.db('partners').where('id', ids.partner).first()).toMatchObject({
      contact_person: null,
      email: null,
      phone: null,
    });
    expect(await t.db('users').where('id', ids.user).first()).toMatchObject({ active: false });
  });

  it('records the erasure with its reason, without the erased name', async () => {
    const log = (await t.db('privacy_log').where('kind', 'erasure').first()) as Record<string, unknown>;
    expect(log.reason).toBe('Löschantrag von [anonymisiert] vom 02.11.2026');
    const trail = (await t
      .db('audit_entries')
      .where({ resource: 'contacts', record_id: ids.contact })
      .orderBy('id')) as {
      changes: Record<string, unknown>;
    }[];
    expect(trail.at(-1)!.changes).toEqual({
      anonymised: [null, `Löschersuchen Nr. ${String(log.id)} (Art. 17 DSGVO)`],
    });
  });

  it('leaves the anonymised user unable to sign in', async () => {
    const res = await t
      .anonymous()
      .post('/api/auth/login')
      .send({ email: EMAIL, password: 'ein-langes-Passwort-2026' });
    expect(res.status).toBe(401);
  });
});
