import { testApp, type TestApp } from '../../support/app';
import { userId } from './support';

/** The notifications route shows each user her own rows only; the run, the outbox and the settings keep to roles. */

let t: TestApp;
let cdoId: number;
let fundingId: number;
let cdoNote: number;

beforeAll(async () => {
  t = await testApp();
  cdoId = await userId(t.db, 'cdo@myk10.example');
  fundingId = await userId(t.db, 'foerderung@myk10.example');
  const [row] = (await t
    .db('notifications')
    .insert({
      user_id: cdoId,
      rule: 'measure_red',
      resource: 'measures',
      record_id: 1,
      due_on: '2026-12-01',
      title: 'Nur für die CDO',
      body: 'Geheim',
      link: '/measures/1/show',
    })
    .returning('id')) as { id: number }[];
  cdoNote = row!.id;
});
afterAll(async () => t?.close());

describe('GET /api/notifications', () => {
  it('lists only the caller’s own rows, and counts only them', async () => {
    const funding = await t.as('funding');
    const res = await funding.get('/api/notifications?range=[0,999]');
    const own = await t.db('notifications').where('user_id', fundingId).count<{ n: number }[]>('* as n');

    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThan(0);
    expect(res.body.every((n: { user_id: number }) => n.user_id === fundingId)).toBe(true);
    expect(res.headers['content-range']).toMatch(new RegExp(`/${Number(own[0]!.n)}$`));
  });

  it('answers 404 for another user’s notification, also when asked by id list', async () => {
    const funding = await t.as('funding');

    expect((await funding.get(`/api/notifications/${cdoNote}`)).status).toBe(404);
    const many = await funding.get(
      `/api/notifications?filter=${encodeURIComponent(JSON.stringify({ id: [cdoNote] }))}`,
    );
    expect(many.body).toEqual([]);
  });

  it('cannot be filtered by user (400), so no one asks for another user’s rows', async () => {
    const funding = await t.as('funding');
    const res = await funding.get(
      `/api/notifications?filter=${encodeURIComponent(JSON.stringify({ user_id: cdoId }))}`,
    );

    expect(res.status).toBe(400);
  });

  it('filters unread ones', async () => {
    const cdo = await t.as('cdo');
    const res = await cdo.get(
      `/api/notifications?range=[0,999]&filter=${encodeURIComponent('{"unread":true}')}`,
    );

    expect(res.status).toBe(200);
    expect(res.body.map((n: { id: number }) => n.id)).toContain(cdoNote);
    expect(res.body.every((n: { read_at: string | null }) => n.read_at === null)).toBe(true);
  });
});

describe('marking read', () => {
  it('another user’s notification: 404, and it stays unread', async () => {
    const funding = await t.as('funding');

    expect((await funding.post(`/api/notifications/${cdoNote}/read`).send({})).status).toBe(404);
    expect((await t.db('notifications').where('id', cdoNote).first()).read_at).toBeNull();
  });

  it('own one: the unread count drops by one', async () => {
    const cdo = await t.as('cdo');
    const before = (await cdo.get('/api/notifications/unread_count')).body.unread as number;

    const res = await cdo.post(`/api/notifications/${cdoNote}/read`).send({});

    expect(res.status).toBe(200);
    expect(res.body.read_at).toEqual(expect.any(String));
    expect((await cdo.get('/api/notifications/unread_count')).body).toEqual({ unread: before - 1 });
  });

  it('"alle gelesen" marks the caller’s own rows only', async () => {
    const funding = await t.as('funding');
    await t.db('notifications').where('id', cdoNote).update({ read_at: null });

    const res = await funding.post('/api/notifications/read_all').send({});

    expect(res.status).toBe(200);
    expect((await funding.get('/api/notifications/unread_count')).body).toEqual({ unread: 0 });
    expect((await t.db('notifications').where('id', cdoNote).first()).read_at).toBeNull();
  });
});

