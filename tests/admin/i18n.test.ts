import englishMessages from 'ra-language-english';
import { de } from '../../admin/src/i18n/de';
import { en } from '../../admin/src/i18n/en';
import {
  dateLocale,
  i18nProvider,
  initialLocale,
  LOCALE_STORAGE_KEY,
  messages,
  readStoredLocale,
} from '../../admin/src/i18n';
import { enumLabelKey } from '../../admin/src/common/enums';
import { declarations } from '../../api/features/declarations';
import type { Field, ResourceFields } from '../../api/rest/fields';

// react-admin's CommonJS build pulls ESM-only UI packages that jest on node 20 cannot require;
// the catalogues only need mergeTranslations, which react-admin re-exports from ra-core.
jest.mock('react-admin', () => {
  const { mergeTranslations } = jest.requireActual<{ mergeTranslations: unknown }>('ra-core');
  return { mergeTranslations };
});

type Tree = { [key: string]: Tree | string | undefined };

/** `{ a: { b: 'x' } }` → `{ 'a.b': 'x' }` */
function flatten(tree: Tree, prefix = '', out: Record<string, string> = {}): Record<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out[full] = value;
    else if (value && typeof value === 'object') flatten(value, full, out);
  }
  return out;
}

const flatEn = flatten(en);
const flatDe = flatten(de);
const flatRa = flatten(englishMessages);

/**
 * Placeholders react-admin passes interchangeably for a key. German keeps nouns capitalised,
 * so `ra.sort.sort_by` uses %{field} where English lowercases via %{field_lower_first};
 * react-admin passes both (DataTableHeadCell, DatagridHeaderCell, SortButton).
 */
const PLACEHOLDER_ALIASES: Record<string, Record<string, string>> = {
  'ra.sort.sort_by': { field_lower_first: 'field' },
};

function placeholders(key: string, value: string): string[] {
  const aliases = PLACEHOLDER_ALIASES[key] ?? {};
  const names = [...value.matchAll(/%\{(\w+)\}/g)].map((m) => aliases[m[1]!] ?? m[1]!);
  return [...new Set(names)].sort();
}

/** Values that are deliberately blank or identical in German (e.g. ra's empty boolean). */
const BLANK_ALLOWED = new Set(['ra.boolean.null']);

const DECLARED: ResourceFields[] = Object.values(declarations);
const RESOURCES = DECLARED.map((d) => d.name);

/** Every declared field of a resource: stored, derived and input-only. */
const fieldsOf = (d: ResourceFields): [string, Field][] =>
  Object.entries({ ...d.fields, ...d.derived, ...d.inputOnly });

/** Columns every resource has besides its declared fields, and the search box. */
const COMMON_FIELDS = ['id', 'created_at', 'updated_at', 'version', 'q'];

/** Enum fields with their catalogue name and values; an int field with an enumName labels its whole range. */
const ENUM_FIELDS = DECLARED.flatMap((d) =>
  fieldsOf(d)
    .filter(([, f]) => f.kind === 'enum' || f.enumName)
    .map(([name, f]) => ({
      field: `${d.name}.${name}`,
      enumName: f.enumName ?? name,
      values: f.enumValues ?? Array.from({ length: f.max! - f.min! + 1 }, (_, i) => f.min! + i),
    })),
);

