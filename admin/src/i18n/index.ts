import polyglotI18nProvider from 'ra-i18n-polyglot';
import { mergeTranslations, type TranslationMessages } from 'react-admin';
import type { Locale } from 'date-fns';
import { de as dateFnsDe, enGB } from 'date-fns/locale';
import { de } from './de';
import { en } from './en';

export type AppLocale = 'de' | 'en';

export const DEFAULT_LOCALE: AppLocale = 'de';

export const LOCALES: { locale: AppLocale; name: string }[] = [
  { locale: 'de', name: 'Deutsch' },
  { locale: 'en', name: 'English' },
];

/**
 * Where react-admin's default `localStorageStore()` keeps the `locale` entry that
 * `<LocalesMenuButton>` / `useLocaleState` write (the value is JSON-encoded, e.g. `"en"`).
 */
export const LOCALE_STORAGE_KEY = 'RaStore.locale';

/** German is merged over English, so a key missing in German shows English, never the raw key. */
export const messages: Record<AppLocale, TranslationMessages> = {
  de: mergeTranslations(en, de),
  en,
};

export function isAppLocale(value: unknown): value is AppLocale {
  return value === 'de' || value === 'en';
}

/** The subset of the Web Storage API used here (kept local: the node tests have no DOM types). */
export interface LocaleStorage {
  getItem(key: string): string | null;
}

function browserStorage(): LocaleStorage | undefined {
  const g = globalThis as { window?: { localStorage?: LocaleStorage } };
  // Reading window.localStorage itself may throw (blocked cookies, sandboxed iframes).
  return g.window?.localStorage;
}

/**
 * The locale the user chose earlier, if any. Never throws: no window (node, SSR), no or
 * blocked localStorage, malformed JSON or an unknown locale all give `undefined`.
 */
export function readStoredLocale(storage?: LocaleStorage): AppLocale | undefined {
  try {
    const raw = (storage ?? browserStorage())?.getItem(LOCALE_STORAGE_KEY);
    if (raw == null) return undefined;
    const value: unknown = JSON.parse(raw);
    return isAppLocale(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function initialLocale(storage?: LocaleStorage): AppLocale {
  return readStoredLocale(storage) ?? DEFAULT_LOCALE;
}

export const i18nProvider = polyglotI18nProvider(
  (locale) => messages[isAppLocale(locale) ? locale : DEFAULT_LOCALE],
  initialLocale(),
  LOCALES,
);

/** date-fns locale for date pickers and formatting: German by default, British English otherwise. */
export function dateLocale(locale: string): Locale {
  return locale === 'en' ? enGB : dateFnsDe;
}
