import crypto from 'node:crypto';

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP), as every authenticator app computes them:
 * HMAC-SHA1, 30-second steps, six digits. Written on node:crypto (a few lines, checked against the RFC's own test
 * vectors in tests/features/auth/totp.test.ts) rather than pulling in another package.
 */

export const STEP_SECONDS = 30;
export const DIGITS = 6;
/** Steps accepted before and after the current one, for clocks that drift by up to 30 seconds. */
export const WINDOW = 1;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=-]/g, '');
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const i = BASE32.indexOf(ch);
    if (i < 0) throw new Error('Kein Base32-Zeichen');
    value = ((value << 5) | i) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new secret of 160 bits from the CSPRNG (RFC 4226 recommends 160), Base32 for the authenticator. */
export const newTotpSecret = (): string => base32Encode(crypto.randomBytes(20));

/** RFC 4226 HOTP of one counter value. */
export function hotp(key: Buffer, counter: bigint, digits = DIGITS, algorithm = 'sha1'): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(counter);
  const mac = crypto.createHmac(algorithm, key).update(msg).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

export const stepAt = (unixMs: number): number => Math.floor(unixMs / 1000 / STEP_SECONDS);

/** The code of a Base32 secret at a time (milliseconds since 1970). */
export const totpAt = (secret: string, unixMs: number): string =>
  hotp(base32Decode(secret), BigInt(stepAt(unixMs)));

/**
 * The time step whose code matches, searching the window around now, or null. Compared in constant time; a code
 * of a step at or before `lastStep` (one already used) never matches, so a code cannot be replayed.
 */
export function matchingStep(
  secret: string,
  code: string,
  nowMs: number,
  lastStep: number | null = null,
): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const key = base32Decode(secret);
  const now = stepAt(nowMs);
  let found: number | null = null;
  for (let step = now - WINDOW; step <= now + WINDOW; step++) {
    const same = crypto.timingSafeEqual(Buffer.from(hotp(key, BigInt(step))), Buffer.from(code));
    if (same && (lastStep === null || step > lastStep) && found === null) found = step;
  }
  return found;
}

/** otpauth:// URI (Google Authenticator key-uri format) for the QR code. */
export function otpauthUrl(secret: string, account: string, issuer = 'MYK10 Cockpit'): string {
  const label = encodeURIComponent(`${issuer}:${account}`);
  const params = new URLSearchParams({
    secret,
    issuer,
    algorithm: 'SHA1',
    digits: String(DIGITS),
    period: String(STEP_SECONDS),
  });
  return `otpauth://totp/${label}?${params.toString()}`;
}
