import type { Knex } from 'knex';
import type { Config } from '../config';
import { AppError } from '../errors';

/** Failed attempts per account that are checked without a pause; after them the backoff starts. */
export const FREE_ATTEMPTS = 5;
/** Failed attempts per client address within the window before it is refused until the window has passed. */
export const ADDRESS_LIMIT = 10;
export const WINDOW_MINUTES = 15;

// Namespaces (first key) of the transaction-level advisory locks: one per account, one per address.
const ACCOUNT_LOCK = 461_001;
const ADDRESS_LOCK = 461_002;

export type ThrottleConfig = Pick<Config, 'loginBackoffBaseMs' | 'loginBackoffMaxMs'>;

interface Counts {
  by_email: number;
  last_email: string | null;
  by_ip: number;
  first_ip: string | null;
  now: string;
}

/** Milliseconds the account must still wait, from its failures in the window (0: it may try now). */
export function accountWait(config: ThrottleConfig, failures: number, sinceLastMs: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  const pause = Math.min(
    config.loginBackoffMaxMs,
    config.loginBackoffBaseMs * 2 ** Math.min(failures - FREE_ATTEMPTS, 30),
  );
  return Math.max(0, pause - sinceLastMs);
}

function waitMessage(seconds: number): string {
  const wait =
    seconds < 120
      ? `${seconds} ${seconds === 1 ? 'Sekunde' : 'Sekunden'}`
      : `${Math.ceil(seconds / 60)} Minuten`;
  return `Zu viele fehlgeschlagene Anmeldeversuche. Bitte versuchen Sie es in ${wait} erneut.`;
}

/**
 * Reserves one password check for the account and the client address, or refuses with 429 and Retry-After.
 *
 * The attempt is written as a failure BEFORE the password is verified, under advisory locks on account and
 * address, so parallel requests (also from several API processes) cannot all pass the check: each sees the
 * reservations of the ones before it. A successful check removes the account's failures (`clearFailures`).
 * Per account: FREE_ATTEMPTS failures, then an exponentially growing pause between attempts (base, 2·base, …,
 * capped), so nobody can lock the owner out for long. Per address: ADDRESS_LIMIT failures per window.
 */
export async function reserveAttempt(
  db: Knex,
  config: ThrottleConfig,
  email: string,
  ip: string,
): Promise<void> {
  const retryAfterMs = await db.transaction(async (trx) => {
    // Always account first, then address: two requests never wait for each other crosswise.
    await trx.raw('select pg_advisory_xact_lock(?, hashtext(?)), pg_advisory_xact_lock(?, hashtext(?))', [
      ACCOUNT_LOCK,
      email,
      ADDRESS_LOCK,
      ip,
    ]);
    const { rows } = (await trx.raw(
      `select count(*) filter (where email = ?)::int as by_email, max(at) filter (where email = ?) as last_email,
         count(*) filter (where ip = ?)::int as by_ip, min(at) filter (where ip = ?) as first_ip,
         clock_timestamp() as now
       from login_failures
       where (email = ? or ip = ?) and at > clock_timestamp() - make_interval(mins => ?)`,
      [email, email, ip, ip, email, ip, WINDOW_MINUTES],
    )) as { rows: Counts[] };
    const c = rows[0]!;
    const now = Date.parse(c.now);
    const byAccount = c.last_email ? accountWait(config, c.by_email, now - Date.parse(c.last_email)) : 0;
    const byAddress =
      c.by_ip >= ADDRESS_LIMIT && c.first_ip
        ? Math.max(1, Date.parse(c.first_ip) + WINDOW_MINUTES * 60_000 - now)
        : 0;
    const wait = Math.max(byAccount, byAddress);
    if (wait > 0) return wait;
    // Rows out of the window count no more; they go here so the table does not grow without bound.
    await trx('login_failures')
      .where((w) => w.where('email', email).orWhere('ip', ip))
      .andWhere('at', '<=', trx.raw('clock_timestamp() - make_interval(mins => ?)', [WINDOW_MINUTES]))
      .delete();
    await trx('login_failures').insert({ email, ip, at: trx.raw('clock_timestamp()') });
    return 0;
  });
  if (retryAfterMs > 0) {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    throw new AppError(429, 'too_many_attempts', waitMessage(seconds), undefined, {
      'Retry-After': String(seconds),
    });
  }
}

/** After a correct password: the account's failures (its own reservation included) are gone. */
export async function clearFailures(db: Knex, email: string): Promise<void> {
  await db('login_failures').where('email', email).delete();
}
