import crypto from 'node:crypto';
import argon2 from 'argon2';
import type { Knex } from 'knex';
import { AppError, conflict } from '../../errors';
import { writeAudit } from '../../rest/audit';
import type { SessionUser } from '../../rest/resource';
import { verifyPassword } from './passwords';
import { endSessionsOf } from './session';
import { matchingStep, newTotpSecret, otpauthUrl } from './totp';

/** The second factor's state in the database: TOTP secret, replay guard and the hashed recovery codes. */

export const RECOVERY_CODE_COUNT = 10;
/** Minutes between a right password and its second factor; after them the half sign-in is void. */
export const MFA_PENDING_MINUTES = 5;

// Without 0/O and 1/I/L, so a code read off paper is typed right.
const RECOVERY_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** "ABCDE-FGHJK": 10 characters from a 31-letter alphabet (about 50 bits), shown once. */
function newRecoveryCode(): string {
  const chars = Array.from(crypto.randomBytes(10), (b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}
// 256 % 31 leaves a bias of under 1 % per character; the hashing and the throttle make that irrelevant.

/**
 * argon2id like the passwords, with OWASP's minimum parameters (19 MiB, two passes) instead of the library's
 * default: a recovery code carries about 50 random bits, not a chosen word, and ten of them are hashed at once.
 */
const hashRecoveryCode = (code: string): Promise<string> =>
  argon2.hash(code, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });

const normaliseRecovery = (code: string): string => code.toUpperCase().replace(/[\s-]/g, '');

export const invalidCode = (): AppError =>
  new AppError(
    401,
    'invalid_code',
    'Der Code ist falsch oder schon verwendet. Bitte den aktuellen Code eingeben.',
  );

export interface TotpUser {
  id: number;
  email: string;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_enabled_at: string | null;
  totp_last_step: number | string | null;
}

export const loadTotpUser = async (db: Knex, id: number): Promise<TotpUser> =>
  (await db('users')
    .where('id', id)
    .first(
      'id',
      'email',
      'totp_secret',
      'totp_pending_secret',
      'totp_enabled_at',
      'totp_last_step',
    )) as TotpUser;

/**
 * Accepts a TOTP code once: the step is written only if it is later than the last used one, in one statement, so
 * the same code sent twice (also in parallel) is accepted at most once.
 */
async function useTotpStep(db: Knex | Knex.Transaction, userId: number, step: number): Promise<boolean> {
  const rows = (await db('users')
    .where('id', userId)
    .andWhere((w) => w.whereNull('totp_last_step').orWhere('totp_last_step', '<', step))
    .update({ totp_last_step: step })
    .returning('id')) as unknown[];
  return rows.length === 1;
}

/** A six-digit code of the confirmed secret, or one of the unused recovery codes (used up by this). */
export async function checkSecondFactor(db: Knex, user: TotpUser, code: string): Promise<boolean> {
  const trimmed = code.trim();
  if (/^\d{6}$/.test(trimmed)) {
    if (!user.totp_secret) return false;
    const last = user.totp_last_step === null ? null : Number(user.totp_last_step);
    const step = matchingStep(user.totp_secret, trimmed, Date.now(), last);
    return step !== null && (await useTotpStep(db, user.id, step));
  }
  const wanted = normaliseRecovery(trimmed);
  if (!/^[A-Z0-9]{10}$/.test(wanted)) return false;
  const codes = (await db('user_recovery_codes').where({ user_id: user.id }).whereNull('used_at')) as {
    id: number;
    code_hash: string;
  }[];
  for (const row of codes) {
    if (!(await verifyPassword(row.code_hash, wanted))) continue;
    // Only the request that marks it used may pass: a recovery code sent twice in parallel counts once.
    const used = (await db('user_recovery_codes')
      .where('id', row.id)
      .whereNull('used_at')
      .update({ used_at: db.fn.now() })
      .returning('id')) as unknown[];
    return used.length === 1;
  }
  return false;
}

/** Replaces the user's recovery codes with ten new ones; answers them in clear text, once. */
export async function newRecoveryCodes(trx: Knex.Transaction, userId: number): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const hashes = await Promise.all(codes.map((c) => hashRecoveryCode(normaliseRecovery(c))));
  await trx('user_recovery_codes').where('user_id', userId).delete();
  await trx('user_recovery_codes').insert(hashes.map((code_hash) => ({ user_id: userId, code_hash })));
  return codes;
}

/** Step 1 of the set-up: a new pending secret, its otpauth URL and the QR code of it as SVG (made here). */
export async function beginTotpSetup(db: Knex, user: SessionUser) {
  const current = await loadTotpUser(db, user.id);
  if (current.totp_enabled_at)
    throw conflict('Der zweite Faktor ist bereits eingerichtet. Zum Wechseln des Geräts zuerst entfernen.');
  const secret = newTotpSecret();
  await db('users').where('id', user.id).update({ totp_pending_secret: secret });
  const otpauth_url = otpauthUrl(secret, user.email);
  const QRCode = (await import('qrcode')).default;
  const qr_svg = await QRCode.toString(otpauth_url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, otpauth_url, qr_svg };
}

/** Step 2: the first code of the pending secret switches it on; answers the recovery codes. */
export async function confirmTotpSetup(db: Knex, user: SessionUser, code: string): Promise<string[] | null> {
  const current = await loadTotpUser(db, user.id);
  if (current.totp_enabled_at) throw conflict('Der zweite Faktor ist bereits eingerichtet.');
  if (!current.totp_pending_secret) throw conflict('Bitte zuerst die Einrichtung beginnen (neuer QR-Code).');
  const step = matchingStep(current.totp_pending_secret, code.trim(), Date.now());
  if (step === null) return null;
  return db.transaction(async (trx) => {
    await trx('users').where('id', user.id).update({
      totp_secret: current.totp_pending_secret,
      totp_pending_secret: null,
      totp_enabled_at: trx.fn.now(),
      totp_last_step: step,
      updated_at: trx.fn.now(),
    });
    const codes = await newRecoveryCodes(trx, user.id);
    await writeAudit(trx, user, 'update', 'users', user.id, { totp: [false, true] });
    return codes;
  });
}

/**
 * Switches the second factor off: by the user herself (with her password, checked by the caller) or by the CDO
 * for another user, which also ends that user's sessions.
 */
export async function removeTotp(
  db: Knex,
  actor: SessionUser,
  userId: number,
  { endSessions }: { endSessions: boolean },
): Promise<void> {
  await db.transaction(async (trx) => {
    await trx('users').where('id', userId).update({
      totp_secret: null,
      totp_pending_secret: null,
      totp_enabled_at: null,
      totp_last_step: null,
      updated_at: trx.fn.now(),
    });
    await trx('user_recovery_codes').where('user_id', userId).delete();
    if (endSessions) await endSessionsOf(trx, userId);
    await writeAudit(trx, actor, 'update', 'users', userId, { totp: [true, false] });
  });
}
