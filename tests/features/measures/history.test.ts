import { testApp, type TestApp } from '../../support/app';

type Row = Record<string, unknown>;

/**
 * A measure's history (Verlauf): the changes of the measure and of its milestones, partners and links, with
 * record names instead of ids, in one statement, under the audit log's read rules.
 */
describe('audit entries of a measure', () => {
  let t: TestApp;
  let measure: Row;
  let partner: Row;
  let contact: Row;
  beforeAll(async () => {
    t = await testApp();
    measure = (await t.db('measures').where('code', 'M-05').first('id', 'code', 'title')) as Row;
    partner = (await t
      .db('partners')
      .whereNotIn(
        'id',
        t
          .db('measure_partners')
          .where('measure_id', measure.id as number)
          .select('partner_id'),
      )
      .first('id', 'name')) as Row;
    contact = (await t
      .db('contacts')
      .whereNotIn(
        'id',
        t
          .db('contact_measures')
          .where('measure_id', measure.id as number)
          .select('contact_id'),
      )
      .first('id', 'topic')) as Row;

    const cdo = await t.as('cdo');
    const steering = await t.as('steering');
    const created = await steering
      .post('/api/milestones')
      .send({
        measure_id: measure.id,
        title: 'Vergabe erteilt',
        baseline_date: '2027-03-01',
        due_date: '2027-03-01',
      })
      .expect(201);
    await steering
      .put(`/api/milestones/${String(created.body.id)}`)
      .send({ ...created.body, title: 'Vergabe bezuschlagt' })
      .expect(200);
    const gone = await steering
      .post('/api/milestones')
      .send({
        measure_id: measure.id,
        title: 'Wird gestrichen',
        baseline_date: '2027-04-01',
        due_date: '2027-04-01',
      })
      .expect(201);
    await steering
      .put(`/api/milestones/${String(gone.body.id)}`)
      .send({ ...gone.body, due_date: '2027-05-01' })
      .expect(200);
    await steering.delete(`/api/milestones/${String(gone.body.id)}`).expect(200);
    await steering
      .post('/api/measure_partners')
      .send({ measure_id: measure.id, partner_id: partner.id, role: 'Technik' })
      .expect(201);
    await cdo
      .post('/api/contact_measures')
      .send({ measure_id: measure.id, contact_id: contact.id })
      .expect(201);
  });
  afterAll(async () => t?.close());

  const history = async (who: 'cdo' | 'steering' | 'funding') =>
    (
      await (
        await t.as(who)
      )
        .get('/api/audit_entries')
        .query({ filter: JSON.stringify({ measure_id: measure.id }), sort: JSON.stringify(['id', 'ASC']) })
        .expect(200)
    ).body as Row[];

  it('holds the changes of the milestones, partners and links, each named', async () => {
    const rows = await history('steering');
    const code = measure.code as string;
    const summary = rows.map((r) => [r.resource, r.action, r.record_label]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ['milestones', 'create', `Vergabe bezuschlagt (${code})`],
        ['milestones', 'update', `Vergabe bezuschlagt (${code})`],
        // A deleted milestone keeps its name (from its entries) and its place in the measure's history.
        ['milestones', 'create', `Wird gestrichen (${code})`],
        ['milestones', 'update', expect.any(String)],
        ['milestones', 'delete', `Wird gestrichen (${code})`],
        ['measure_partners', 'create', `${String(partner.name)} (${code})`],
        ['contact_measures', 'create', `${String(contact.topic)} (${code})`],
      ]),
    );
    expect(rows.every((r) => r.measure_id === measure.id)).toBe(true);
    // Nothing of other measures.
    expect(rows.some((r) => r.record_label === 'Meilenstein einer anderen Maßnahme')).toBe(false);
  });

  it('names records in the whole audit log too', async () => {
    const rows = (await (await t.as('cdo')).get('/api/audit_entries').expect(200)).body as Row[];
    const partnerEntry = rows.find((r) => r.resource === 'measure_partners' && r.measure_id === measure.id);
    expect(partnerEntry?.record_label).toBe(`${String(partner.name)} (${String(measure.code)})`);
    const measureEntries = rows.filter((r) => r.resource === 'measures');
    for (const r of measureEntries.slice(0, 5)) expect(r.record_label).toMatch(/^M-\d+ .+/);
  });

  it('leaves out what the role may not read: the funding role sees no contact links', async () => {
    const funding = await history('funding');
    expect(funding.some((r) => r.resource === 'milestones')).toBe(true);
    expect(funding.some((r) => r.resource === 'contact_measures')).toBe(false);
    const cdo = await history('cdo');
    expect(cdo.length).toBe(funding.length + cdo.filter((r) => r.resource === 'contact_measures').length);
  });

  it('reads a page of any length in one statement (no query per entry)', async () => {
    const steering = await t.as('steering');
    const count = async (end: number) => {
      let queries = 0;
      const listener = () => (queries += 1);
      t.db.on('query', listener);
      await steering
        .get('/api/audit_entries')
        .query({ filter: JSON.stringify({ measure_id: measure.id }), range: JSON.stringify([0, end]) })
        .expect(200);
      t.db.off('query', listener);
      return queries;
    };
    await count(1); // the session's first use of this client may refresh it
    // Both pages shorter than the history (7 entries), so both also count the total.
    expect(await count(1)).toBe(await count(5));
  });
});
