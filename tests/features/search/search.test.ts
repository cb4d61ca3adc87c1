import type { SearchResponse, SearchType } from '../../../api/features/search/contract';
import { testApp, type TestApp } from '../../support/app';

describe('GET /api/search', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => t?.close());

  async function search(who: Parameters<TestApp['as']>[0], q: string): Promise<SearchResponse> {
    const res = await (await t.as(who)).get('/api/search').query({ q });
    expect(res.status).toBe(200);
    return res.body as SearchResponse;
  }
  const types = (r: SearchResponse) => r.groups.map((g) => g.type);
  const hits = (r: SearchResponse, type: SearchType) => r.groups.find((g) => g.type === type)?.hits ?? [];

  it('needs a session', async () => {
    const res = await t.anonymous().get('/api/search').query({ q: 'Glasfaser' });
    expect(res.status).toBe(401);
  });

  it('groups what it finds by type, at most five per type, each hit with its label', async () => {
    const r = await search('cdo', 'Koblenz');
    expect(r.q).toBe('Koblenz');
    expect(types(r)).toContain('partners');
    for (const g of r.groups) expect(g.hits.length).toBeLessThanOrEqual(5);
    const measures = await search('cdo', 'RegioHub');
    expect(hits(measures, 'measures').length).toBeGreaterThan(0);
    expect(hits(measures, 'measures')[0]!.label).toMatch(/^\S+ .*RegioHub/);
  });

  it('ranks partners whose name matches before those that match elsewhere (city, contact person)', async () => {
    const partners = hits(await search('steering', 'Andernach'), 'partners').map((h) => h.label);
    expect(partners.slice(0, 2)).toEqual([
      'Museum Geysir Andernach',
      'St. Nikolaus-Stiftshospital Andernach',
    ]);
    expect(partners).toContain('Rheinblick Software GmbH');
  });

  it('finds grants and tranches for the funding role, and never contacts', async () => {
    const [grant] = (await t.db('grants').select('phase', 'file_number').orderBy('id').limit(1)) as {
      phase: string;
      file_number: string;
    }[] as [{ phase: string; file_number: string }];
    const byGrant = await search('funding', grant.file_number);
    expect(hits(byGrant, 'grants').map((h) => h.detail)).toContain(grant.file_number);
    expect(hits(byGrant, 'tranches').length).toBeGreaterThan(0);
    const tranche = await search('funding', 'Tranche 13');
    expect(
      hits(tranche, 'tranches').every((h) => /\/13$|^13\//.test(h.label) || h.label.startsWith('2013/')),
    ).toBe(true);
    expect(hits(tranche, 'tranches').length).toBeGreaterThan(0);
    for (const q of ['RegioHub', 'Jour fixe', 'Digitale Agenda'])
      expect(types(await search('funding', q))).not.toContain('contacts');
    expect(types(await search('viewer', 'Jour fixe'))).not.toContain('contacts');
  });

  it('shows a guide only the contacts of her own municipalities', async () => {
    const guide = (await (await t.as('guide')).get('/api/auth/me')).body as { municipality_ids: number[] };
    const [own, foreign] = await Promise.all([
      t.db('municipalities').whereIn('id', guide.municipality_ids).first('id'),
      t.db('municipalities').whereNotIn('id', guide.municipality_ids).first('id'),
    ]);
    const cdo = await t.as('cdo');
    const logged: Record<string, number> = {};
    for (const [where, municipality] of [
      ['own', own],
      ['foreign', foreign],
    ] as const) {
      const res = await cdo.post('/api/contacts').send({
        municipality_id: (municipality as { id: number }).id,
        contact_on: '2026-11-02',
        channel: 'phone',
        topic: `Zwiebelturmsanierung Rückfrage ${where}`,
        follow_up_done: false,
      });
      expect(res.status).toBe(201);
      logged[where] = (res.body as { id: number }).id;
    }
    const ids = async (who: 'cdo' | 'steering' | 'guide') =>
      hits(await search(who, 'Zwiebelturmsanierung'), 'contacts').map((h) => h.id);
    expect((await ids('cdo')).sort()).toEqual([logged.own, logged.foreign].sort());
    expect((await ids('steering')).sort()).toEqual([logged.own, logged.foreign].sort());
    expect(await ids('guide')).toEqual([logged.own]);
    const mine = hits(await search('guide', 'Jour fixe'), 'contacts').map((h) => h.id);
    const municipalities = (await t.db('contacts').whereIn('id', mine).pluck('municipality_id')) as number[];
    for (const m of municipalities) expect(guide.municipality_ids).toContain(m);
  });

  it('answers nothing for one letter and refuses overlong or repeated queries', async () => {
    expect((await search('cdo', 'a')).groups).toEqual([]);
    const agent = await t.as('cdo');
    expect((await agent.get('/api/search').query({ q: 'x'.repeat(101) })).status).toBe(400);
    expect((await agent.get('/api/search?q=a&q=b')).status).toBe(400);
    expect((await agent.get('/api/search').query({ q: '%_\\' })).status).toBe(200);
  });
});
