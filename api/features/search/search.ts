import type { Knex } from 'knex';
import { germanDate } from '../../labels';
import type { Role } from '../../domain';
import { parseListParams, type FilterClause } from '../../rest/listParams';
import { applyFilters, prefixQuery, selectColumns } from '../../rest/query';
import { canRead, type ResourceDef, type Row, type SessionUser } from '../../rest/resource';
import contacts from '../contacts/contacts';
import grants from '../funding/grants';
import tranches from '../funding/tranches';
import measures from '../measures/measures';
import milestones from '../milestones/milestones';
import partners from '../partners/partners';
import { SEARCH_LIMIT, type SearchGroup, type SearchHit, type SearchType } from './contract';

/**
 * One search over the records a role may read. Each type uses its declared full-text or substring search
 * (the list routes' `q`) and its row rule (`readScope`) in SQL; a guide finds only the contacts of her
 * municipalities. Tranches have no text of their own: they are found by their number or year, or by their grant.
 */
interface Source {
  def: ResourceDef;
  /** Extra SQL for this type (row rules of the search, ranking); the declared search is applied before. */
  refine?: (qb: Knex.QueryBuilder, db: Knex, q: string, user: SessionUser) => void;
  /** Replaces the declared search (tranches). */
  match?: (qb: Knex.QueryBuilder, db: Knex, q: string, role: Role) => boolean;
  hit(row: Row): SearchHit;
}

/** The list routes' own `q` clause for the role (its substring search skips columns the role may not read). */
const searchClauses = (def: ResourceDef, role: Role, q: string): FilterClause[] =>
  parseListParams(def, role, { filter: JSON.stringify({ q }) }).filters;

const date = (value: unknown) => (typeof value === 'string' ? germanDate(value) : null);

/** Words that only say "a tranche" ("Tranche 13", "Mittelabruf 2026/3"). */
const TRANCHE_WORDS = /^(tranche|tranchen|mittelabruf|mittelabrufe|abruf)$/i;

function trancheMatch(qb: Knex.QueryBuilder, db: Knex, q: string, role: Role): boolean {
  const grantsMatching = (text: string) =>
    applyFilters(db, db('grants').select('grants.id'), grants, searchClauses(grants, role, text));
  const words = q.match(/[\p{L}\p{N}]+/gu) ?? [];
  const numbers = words.filter((w) => /^\d{1,6}$/.test(w)).map(Number);
  const text = words.filter((w) => !/^\d+$/.test(w) && !TRANCHE_WORDS.test(w)).join(' ');
  qb.where((either) => {
    // The whole query names the grant (its file number holds digits too)...
    either.whereIn('tranches.grant_id', grantsMatching(q));
    // ...or its numbers are the tranche's number or year, the other words naming its grant.
    if (numbers.length)
      either.orWhere((both) => {
        for (const n of numbers)
          both.where((w) => w.where('tranches.number', n).orWhere('tranches.fiscal_year', n));
        if (text) both.whereIn('tranches.grant_id', grantsMatching(text));
      });
  });
  return true;
}

const SOURCES: Record<SearchType, Source> = {
  measures: {
    def: measures,
    hit: (r) => ({ id: r.id as number, label: `${r.code} ${r.title}`, detail: null }),
  },
  milestones: {
    def: milestones,
    hit: (r) => ({ id: r.id as number, label: String(r.title), detail: date(r.due_date) }),
  },
  partners: {
    def: partners,
    // Name matches first: "Stadtwerke" finds the Stadtwerke before partners whose contact person lives there.
    refine: (qb, _db, q) => {
      const like = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      qb.orderByRaw('(partners.name ilike ?) desc', [like]);
    },
    hit: (r) => ({ id: r.id as number, label: String(r.name), detail: (r.city as string | null) ?? null }),
  },
  contacts: {
    def: contacts,
    refine: (qb, _db, _q, user) => {
      if (user.role === 'guide') qb.whereIn('contacts.municipality_id', user.municipality_ids);
    },
    hit: (r) => ({ id: r.id as number, label: String(r.topic), detail: date(r.contact_on) }),
  },
  grants: {
    def: grants,
    hit: (r) => ({ id: r.id as number, label: `${r.phase} – ${r.programme}`, detail: String(r.file_number) }),
  },
  tranches: {
    def: tranches,
    match: trancheMatch,
    hit: (r) => ({
      id: r.id as number,
      label: `${r.fiscal_year}/${r.number}`,
      detail: date(r.received_on ?? r.requested_on),
    }),
  },
};

async function searchOne(db: Knex, user: SessionUser, q: string, source: Source): Promise<SearchHit[]> {
  const { def } = source;
  const qb = db(def.name).select(selectColumns(db, def, user.role));
  def.readScope?.(qb, user);
  if (source.match) {
    if (!source.match(qb, db, q, user.role)) return [];
  } else {
    if (def.search?.fts && !prefixQuery(q)) return [];
    applyFilters(db, qb, def, searchClauses(def, user.role, q));
  }
  source.refine?.(qb, db, q, user);
  const [field, order] = def.defaultSort ?? ['id', 'ASC'];
  qb.orderBy(`${def.name}.${field}`, order === 'DESC' ? 'desc' : 'asc').orderBy(`${def.name}.id`);
  const rows = (await qb.limit(SEARCH_LIMIT)) as Row[];
  return rows.map((r) => source.hit(r));
}

/** Every type the role may read that found something, in the order of SEARCH_TYPES. */
export async function search(db: Knex, user: SessionUser, q: string): Promise<SearchGroup[]> {
  const readable = (Object.keys(SOURCES) as SearchType[]).filter((t) => canRead(SOURCES[t].def, user.role));
  const groups = await Promise.all(
    readable.map(async (type) => ({ type, hits: await searchOne(db, user, q, SOURCES[type]) })),
  );
  return groups.filter((g) => g.hits.length > 0);
}
