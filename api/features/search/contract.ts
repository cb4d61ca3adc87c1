/** The answer of GET /api/search?q= shared by the API and the admin (types only). */

/** The kinds of records the app bar's search finds, in the order the groups are shown. */
export const SEARCH_TYPES = ['measures', 'milestones', 'partners', 'contacts', 'grants', 'tranches'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export interface SearchHit {
  id: number;
  /** What the record is called (e.g. "M-01 Glasfaser", a partner's name, a contact's topic). */
  label: string;
  /** A second line (a date, a city, a file number), already worded; null when there is none. */
  detail: string | null;
}

export interface SearchGroup {
  type: SearchType;
  hits: SearchHit[];
}

export interface SearchResponse {
  q: string;
  /** Only the types the role may read and that found something, at most `SEARCH_LIMIT` hits each. */
  groups: SearchGroup[];
}

export const SEARCH_LIMIT = 5;
/** Shorter queries answer with no groups (one letter matches nearly everything). */
export const SEARCH_MIN_LENGTH = 2;