describe('rights', () => {
  it.each(['steering', 'funding', 'guide', 'viewer'] as const)(
    'POST /api/reminders/run as %s → 403',
    async (role) => {
      const res = await (await t.as(role)).post('/api/reminders/run').send({});
      expect(res.status).toBe(403);
    },
  );

  it('POST /api/reminders/run without a session → 401', async () => {
    expect((await t.anonymous().post('/api/reminders/run').send({})).status).toBe(401);
  });

  it('POST /api/reminders/run as cdo answers what it created; a second run creates nothing', async () => {
    const cdo = await t.as('cdo');
    const first = await cdo.post('/api/reminders/run').send({});
    const second = await cdo.post('/api/reminders/run').send({});

    expect(first.status).toBe(200);
    expect(first.body).toEqual(
      expect.objectContaining({ today: expect.any(String), notifications: expect.any(Number), smtp: false }),
    );
    expect(second.body.notifications).toBe(0);
    expect(second.body.mails).toBe(0);
  });

  it.each(['steering', 'funding', 'guide', 'viewer'] as const)(
    'the outbox, its status and its retry are the CDO’s only: %s → 403',
    async (role) => {
      const agent = await t.as(role);
      const id = ((await t.db('mail_outbox').first('id')) as { id: number }).id;
      expect((await agent.get('/api/mail_outbox')).status).toBe(403);
      expect((await agent.get('/api/reminders/status')).status).toBe(403);
      expect((await agent.post(`/api/mail_outbox/${id}/retry`).send({})).status).toBe(403);
    },
  );

  it('the CDO sends a failed mail again: it waits for the next delivery (no SMTP here)', async () => {
    const cdo = await t.as('cdo');
    const failed = (await t.db('mail_outbox').where('status', 'failed').first('id')) as { id: number };

    const res = await cdo.post(`/api/mail_outbox/${failed.id}/retry`).send({});

    expect(res.status).toBe(200);
    expect((await t.db('mail_outbox').where('id', failed.id).first()).status).toBe('pending');
    const status = await cdo.get('/api/reminders/status');
    expect(status.body).toEqual(expect.objectContaining({ smtp: false, reminder_time: '06:00' }));
  });
});

describe('settings', () => {
  it('each user reads and writes her own, for the rules of her role', async () => {
    const guide = await t.as('guide');

    const before = await guide.get('/api/reminders/settings');
    expect(before.body.map((s: { rule: string }) => s.rule).sort()).toEqual([
      'follow_up',
      'milestone_due',
      'milestone_overdue',
    ]);
    expect(before.body).toContainEqual({ rule: 'follow_up', channel: 'email' });
    const res = await guide.put('/api/reminders/settings').send({ settings: { follow_up: 'app' } });

    expect(res.status).toBe(200);
    expect(res.body).toContainEqual({ rule: 'follow_up', channel: 'app' });
    expect(res.body).toContainEqual({ rule: 'milestone_due', channel: 'email' });
    expect((await (await t.as('cdo')).get('/api/reminders/settings')).body).toContainEqual({
      rule: 'follow_up',
      channel: 'email',
    });
  });

  it('refuses a rule not meant for the role, and a channel that does not exist (400)', async () => {
    const guide = await t.as('guide');

    const wrongRule = await guide
      .put('/api/reminders/settings')
      .send({ settings: { spend_deadline: 'off' } });
    const wrongChannel = await guide.put('/api/reminders/settings').send({ settings: { follow_up: 'sms' } });
    const notAnObject = await guide.put('/api/reminders/settings').send({ settings: ['off'] });

    expect([wrongRule.status, wrongChannel.status, notAnObject.status]).toEqual([400, 400, 400]);
    expect(wrongRule.body.message).toContain('spend_deadline');
    expect((await guide.get('/api/reminders/settings')).body).toContainEqual({
      rule: 'follow_up',
      channel: 'app',
    });
  });

  it('audits a change of the settings as an edit of the user, and nothing when nothing changes', async () => {
    const guide = await t.as('guide');
    const guideId = await userId(t.db, 'lotsin1@myk10.example');
    const entries = () =>
      t
        .db('audit_entries')
        .where({ resource: 'users', record_id: guideId })
        .orderBy('id')
        .select('user_id', 'action', 'changes');
    const before = (await entries()).length;

    await guide
      .put('/api/reminders/settings')
      .send({ settings: { milestone_due: 'off', follow_up: 'app' } })
      .expect(200);
    await guide
      .put('/api/reminders/settings')
      .send({ settings: { milestone_due: 'off' } })
      .expect(200);

    const added = (await entries()).slice(before);
    expect(added).toHaveLength(1);
    const changes = typeof added[0].changes === 'string' ? JSON.parse(added[0].changes) : added[0].changes;
    expect({ ...added[0], changes }).toEqual({
      user_id: guideId,
      action: 'update',
      changes: { 'reminder_settings.milestone_due': ['email', 'off'] },
    });
  });

  it('does not audit marking notifications read (no edit of a record, only the reader’s own state)', async () => {
    const funding = await t.as('funding');
    const count = async () => Number((await t.db('audit_entries').count<{ n: number }[]>('* as n'))[0]!.n);
    await t.db('notifications').where('user_id', fundingId).update({ read_at: null });
    const before = await count();

    const res = await funding.post('/api/notifications/read_all').send({}).expect(200);

    expect(res.body.updated).toBeGreaterThan(0);
    expect(await count()).toBe(before);
  });

  it('the CDO can switch the weekly digest off', async () => {
    const cdo = await t.as('cdo');
    const res = await cdo.put('/api/reminders/settings').send({ settings: { weekly_digest: 'off' } });

    expect(res.body).toContainEqual({ rule: 'weekly_digest', channel: 'off' });
  });
});
