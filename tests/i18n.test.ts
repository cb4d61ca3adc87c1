import fs from 'node:fs';
import path from 'node:path';
import englishMessages from 'ra-language-english';
import { de } from '../admin/src/i18n/de';
import { en } from '../admin/src/i18n/en';
import {
  dateLocale,
  i18nProvider,
  initialLocale,
  LOCALE_STORAGE_KEY,
  messages,
  readStoredLocale,
} from '../admin/src/i18n';
import { ENUMS, enumLabelKey, type EnumName } from '../admin/src/common/enums';

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

/** Tables that exist for the server only and are never a react-admin resource. */
const INTERNAL_TABLES = new Set(['sessions', 'login_failures', 'expenditure_sums', 'privacy_log']);

const RESOURCES = [
  'users',
  'guide_municipalities',
  'municipalities',
  'fields_of_action',
  'measures',
  'measure_municipalities',
  'milestones',
  'milestone_forecasts',
  'partners',
  'measure_partners',
  'grants',
  'grant_years',
  'tranches',
  'expenditures',
  'transfers',
  'contacts',
  'contact_measures',
  'status_reports',
  'audit_entries',
];

/** Columns the API derives (never stored) that still need a label. */
const DERIVED_FIELDS: Record<string, string[]> = {
  measures: ['next_milestone_due', 'overdue_milestones', 'spent_cents', 'municipality_ids'],
  tranches: ['spend_deadline', 'unspent_cents'],
  municipalities: ['last_contact_on', 'open_follow_ups', 'days_since_contact', 'guide_ids'],
  contacts: ['measure_ids'],
  users: ['municipality_ids', 'password'],
  milestones: ['overdue'],
};

/** Table → columns, read from the Knex migrations' `createTable` blocks. */
function columnsFromMigrations(): Map<string, string[]> {
  const dir = path.join(__dirname, '..', 'migrations');
  const tables = new Map<string, string[]>();
  const columnTypes =
    'increments|bigIncrements|string|text|integer|bigInteger|smallint|tinyint|float|double|decimal|boolean|date|datetime|time|timestamp|json|jsonb|uuid|binary|enu|enum';
  const columnRe = new RegExp(`\\bt\\.(?:${columnTypes})\\(\\s*['"](\\w+)['"]`, 'g');
  for (const file of fs.readdirSync(dir).filter((f) => /\.[jt]s$/.test(f))) {
    const source = fs.readFileSync(path.join(dir, file), 'utf8');
    const blocks = source.split(/createTable\(\s*/).slice(1);
    for (const block of blocks) {
      const name = /^['"](\w+)['"]/.exec(block)?.[1];
      if (!name) continue;
      const body = block.split(/\n\s*\}\);/)[0]!;
      const standard = /standardColumns\(\s*knex\s*,\s*t\s*(,\s*(\w+)\s*)?\)/.exec(body);
      const columns: string[] = [];
      if (standard) {
        columns.push('id', 'created_at', 'updated_at');
        if (standard[2] !== 'false') columns.push('version');
      }
      for (const m of body.matchAll(columnRe)) columns.push(m[1]!);
      tables.set(name, columns);
    }
  }
  return tables;
}

const migrationTables = columnsFromMigrations();

describe('i18n catalogues', () => {
  it('has the 164+ keys of ra-language-english v5 to compare against', () => {
    expect(Object.keys(flatRa).length).toBeGreaterThanOrEqual(164);
  });

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

  it('finds the resource tables in the migrations', () => {
    const resourceTables = [...migrationTables.keys()].filter((t) => !INTERNAL_TABLES.has(t)).sort();
    expect(resourceTables).toEqual([...RESOURCES].sort());
  });

  it('reads the columns of each table from the migrations', () => {
    expect(migrationTables.get('measures')).toEqual(
      expect.arrayContaining(['id', 'version', 'budget_cents']),
    );
    expect(migrationTables.get('audit_entries')).not.toContain('version');
  });

  it('every resource has a singular |||| plural name', () => {
    const bad = RESOURCES.filter((r) =>
      [flatDe, flatEn].some((cat) => cat[`resources.${r}.name`]?.split('||||').length !== 2),
    );
    expect(bad).toEqual([]);
  });

  it('every column of every migrated table has a field label', () => {
    const missing: string[] = [];
    for (const [table, columns] of migrationTables) {
      if (INTERNAL_TABLES.has(table)) continue;
      for (const column of columns) {
        const key = `resources.${table}.fields.${column}`;
        if (!(key in flatDe)) missing.push(key);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every derived field and the common fields (version, q) have a label in every resource', () => {
    const missing: string[] = [];
    for (const resource of RESOURCES) {
      const fields = ['id', 'created_at', 'updated_at', 'version', 'q', ...(DERIVED_FIELDS[resource] ?? [])];
      for (const field of fields) {
        const key = `resources.${resource}.fields.${field}`;
        if (!(key in flatDe)) missing.push(key);
      }
    }
    expect(missing).toEqual([]);
    expect(flatDe['resources.measures.fields.q']).toBe('Suche');
  });

  it('every enum value of api/domain.ts has a label', () => {
    const missing = Object.entries(ENUMS).flatMap(([name, values]) =>
      (values as readonly unknown[])
        .map((v) => enumLabelKey(name as EnumName, v))
        .filter((key) => !(key in flatDe)),
    );
    expect(missing).toEqual([]);
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
