import argon2 from 'argon2';

const COMMON_PASSWORDS = new Set([
  '123456789012',
  'passwort1234',
  'password1234',
  'passwort12345',
  'qwertzuiop123',
  'qwertyuiop123',
  'hallo1234567',
  'sommer2026!!',
  'winter2026!!',
  'myk10myk10myk10',
  'mayen-koblenz',
  'landkreis2026',
  'administrator',
  'willkommen123',
  'changeme1234',
]);

export const MIN_PASSWORD_LENGTH = 12;

export interface HashCost {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/** argon2id at the library's defaults: 64 MiB, three passes, four lanes (0.2 s of CPU per hash here). */
export const PASSWORD_HASH_COST: HashCost = { memoryCost: 65_536, timeCost: 3, parallelism: 4 };
let hashCost = PASSWORD_HASH_COST;

/**
 * For the test suite only (tests/support/app.ts): the passwords its tests set are hashed cheaply, as its demo
 * accounts are. No setting of the product reaches this; tests/features/auth/passwords.test.ts checks the cost above.
 */
export function setPasswordHashCostForTests(cost: HashCost): void {
  hashCost = cost;
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id, ...hashCost });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

// Rows of a German (QWERTZ) and an English (QWERTY) keyboard: walking along one is no secret.
const KEYBOARD_ROWS = ['1234567890ß', 'qwertzuiopü', 'asdfghjklöä', 'yxcvbnm', 'qwertyuiop', 'zxcvbnm'];

/** Whether b follows a in a run: next or previous letter/digit, or the neighbouring key in a keyboard row. */
function step(a: string, b: string): number[] {
  const steps: number[] = [];
  const d = b.codePointAt(0)! - a.codePointAt(0)!;
  if (/[a-z0-9]/.test(a) && /[a-z0-9]/.test(b) && Math.abs(d) <= 1) steps.push(d);
  for (const [i, row] of KEYBOARD_ROWS.entries()) {
    const pa = row.indexOf(a);
    const pb = row.indexOf(b);
    if (pa >= 0 && pb >= 0 && Math.abs(pb - pa) === 1) steps.push(100 * (i + 1) + (pb - pa));
  }
  return steps;
}

/**
 * Whether the password is made of nothing but runs of at least three characters that repeat one character or
 * walk the alphabet, the digits or a keyboard row (aaaaaaaaaaaa, abcdefghijkl, qwerty123456, 987654321abc).
 */
function onlyRuns(lower: string): boolean {
  const chars = [...lower];
  let i = 0;
  while (i < chars.length) {
    let best = 1;
    if (i + 1 < chars.length)
      for (const s of step(chars[i]!, chars[i + 1]!)) {
        let j = i + 1;
        while (j + 1 < chars.length && step(chars[j]!, chars[j + 1]!).includes(s)) j++;
        best = Math.max(best, j - i + 1);
      }
    if (best < 3) return false;
    i += best;
  }
  return true;
}

/** Parts of the user's e-mail and name that must not appear in her password. */
function personalParts(email: string, name: string): string[] {
  const mail = email.toLowerCase().trim();
  const local = mail.split('@')[0] ?? '';
  const person = name.toLowerCase().trim();
  const whole = [mail, local, person, person.replace(/[\s.\-_]+/g, '')].filter((p) => p.length >= 4);
  // Single words of the name or the e-mail's local part only from five letters on ("Test" is too common).
  const words = `${local} ${person}`.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 5);
  return [...whole, ...words];
}

/** German message for a password that breaks the policy, or null when it is acceptable. */
export function passwordProblem(password: string, email: string, name = ''): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `Das Passwort muss mindestens ${MIN_PASSWORD_LENGTH} Zeichen lang sein.`;
  if (password.length > 200) return 'Das Passwort darf höchstens 200 Zeichen lang sein.';
  // eslint-disable-next-line no-control-regex -- exactly the control characters are refused
  if (/[\u0000-\u001f\u007f]/.test(password)) return 'Das Passwort enthält ein unzulässiges Steuerzeichen.';
  const lower = password.toLowerCase();
  if (personalParts(email, name).some((part) => lower.includes(part)))
    return 'Das Passwort darf weder die E-Mail-Adresse noch den Namen der Person enthalten.';
  if (COMMON_PASSWORDS.has(lower)) return 'Dieses Passwort ist zu verbreitet. Bitte ein anderes wählen.';
  if (/^(.+?)\1+$/su.test(lower) || onlyRuns(lower))
    return 'Das Passwort ist zu einfach (Wiederholungen oder Zeichenfolgen wie „abcdef“ oder „123456“). Bitte ein anderes wählen.';
  return null;
}
