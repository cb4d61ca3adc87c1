import type { Knex } from 'knex';
import type { Role } from '../api/domain';
import { resources } from '../api/features';
import { applyFilters } from '../api/rest/query';
import { isVisible, visibleFields, type ResourceDef } from '../api/rest/resource';

/**
 * The benchmark's cells, built from the resource declarations and the data at run time (issue #21): every list
 * route × {no filter, each declared filter, `q` with a frequent, a rare and an absent word, two words} × {cdo,
 * guide} × {default sort, one other sort}, plus every report route. Filter values and search words are drawn from
 * the data, so no cell can be tuned to a value fixed in the code.
 */

export type BenchRole = Extract<Role, 'cdo' | 'guide'>;

export interface Cell {
  /** resource or report route */
  group: string;
  /** what varies: "no filter", "channel", "q rare (Glasfaser)", … */
  variant: string;
  sort?: string;
  role: BenchRole;
  path: string;
  kind: 'list' | 'report';
  /** measured against the floor too (the simple lists and the searches of the issue) */
  floor?: boolean;
}

export const cellName = (c: Cell): string => [c.group, c.variant, c.sort, c.role].filter(Boolean).join(' · ');

/** The large tables at factor 10; `--quick` measures only their lists (and the reports). */
export const LARGE = [
  'contacts',
  'expenditures',
  'milestones',
  'milestone_forecasts',
  'measures',
  'tranches',
];

export interface Words {
  frequent: string;
  rare: string;
  absent: string;
  multi: string;
}

/**
 * Search words from the data's own term frequencies (ts_stat over the resource's text fields, unstemmed, so they
 * are words a person types, umlauts included): the most frequent, the rarest of at least six letters, two frequent
 * ones together, and one that occurs nowhere (not even as the start of a word).
 */
export async function searchWords(db: Knex, def: ResourceDef): Promise<Words | undefined> {
  const text = Object.entries(def.fields)
    .filter(([, f]) => f.kind === 'text' && isVisible(f, 'cdo'))
    .map(([name]) => `coalesce(${name}, '')`);
  if (!text.length) return undefined;
  const doc = `select to_tsvector('simple', ${text.join(" || ' ' || ")}) from ${def.name}`;
  const { rows } = (await db.raw(
    `select word, ndoc from ts_stat(?) where word ~ '^[[:alpha:]]{4,}$' order by ndoc desc, word`,
    [doc],
  )) as { rows: { word: string; ndoc: number }[] };
  if (rows.length < 2) return undefined;
  // A word rare as typed may still be frequent as a search (a German stem, a prefix of other words): of the
  // twenty rarest, the one the search itself finds least often (but at least once).
  let rare = rows[rows.length - 1]!.word;
  let fewest = Infinity;
  for (const { word } of rows.filter((r) => r.word.length >= 6).slice(-20)) {
    const [{ n }] = (await applyFilters(db, db(def.name), def, [
      { field: 'q', op: 'search', value: word, columns: def.search?.ilike },
    ]).count({ n: '*' })) as [{ n: number | string }];
    if (Number(n) > 0 && Number(n) < fewest) [rare, fewest] = [word, Number(n)];
  }
  let absent = 'zwiebelkuchenquark';
  for (let i = 2; rows.some((r) => r.word.startsWith(absent)); i++)
    absent = `zwiebelkuchenquark${'x'.repeat(i)}`;
  const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);
  return {
    frequent: cap(rows[0]!.word),
    rare: cap(rare),
    absent: cap(absent),
    multi: `${cap(rows[0]!.word)} ${cap(rows[1]!.word)}`,
  };
}

const RANGE_KINDS = new Set(['date', 'money', 'int', 'number', 'timestamp']);

/** One filter per declared filterable field, with a value taken from the middle of the table. */
async function filterValues(db: Knex, def: ResourceDef): Promise<Record<string, unknown>[]> {
  const [{ n }] = (await db(def.name).count({ n: '*' })) as [{ n: number | string }];
  const middle = Math.floor(Number(n) / 2);
  const out: Record<string, unknown>[] = [];
  for (const [name, f] of Object.entries(visibleFields(def, 'cdo'))) {
    if (!f.filter) continue;
    const link = def.derived?.[name]?.link;
    if (link) {
      const row = (await db(link.table).orderBy(link.other).first(link.other)) as
        Record<string, unknown> | undefined;
      if (row) out.push({ [name]: row[link.other] });
      continue;
    }
    if (def.derived?.[name]) {
      if (f.kind === 'bool') out.push({ [name]: true });
      continue;
    }
    const row = (await db(def.name).whereNotNull(name).orderBy('id').offset(middle).first(name)) as
      Record<string, unknown> | undefined;
    const value =
      row?.[name] ?? ((await db(def.name).whereNotNull(name).first(name)) as Record<string, unknown>)?.[name];
    if (value === undefined) continue;
    out.push(RANGE_KINDS.has(f.kind) ? { [`${name}_gte`]: value } : { [name]: value });
  }
  return out;
}

