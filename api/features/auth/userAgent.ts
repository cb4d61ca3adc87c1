/** Browsers in the order they must be tested: Edge and Opera also name Chrome, Chrome also names Safari. */
const BROWSERS: [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\b(OPR|Opera)\//, 'Opera'],
  [/\b(Firefox|FxiOS)\//, 'Firefox'],
  [/\bChromium\//, 'Chromium'],
  [/\b(Headless)?Chrome\/|\bCriOS\//, 'Chrome'],
  [/\bSafari\//, 'Safari'],
];
/** Android and ChromeOS also name Linux, iOS names "like Mac OS X". */
const SYSTEMS: [RegExp, string][] = [
  [/\bWindows\b/, 'Windows'],
  [/\bAndroid\b/, 'Android'],
  [/\b(iPhone|iPad|iPod)\b/, 'iOS'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

const first = (list: [RegExp, string][], ua: string): string | undefined =>
  list.find(([pattern]) => pattern.test(ua))?.[1];

/** Longest a User-Agent no browser or system is found in is shown. */
const RAW_LENGTH = 60;

/**
 * A User-Agent header as a person recognises her device: "Firefox, Windows"; a header naming neither a known
 * browser nor a known system is shown cut short, a missing one as null.
 */
export function describeUserAgent(ua: string | null | undefined): string | null {
  const header = ua?.trim();
  if (!header) return null;
  const parts = [first(BROWSERS, header), first(SYSTEMS, header)].filter((p): p is string => !!p);
  if (parts.length) return parts.join(', ');
  return header.length > RAW_LENGTH ? `${header.slice(0, RAW_LENGTH - 1)}…` : header;
}
