import { MAX_ID } from '../domain';
import { badRequest } from '../errors';

/** The one id rule: 1 to MAX_ID, written as plain decimal digits; anything else is undefined. */
export function toId(raw: string): number | undefined {
  if (!/^\d{1,10}$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= 1 && n <= MAX_ID ? n : undefined;
}

/** A record id from the path (e.g. /measures/:id). */
export function parseId(raw: unknown): number {
  const s = String(raw);
  const id = toId(s);
  if (id === undefined) throw badRequest(`"${s.slice(0, 40)}" ist keine gültige Datensatz-ID.`);
  return id;
}

function single(raw: unknown, name: string): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') throw badRequest(`Der Parameter "${name}" darf nur einmal angegeben werden.`);
  return raw;
}

/** A positive record id from the query string; `required` makes a missing one a 400. */
export function idParam(query: Record<string, unknown>, name: string, required: true): number;
export function idParam(query: Record<string, unknown>, name: string, required?: false): number | undefined;
export function idParam(query: Record<string, unknown>, name: string, required = false): number | undefined {
  const raw = single(query[name], name);
  if (raw === undefined) {
    if (required) throw badRequest(`Der Parameter "${name}" fehlt.`, { [name]: 'Pflichtfeld' });
    return undefined;
  }
  const id = toId(raw);
  if (id === undefined)
    throw badRequest(`"${raw.slice(0, 40)}" ist keine gültige ID für "${name}".`, { [name]: 'Ungültige ID' });
  return id;
}

/** An optional fiscal year (2000–2100); empty or missing means all years. */
export function fiscalYearParam(query: Record<string, unknown>): number | undefined {
  const raw = single(query.fiscal_year, 'fiscal_year');
  if (raw === undefined) return undefined;
  if (!/^\d{4}$/.test(raw) || Number(raw) < 2000 || Number(raw) > 2100)
    throw badRequest(`"${raw.slice(0, 40)}" ist kein gültiges Haushaltsjahr (2000–2100).`, {
      fiscal_year: 'Ungültiges Haushaltsjahr',
    });
  return Number(raw);
}

/** One value out of a fixed list, or the default. */
export function choiceParam<T extends string>(
  query: Record<string, unknown>,
  name: string,
  values: readonly T[],
  fallback: T,
): T {
  const raw = single(query[name], name);
  if (raw === undefined) return fallback;
  if (!(values as readonly string[]).includes(raw))
    throw badRequest(`Der Parameter "${name}" erlaubt nur: ${values.join(', ')}.`, {
      [name]: 'Ungültiger Wert',
    });
  return raw as T;
}

/**
 * `If-Match: "<version>"` of a DELETE → the version the client was shown (undefined without the header). A
 * client that names it is refused with 409 when the record changed since; without it the delete is unconditional.
 */
export function versionOfIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined; // "*": any version
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(header);
  if (!match)
    throw badRequest('If-Match muss die Versionsnummer des gelesenen Datensatzes enthalten, z. B. "3".');
  return Number(match[1]);
}
