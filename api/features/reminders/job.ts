import type { Knex } from 'knex';
import type { Config } from '../../config';
import type { Logger } from '../../logger';
import { repeatEvery, runJob } from '../metrics/jobs';
import { berlinDate } from '../../officeDay';
import { dueRunDay, parseTime } from './clock';
import { deliverOutbox, mailerFor, mailOrigin, type DeliveryResult } from './mail';
import { RULES } from './rules';
import { runReminders, type RunResult } from './run';

const IMMEDIATE = RULES.filter((r) => r.immediate);

/**
 * One check of the reminders: the daily run when its day is due and not yet recorded (also the catch-up after a
 * downtime), the immediate rules (a measure turned red), then the mails that are due. Safe in every process at
 * once: the runs take the advisory lock and record their day, the delivery claims each mail once.
 */
export async function checkReminders(
  db: Knex,
  config: Config,
  now = new Date(),
): Promise<{ daily?: RunResult; immediate: RunResult; delivered?: DeliveryResult }> {
  const origin = mailOrigin(config);
  const today = berlinDate(now);
  const runDay = dueRunDay(now, parseTime(config.reminderTime));
  const daily = (await db('reminder_runs').where('run_on', runDay).first())
    ? undefined
    : await runReminders(db, { today, origin, runDay });
  const immediate = await runReminders(db, { today, origin, rules: IMMEDIATE });
  const mailer = await mailerFor(config);
  // A fresh clock: the mails just queued are due from their insert, which is later than `now`.
  const delivered = mailer ? await deliverOutbox(db, mailer) : undefined;
  return { daily, immediate, delivered };
}

const CHECK_EVERY_MS = 60_000;

/** Checks every minute; the first check 15 s after start makes up a run missed while the server was down. */
export function startReminderJob(db: Knex, config: Config, logger: Logger): () => void {
  let running = false;
  const check = async () => {
    if (running) return;
    running = true;
    try {
      await runJob('reminders', () => checkReminders(db, config));
    } catch (err) {
      logger.error({ err }, 'reminder run failed');
    } finally {
      running = false;
    }
  };
  return repeatEvery(() => void check(), 15_000, CHECK_EVERY_MS);
}
