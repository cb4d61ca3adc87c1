import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import type { Config } from '../../config';
import { REMINDER_CHANNELS, type ReminderChannel } from '../../domain';
import { badRequest, notFound } from '../../errors';
import { parseId } from '../../http/params';
import { writeAudit, type Changes } from '../../rest/audit';
import { requireRole } from '../../http/requireRole';
import { ACCESS } from '../access';
import { currentUser } from '../auth/session';
import type { ExtraModule } from '../feature';
import { errorResponses, okJson } from '../funding/openapi';
import { berlinDate } from '../../officeDay';
import { deliverOutbox, mailerFor, mailOrigin } from './mail';
import { RULES } from './rules';
import { DEFAULT_CHANNEL, runReminders } from './run';

const CDO_ONLY = 'Nur für die Rolle CDO.';

/** The rules a role can receive, with the user's channel for each. */
async function settingsOf(db: Knex | Knex.Transaction, user: { id: number; role: string }) {
  const stored = new Map(
    (
      (await db('reminder_settings').where('user_id', user.id).select('rule', 'channel')) as {
        rule: string;
        channel: ReminderChannel;
      }[]
    ).map((s) => [s.rule, s.channel]),
  );
  return RULES.filter((r) => (r.roles as readonly string[]).includes(user.role)).map((r) => ({
    rule: r.key,
    channel: stored.get(r.key) ?? DEFAULT_CHANNEL,
  }));
}

function remindersRouter(db: Knex, config: Config): Router {
  const r = Router();
  const mailer = () => mailerFor(config);

  // The run now, as the daily one would do it (idempotent); then the mails that are due.
  r.post('/reminders/run', requireRole(...ACCESS.outbox.read), async (_req: Request, res: Response) => {
    const result = await runReminders(db, { today: berlinDate(new Date()), origin: mailOrigin(config) });
    const m = await mailer();
    // Delivery reads the clock anew: the mails just queued are due from their insert, after the run began.
    const delivered = m ? await deliverOutbox(db, m) : null;
    res.json({ ...result, delivered, smtp: Boolean(m) });
  });

  r.get('/reminders/status', requireRole(...ACCESS.outbox.read), async (_req: Request, res: Response) => {
    const last = (await db('reminder_runs').orderBy('run_on', 'desc').first()) as
      { run_on: string; finished_at: string; created: number } | undefined;
    const counts = (await db('mail_outbox')
      .select('status')
      .count<{ status: string; count: number }[]>('* as count')
      .groupBy('status')) as { status: string; count: number }[];
    res.json({
      smtp: Boolean(config.smtpUrl && config.mailFrom),
      reminder_time: config.reminderTime,
      last_run: last ?? null,
      counts: Object.fromEntries(counts.map((c) => [c.status, Number(c.count)])),
    });
  });

  // Send a failed (or waiting) mail again at the next delivery.
  r.post(
    '/mail_outbox/:id/retry',
    requireRole(...ACCESS.outbox.read),
    async (req: Request, res: Response) => {
      const id = parseId(req.params.id);
      const [row] = (await db('mail_outbox')
        .where('id', id)
        .whereIn('status', ['failed', 'pending'])
        .update({ status: 'pending', next_attempt_at: db.fn.now(), updated_at: db.fn.now() })
        .returning(['id', 'status'])) as { id: number; status: string }[];
      if (!row) throw notFound('Diese E-Mail gibt es nicht oder sie ist schon gesendet.');
      const m = await mailer();
      const delivered = m ? await deliverOutbox(db, m) : null;
      res.json({ id, delivered });
    },
  );

  // Every role: her own settings and notifications only.
  r.get('/reminders/settings', async (req: Request, res: Response) => {
    res.json(await settingsOf(db, currentUser(req)));
  });

  r.put('/reminders/settings', async (req: Request, res: Response) => {
    const user = currentUser(req);
    const allowed = RULES.filter((x) => (x.roles as readonly string[]).includes(user.role)).map((x) => x.key);
    const parsed = z
      .record(z.string(), z.enum(REMINDER_CHANNELS))
      .safeParse((req.body as { settings?: unknown } | undefined)?.settings);
    if (!parsed.success)
      throw badRequest('settings muss je Regel app, email oder off angeben.', {
        settings: 'app, email oder off je Regel',
      });
    const unknown = Object.keys(parsed.data).filter((k) => !(allowed as string[]).includes(k));
    if (unknown.length)
      throw badRequest(`Unbekannte oder für Ihre Rolle nicht vorgesehene Regel: ${unknown.join(', ')}`, {
        settings: `Unbekannte Regel: ${unknown.join(', ')}`,
      });
    await db.transaction(async (trx) => {
      const before = new Map((await settingsOf(trx, user)).map((s) => [s.rule as string, s.channel]));
      // Audited like any edit, as a change of the user's own record; marking notifications read is not.
      const changes: Changes = Object.fromEntries(
        Object.entries(parsed.data)
          .filter(([rule, channel]) => before.get(rule) !== channel)
          .map(([rule, channel]) => [`reminder_settings.${rule}`, [before.get(rule), channel]]),
      );
      if (!Object.keys(changes).length) return;
      await trx('reminder_settings')
        .insert(
          Object.entries(parsed.data).map(([rule, channel]) => ({
            user_id: user.id,
            rule,
            channel,
            updated_at: trx.fn.now(),
          })),
        )
        .onConflict(['user_id', 'rule'])
        .merge(['channel', 'updated_at']);
      await writeAudit(trx, user, 'update', 'users', user.id, changes);
    });
    res.json(await settingsOf(db, user));
  });

  r.get('/notifications/unread_count', async (req: Request, res: Response) => {
    const [{ count }] = (await db('notifications')
      .where('user_id', currentUser(req).id)
      .whereNull('read_at')
      .count('* as count')) as [{ count: number }];
    res.json({ unread: Number(count) });
  });

  r.post('/notifications/read_all', async (req: Request, res: Response) => {
    const updated = await db('notifications')
      .where('user_id', currentUser(req).id)
      .whereNull('read_at')
      .update({ read_at: db.fn.now(), updated_at: db.fn.now() });
    res.json({ updated });
  });

  r.post('/notifications/:id/read', async (req: Request, res: Response) => {
    const id = parseId(req.params.id);
    // Another user's notification is "not found", never "forbidden": its existence stays hidden.
    const [row] = (await db('notifications')
      .where({ id, user_id: currentUser(req).id })
      .update({ read_at: db.raw('coalesce(read_at, now())'), updated_at: db.fn.now() })
      .returning(['id', 'read_at'])) as { id: number; read_at: string }[];
    if (!row) throw notFound();
    res.json(row);
  });

  return r;
}

