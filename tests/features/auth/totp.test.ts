import {
  base32Decode,
  base32Encode,
  hotp,
  matchingStep,
  newTotpSecret,
  otpauthUrl,
  stepAt,
  totpAt,
} from '../../../api/features/auth/totp';

// RFC 6238, Appendix B: the SHA-1 seed is the ASCII string "12345678901234567890"; 8-digit codes.
const RFC6238_SHA1: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];
// RFC 4226, Appendix D: HOTP of the same seed for the counters 0..9.
const RFC4226 = [
  '755224',
  '287082',
  '359152',
  '969429',
  '338314',
  '254676',
  '287922',
  '162583',
  '399871',
  '520489',
];
const SEED = Buffer.from('12345678901234567890', 'ascii');
const SEED32 = base32Encode(SEED);

describe('HOTP (RFC 4226)', () => {
  it.each(RFC4226.map((code, counter) => [counter, code] as const))(
    'computes the test vector for counter %i',
    (counter, code) => {
      expect(hotp(SEED, BigInt(counter))).toBe(code);
    },
  );
});

describe('TOTP (RFC 6238)', () => {
  it.each(RFC6238_SHA1)('computes the SHA-1 test vector at T=%i', (seconds, code) => {
    expect(hotp(SEED, BigInt(stepAt(seconds * 1000)), 8)).toBe(code);
  });

  it('gives the six-digit tail of the test vector for a Base32 secret', () => {
    expect(totpAt(SEED32, 59_000)).toBe('287082');
  });

  it('accepts the code of the previous and the next step, not two steps away', () => {
    const now = 1_111_111_111_000;
    const step = stepAt(now);
    expect(matchingStep(SEED32, totpAt(SEED32, now - 30_000), now)).toBe(step - 1);
    expect(matchingStep(SEED32, totpAt(SEED32, now + 30_000), now)).toBe(step + 1);
    expect(matchingStep(SEED32, totpAt(SEED32, now - 60_000), now)).toBeNull();
  });

  it('refuses a code of a step already used', () => {
    const now = 1_234_567_890_000;
    const code = totpAt(SEED32, now);
    expect(matchingStep(SEED32, code, now, stepAt(now))).toBeNull();
    expect(matchingStep(SEED32, code, now, stepAt(now) - 1)).toBe(stepAt(now));
  });

  it('refuses anything but six digits', () => {
    expect(matchingStep(SEED32, '12345', 0)).toBeNull();
    expect(matchingStep(SEED32, '1234567', 0)).toBeNull();
    expect(matchingStep(SEED32, 'abcdef', 0)).toBeNull();
  });
});

describe('secrets', () => {
  it('are 160 random bits in Base32 that decode back', () => {
    const a = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(a)).toHaveLength(20);
    expect(base32Encode(base32Decode(a))).toBe(a);
    expect(newTotpSecret()).not.toBe(a);
  });

  it('travel in an otpauth URL with issuer and account', () => {
    const url = new URL(otpauthUrl('ABC', 'cdo@myk10.example'));
    expect(url.protocol).toBe('otpauth:');
    expect(url.host).toBe('totp');
    expect(decodeURIComponent(url.pathname)).toBe('/MYK10 Cockpit:cdo@myk10.example');
    expect(url.searchParams.get('secret')).toBe('ABC');
    expect(url.searchParams.get('issuer')).toBe('MYK10 Cockpit');
  });
});