/** The default sort and one other: a text column where there is one (the costliest to sort), else the first. */
function sorts(def: ResourceDef): [string, 'ASC' | 'DESC'][] {
  const sortable = Object.entries(visibleFields(def, 'cdo')).filter(
    ([name, f]) => f.sort && name !== def.defaultSort[0] && !def.derived?.[name],
  );
  const other = sortable.find(([, f]) => f.kind === 'text') ?? sortable[0];
  return other ? [def.defaultSort, [other[0], 'ASC']] : [def.defaultSort];
}

const q = (o: unknown) => encodeURIComponent(JSON.stringify(o));

export interface MatrixOptions {
  quick: boolean;
  /** the guide's municipalities: her row scope on the contact log */
  guideMunicipalities: number[];
}

export async function listCells(db: Knex, opt: MatrixOptions): Promise<Cell[]> {
  const cells: Cell[] = [];
  for (const def of resources) {
    if (opt.quick && !LARGE.includes(def.name)) continue;
    const words = def.search ? await searchWords(db, def) : undefined;
    const variants: { variant: string; filter: Record<string, unknown>; floor?: boolean }[] = [
      { variant: 'no filter', filter: {}, floor: true },
      ...(await filterValues(db, def)).map((filter) => ({ variant: Object.keys(filter)[0]!, filter })),
      ...(words
        ? [
            { variant: `q frequent (${words.frequent})`, filter: { q: words.frequent }, floor: true },
            { variant: `q rare (${words.rare})`, filter: { q: words.rare }, floor: true },
            { variant: `q absent (${words.absent})`, filter: { q: words.absent } },
            { variant: `q two words (${words.multi})`, filter: { q: words.multi } },
          ]
        : []),
    ];
    for (const role of ['cdo', 'guide'] as const) {
      if (!def.access.read.includes(role)) continue;
      // The guide works in her municipalities: her contact log is always scoped to them.
      const scope =
        role === 'guide' && def.name === 'contacts' ? { municipality_id: opt.guideMunicipalities } : {};
      for (const [i, sort] of sorts(def).entries())
        for (const v of variants)
          cells.push({
            group: def.name,
            variant: v.variant,
            sort: `${sort[0]} ${sort[1]}`,
            role,
            path: `/api/${def.name}?filter=${q({ ...v.filter, ...scope })}&sort=${q(sort)}&range=${q([0, 24])}`,
            kind: 'list',
            floor: v.floor && i === 0 && role === 'cdo',
          });
    }
  }
  return cells;
}

/** Every report route (JSON, CSV, calendar, the exports), for the roles that use them. */
export async function reportCells(db: Knex): Promise<Cell[]> {
  const grant = (await db('grants').orderBy('id').first('id')) as { id: number } | undefined;
  const grantB = (await db('grants')
    .where('phase', 'like', 'B%')
    .orWhere('file_number', 'like', '%-B')
    .orderBy('id')
    .first('id')) as { id: number } | undefined;
  const report = (await db('status_reports').orderBy('id', 'desc').first('id')) as { id: number } | undefined;
  const measure = (await db('measures').orderBy('id').first('id')) as { id: number } | undefined;
  const g = grantB?.id ?? grant?.id ?? 0;
  const routes: [string, string, BenchRole[]][] = [
    ['dashboard', '/api/dashboard', ['cdo', 'guide']],
    ['deadlines', '/api/deadlines', ['cdo']],
    ['deadlines (one grant)', `/api/deadlines?grant_id=${g}`, ['cdo']],
    ['funding report', `/api/reports/funding?grant_id=${g}&fiscal_year=2025`, ['cdo']],
    ['funding report CSV', `/api/reports/funding.csv?grant_id=${g}`, ['cdo']],
    ['funding report XLSX', `/api/reports/funding.xlsx?grant_id=${g}`, ['cdo']],
    ['receipts', `/api/reports/receipts?grant_id=${g}`, ['cdo']],
    ['receipts XLSX', `/api/reports/receipts.xlsx?grant_id=${g}`, ['cdo']],
    ['tranche usage', `/api/tranches/usage?grant_id=${g}`, ['cdo']],
    ['milestone trend', '/api/milestones/trend', ['cdo']],
    ['milestone trend (one measure)', `/api/milestones/trend?measure_id=${measure?.id ?? 0}`, ['cdo']],
    ['status report comparison', `/api/status_reports/${report?.id ?? 0}/comparison`, ['cdo']],
    ['status report PDF', `/api/status_reports/${report?.id ?? 0}/pdf`, ['cdo']],
    ['calendar', '/api/calendar.ics', ['cdo', 'guide']],
  ];
  return routes.flatMap(([group, path, roles]) =>
    roles.map((role) => ({ group, variant: '', role, path, kind: 'report' as const })),
  );
}
