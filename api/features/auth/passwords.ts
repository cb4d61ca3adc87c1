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

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** German message for a password that breaks the policy, or null when it is acceptable. */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `Das Passwort muss mindestens ${MIN_PASSWORD_LENGTH} Zeichen lang sein.`;
  if (password.length > 200) return 'Das Passwort darf höchstens 200 Zeichen lang sein.';
  const lower = password.toLowerCase();
  if (lower === email.toLowerCase() || lower === email.toLowerCase().split('@')[0])
    return 'Das Passwort darf nicht die E-Mail-Adresse sein.';
  if (COMMON_PASSWORDS.has(lower)) return 'Dieses Passwort ist zu verbreitet. Bitte ein anderes wählen.';
  return null;
}