const channelSchema = { type: 'string', enum: [...REMINDER_CHANNELS] };

export const remindersModule: ExtraModule = {
  router: remindersRouter,
  paths: {
    '/reminders/run': {
      post: {
        tags: ['reminders'],
        summary: `Erinnerungsregeln jetzt ausführen (wie der tägliche Lauf, idempotent) und fällige E-Mails senden. ${CDO_ONLY}`,
        responses: {
          200: okJson('today, notifications, mails, by_rule (neu angelegt je Regel), delivered, smtp'),
          ...errorResponses,
        },
      },
    },
    '/reminders/status': {
      get: {
        tags: ['reminders'],
        summary: `Mailversand eingerichtet?, Uhrzeit und letzter täglicher Lauf, E-Mails je Status. ${CDO_ONLY}`,
        responses: { 200: okJson('smtp, reminder_time, last_run, counts'), ...errorResponses },
      },
    },
    '/mail_outbox/{id}/retry': {
      post: {
        tags: ['reminders'],
        summary: `Eine fehlgeschlagene E-Mail erneut senden. ${CDO_ONLY}`,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
        responses: { 200: okJson('id, delivered'), ...errorResponses },
      },
    },
    '/reminders/settings': {
      get: {
        tags: ['reminders'],
        summary: 'Die eigenen Einstellungen: je Regel app (in der App), email (App und E-Mail) oder off.',
        responses: { 200: okJson('Liste von { rule, channel }'), ...errorResponses },
      },
      put: {
        tags: ['reminders'],
        summary: 'Die eigenen Einstellungen ändern; nur Regeln, die es für die eigene Rolle gibt.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: { settings: { type: 'object', additionalProperties: channelSchema } },
                required: ['settings'],
              },
            },
          },
        },
        responses: { 200: okJson('Liste von { rule, channel }'), ...errorResponses },
      },
    },
    '/notifications/unread_count': {
      get: {
        tags: ['reminders'],
        summary: 'Zahl der eigenen ungelesenen Benachrichtigungen (die Glocke).',
        responses: { 200: okJson('unread'), ...errorResponses },
      },
    },
    '/notifications/read_all': {
      post: {
        tags: ['reminders'],
        summary: 'Alle eigenen Benachrichtigungen als gelesen markieren.',
        responses: { 200: okJson('updated'), ...errorResponses },
      },
    },
    '/notifications/{id}/read': {
      post: {
        tags: ['reminders'],
        summary: 'Eine eigene Benachrichtigung als gelesen markieren (fremde: 404).',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
        responses: { 200: okJson('id, read_at'), ...errorResponses },
      },
    },
  },
};
