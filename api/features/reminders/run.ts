import type { Knex } from 'knex';
import type { ReminderChannel } from '../../domain';
import { composeMail } from './mail';
import { RULES, type ReminderRule, type RuleRow } from './rules';

/** Every process takes this PostgreSQL advisory lock (transaction-scoped) before it runs the rules. */
export const REMINDER_LOCK_KEY = 16_160_016;

/** Where a user has chosen nothing: in the app and by e-mail. */
export const DEFAULT_CHANNEL: ReminderChannel = 'email';

export interface RunOptions {
  /** The day the rules judge (Europe/Berlin date of the run). */
  today: string;
  /** Origin of the links in mails. */
  origin: string;
  /** Only these rules (default: all). */
  rules?: readonly ReminderRule[];
  /** The daily run: recorded for `runDay`, and skipped when that day is already recorded. */
  runDay?: string;
}

export interface RunResult {
  today: string;
  /** The daily run found its day already done (another process, or before a restart). */
  skipped: boolean;
  notifications: number;
  mails: number;
  by_rule: Record<string, number>;
}

interface Candidate extends RuleRow {
  channel: ReminderChannel;
  email: string;
  name: string;
}

/** The rule's rows for active users whose setting is not "off" and who were not told yet. */
export async function candidates(
  trx: Knex | Knex.Transaction,
  rule: ReminderRule,
  today: string,
): Promise<Candidate[]> {
  const { rows } = (await trx.raw(
    `with c as (${rule.sql})
     select c.*, (c.due_on - :today::date)::int as days, coalesce(s.channel, :fallback) as channel, u.email, u.name
     from c
     join users u on u.id = c.user_id and u.active
     left join reminder_settings s on s.user_id = c.user_id and s.rule = :rule
     where coalesce(s.channel, :fallback) <> 'off'
       and not exists (select 1 from notifications n
         where n.user_id = c.user_id and n.rule = :rule and n.record_id = c.record_id and n.due_on = c.due_on)
     order by c.due_on, c.record_id, c.user_id`,
    { today, rule: rule.key, fallback: DEFAULT_CHANNEL },
  )) as { rows: Candidate[] };
  return rows;
}

/**
 * Runs the rules once: every new reminder becomes a notification and, where the user wants mail, an outbox row,
 * in one transaction. Exactly once across processes: the advisory lock serialises runs, and the unique key
 * (user, rule, record, due date) with INSERT ... ON CONFLICT DO NOTHING makes a repeat a no-op even without it.
 * Mails are sent afterwards (./mail.ts deliverOutbox), never inside this transaction.
 */
export async function runReminders(db: Knex, options: RunOptions): Promise<RunResult> {
  const { today, origin, rules = RULES, runDay } = options;
  return db.transaction(async (trx) => {
    await trx.raw('select pg_advisory_xact_lock(?)', [REMINDER_LOCK_KEY]);
    const result: RunResult = { today, skipped: false, notifications: 0, mails: 0, by_rule: {} };
    if (runDay && (await trx('reminder_runs').where('run_on', runDay).first())) {
      result.skipped = true;
      return result;
    }
    for (const rule of rules) {
      const rows = await candidates(trx, rule, today);
      if (!rows.length) continue;
      const context = rule.context ? await rule.context(trx, today) : undefined;
      const texts = rows.map((r) => rule.text(r, context));
      const inserted = (await trx('notifications')
        .insert(
          rows.map((r, i) => ({
            user_id: r.user_id,
            rule: rule.key,
            resource: rule.resource,
            record_id: r.record_id,
            due_on: r.due_on,
            title: texts[i]!.title,
            body: texts[i]!.body,
            link: texts[i]!.link,
          })),
        )
        .onConflict(['user_id', 'rule', 'record_id', 'due_on'])
        .ignore()
        .returning(['id', 'user_id', 'record_id', 'due_on'])) as {
        id: number;
        user_id: number;
        record_id: number;
        due_on: string;
      }[];
      const index = new Map(rows.map((r, i) => [`${r.user_id}/${r.record_id}/${r.due_on}`, i]));
      const mails = inserted.flatMap((n) => {
        const i = index.get(`${n.user_id}/${n.record_id}/${n.due_on}`)!;
        const row = rows[i]!;
        if (row.channel !== 'email') return [];
        return [
          {
            notification_id: n.id,
            user_id: n.user_id,
            recipient: row.email,
            ...composeMail(texts[i]!, row.name, origin),
          },
        ];
      });
      if (mails.length) await trx('mail_outbox').insert(mails);
      result.by_rule[rule.key] = inserted.length;
      result.notifications += inserted.length;
      result.mails += mails.length;
    }
    if (runDay)
      await trx('reminder_runs').insert({
        run_on: runDay,
        finished_at: trx.fn.now(),
        created: result.notifications,
      });
    return result;
  });
}
