import { describeUserAgent } from '../../../api/features/auth/userAgent';

describe('describeUserAgent', () => {
  it.each([
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0', 'Firefox, Windows'],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
      'Edge, Windows',
    ],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
      'Safari, macOS',
    ],
    [
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
      'Chrome, Android',
    ],
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
      'Chrome, Linux',
    ],
    ['curl/8.5.0', 'curl/8.5.0'],
  ])('names %s as %s', (ua, expected) => {
    expect(describeUserAgent(ua)).toBe(expected);
  });

  it('cuts an unknown long header short and answers null for none', () => {
    expect(describeUserAgent(`Robot ${'x'.repeat(100)}`)).toHaveLength(60);
    expect(describeUserAgent(undefined)).toBeNull();
    expect(describeUserAgent('  ')).toBeNull();
  });
});