describe('i18n catalogues', () => {
  it('German covers every key of ra-language-english', () => {
    const missing = Object.keys(flatRa).filter((key) => !(key in flatDe));
    expect(missing).toEqual([]);
  });

  it('German and English have exactly the same key set', () => {
    const onlyDe = Object.keys(flatDe).filter((key) => !(key in flatEn));
    const onlyEn = Object.keys(flatEn).filter((key) => !(key in flatDe));
    expect({ onlyDe, onlyEn }).toEqual({ onlyDe: [], onlyEn: [] });
  });

  it('English keeps the ra-language-english texts unchanged', () => {
    const changed = Object.keys(flatRa).filter((key) => flatEn[key] !== flatRa[key]);
    expect(changed).toEqual([]);
  });

  it('every key uses the same %{placeholders} in German and English', () => {
    const mismatches = Object.keys(flatEn)
      .filter((key) => key in flatDe)
      .map((key) => ({ key, en: placeholders(key, flatEn[key]!), de: placeholders(key, flatDe[key]!) }))
      .filter((m) => m.en.join() !== m.de.join());
    expect(mismatches).toEqual([]);
  });

  it('plural texts have the same number of ||||-separated forms in German and English', () => {
    const forms = (s: string) => s.split('||||').length;
    const mismatches = Object.keys(flatEn).filter(
      (key) => key in flatDe && forms(flatEn[key]!) !== forms(flatDe[key]!),
    );
    expect(mismatches).toEqual([]);
  });

  it('no German text is empty or just its own key', () => {
    const bad = Object.entries(flatDe)
      .filter(([key]) => !BLANK_ALLOWED.has(key))
      .filter(([key, value]) => value.trim() === '' || value === key)
      .map(([key]) => key);
    expect(bad).toEqual([]);
  });

  it('German ra.* texts are actually translated, not copied from English', () => {
    const copied = Object.keys(flatRa).filter(
      (key) => flatDe[key] === flatRa[key] && !/^[%{}\w\s]*$/.test(flatRa[key]!) && !BLANK_ALLOWED.has(key),
    );
    // A few words are the same in both languages.
    expect(
      copied.filter((key) => !['ra.message.details', 'ra.configurable.inspector.title'].includes(key)),
    ).toEqual([]);
  });

  it('reads the resources and their enum fields from the declarations', () => {
    expect(RESOURCES).toEqual(expect.arrayContaining(['measures', 'audit_entries', 'tranches']));
    expect(ENUM_FIELDS).toEqual(
      expect.arrayContaining([
        { field: 'tranches.status', enumName: 'tranche_status', values: expect.arrayContaining(['planned']) },
        { field: 'measures.target_picture', enumName: 'target_picture', values: [1, 2, 3] },
      ]),
    );
  });

  it('every resource has a singular |||| plural name', () => {
    const bad = RESOURCES.filter((r) =>
      [flatDe, flatEn].some((cat) => cat[`resources.${r}.name`]?.split('||||').length !== 2),
    );
    expect(bad).toEqual([]);
  });

  it('every declared field (stored, derived, input-only) and the common fields have a label', () => {
    const missing: string[] = [];
    for (const d of DECLARED) {
      for (const field of [...COMMON_FIELDS, ...fieldsOf(d).map(([name]) => name)]) {
        const key = `resources.${d.name}.fields.${field}`;
        if (!(key in flatDe)) missing.push(key);
      }
    }
    expect(missing).toEqual([]);
    expect(flatDe['resources.measures.fields.q']).toBe('Suche');
  });

  it('every value of every declared enum field has a label', () => {
    const missing = ENUM_FIELDS.flatMap(({ enumName, values }) =>
      values.map((v) => enumLabelKey(enumName, v)).filter((key) => !(key in flatDe)),
    );
    expect(missing).toEqual([]);
  });

  it('one catalogue name stands for the same values in every declaration', () => {
    const byName = new Map<string, string>();
    const clashes = ENUM_FIELDS.filter(({ enumName, values }) => {
      const seen = byName.get(enumName);
      byName.set(enumName, seen ?? values.join());
      return seen !== undefined && seen !== values.join();
    });
    expect(clashes).toEqual([]);
  });
});

describe('i18nProvider', () => {
  it('speaks German by default', () => {
    expect(i18nProvider.getLocale()).toBe('de');
    expect(i18nProvider.translate('resources.measures.name', { smart_count: 2 })).toBe('Maßnahmen');
    expect(i18nProvider.translate('resources.measures.name', { smart_count: 1 })).toBe('Maßnahme');
  });

  it('offers German and English', () => {
    expect(i18nProvider.getLocales?.()).toEqual([
      { locale: 'de', name: 'Deutsch' },
      { locale: 'en', name: 'English' },
    ]);
  });

  it('interpolates placeholders and German plurals', () => {
    expect(i18nProvider.translate('app.guide.days_since_contact', { smart_count: 1 })).toBe(
      '1 Tag seit letztem Kontakt',
    );
    expect(i18nProvider.translate('app.guide.days_since_contact', { smart_count: 12 })).toBe(
      '12 Tage seit letztem Kontakt',
    );
  });

  it('merges German over English so no raw key shows', () => {
    expect(Object.keys(flatten(messages.de)).sort()).toEqual(Object.keys(flatEn).sort());
  });

  it('reads the stored locale choice from RaStore.locale', () => {
    const storage = (value: string | null) => ({
      getItem: (key: string) => (key === LOCALE_STORAGE_KEY ? value : null),
    });
    expect(readStoredLocale(storage('"en"'))).toBe('en');
    expect(initialLocale(storage('"en"'))).toBe('en');
    expect(initialLocale(storage(null))).toBe('de');
    expect(initialLocale(storage('not json'))).toBe('de');
    expect(initialLocale(storage('"fr"'))).toBe('de');
    const throwing = {
      getItem: (): string | null => {
        throw new Error('SecurityError');
      },
    };
    expect(initialLocale(throwing)).toBe('de');
  });

  it('maps locales to date-fns locales', () => {
    expect(dateLocale('de').code).toBe('de');
    expect(dateLocale('en').code).toBe('en-GB');
  });
});
