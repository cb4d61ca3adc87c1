import type { Knex } from 'knex';
import { cleanText, normalise } from './cells';

/**
 * References as people write them, resolved in bulk: one query per referenced resource and import, never one per
 * row. `find` takes the cell's text (and the row's other resolved values, for a tranche within its grant);
 * `label` gives the text a report shows for an id.
 */
export interface Lookup {
  find(text: string, row: Record<string, unknown>): number | undefined;
  label(id: number): string;
  /** How the cell is written, for the template's notes. */
  hint: string;
}

/** How a reference cell is written, for error messages and the template's notes. */
export const REF_HINTS = {
  municipalities: 'Name der Kommune (z. B. Andernach) oder Regionalschlüssel',
  fields_of_action: 'Name des Handlungsfelds (z. B. Mobilität)',
  users: 'E-Mail-Adresse (oder Name) des Benutzerkontos',
  measures: 'Kennung der Maßnahme (z. B. M-07)',
  grants: 'Aktenzeichen des Zuwendungsbescheids',
  partners: 'Name des Kooperationspartners',
  tranches: 'Nummer des Mittelabrufs beim Zuwendungsbescheid der Zeile (z. B. 3 oder 2026/3)',
} satisfies Record<string, string>;

type Loader = (db: Knex | Knex.Transaction) => Promise<Lookup>;

/** A lookup from rows: every key of a row finds it (normalised), its first key labels it. */
function byKeys<T extends { id: number }>(
  rows: T[],
  keys: (r: T) => (string | null | undefined)[],
  hint: string,
) {
  const index = new Map<string, number>();
  const labels = new Map<number, string>();
  for (const r of rows) {
    const ks = keys(r).filter((k): k is string => !!k);
    labels.set(r.id, ks[0] ?? `#${r.id}`);
    for (const k of ks) if (!index.has(normalise(k))) index.set(normalise(k), r.id);
  }
  return { index, labels, hint };
}

const simple =
  <T extends object>(
    query: (db: Knex | Knex.Transaction) => Promise<unknown[]>,
    keys: (r: T) => (string | null | undefined)[],
    hint: string,
    /** A second try with the cell's first word, e.g. "M-07 LoRaWAN-Netz" (a list export) → "M-07". */
    firstWord = false,
  ): Loader =>
  async (db) => {
    const { index, labels } = byKeys((await query(db)) as (T & { id: number })[], keys, hint);
    return {
      hint,
      label: (id) => labels.get(id) ?? `#${id}`,
      find: (text) =>
        index.get(normalise(text)) ??
        (firstWord ? index.get(normalise(cleanText(text).split(/\s+/)[0]!)) : undefined),
    };
  };

interface Tranche {
  id: number;
  grant_id: number;
  fiscal_year: number;
  number: number;
}

/** Tranches by their number within the row's grant; "2026/3" (how lists show a tranche) works too. */
const tranches: Loader = async (db) => {
  const rows = (await db('tranches').select('id', 'grant_id', 'fiscal_year', 'number')) as Tranche[];
  const index = new Map(rows.map((r) => [`${r.grant_id}|${r.number}`, r.id]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    hint: REF_HINTS.tranches,
    label: (id) => String(byId.get(id)?.number ?? `#${id}`),
    find: (text, row) => {
      const number = /^(?:\d{4}\s*\/\s*)?(\d+)$/.exec(cleanText(text))?.[1];
      return number && row.grant_id ? index.get(`${row.grant_id as number}|${Number(number)}`) : undefined;
    },
  };
};

/** How each referenced resource is named in a file. */
export const LOOKUPS: Record<string, Loader> = {
  municipalities: simple(
    (db) => db('municipalities').select('id', 'name', 'official_key', 'kind'),
    (r: { name: string; official_key: string | null; kind: string }) => [
      r.name,
      r.official_key,
      `${r.kind === 'city' ? 'Stadt' : 'VG'} ${r.name}`,
      r.kind === 'city' ? null : `Verbandsgemeinde ${r.name}`,
    ],
    REF_HINTS.municipalities,
  ),
  fields_of_action: simple(
    (db) => db('fields_of_action').select('id', 'name'),
    (r: { name: string }) => [r.name],
    REF_HINTS.fields_of_action,
  ),
  users: simple(
    (db) => db('users').select('id', 'email', 'name'),
    (r: { email: string; name: string }) => [r.email, r.name],
    REF_HINTS.users,
  ),
  measures: simple(
    (db) => db('measures').select('id', 'code'),
    (r: { code: string }) => [r.code],
    REF_HINTS.measures,
    true,
  ),
  grants: simple(
    (db) => db('grants').select('id', 'file_number', 'phase'),
    (r: { file_number: string; phase: string | null }) => [r.file_number, r.phase],
    REF_HINTS.grants,
  ),
  partners: simple(
    (db) => db('partners').select('id', 'name'),
    (r: { name: string }) => [r.name],
    REF_HINTS.partners,
  ),
  tranches,
};

export async function loadLookups(
  db: Knex | Knex.Transaction,
  resources: Iterable<string>,
): Promise<Map<string, Lookup>> {
  const names = [...new Set(resources)];
  const loaded = await Promise.all(names.map(async (n) => [n, await LOOKUPS[n]!(db)] as const));
  return new Map(loaded);
}
