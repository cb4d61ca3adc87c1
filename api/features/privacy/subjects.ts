import type { Knex } from 'knex';
import { badRequest, forbidden } from '../../errors';
import { writeAudit } from '../../rest/audit';
import type { SessionUser } from '../../rest/resource';
import { deleteDocumentsOf } from '../documents/store';
import {
  ANONYMISED,
  ANONYMISED_CONTACT,
  CONTACT_PERSONAL_FIELDS,
  DOCUMENT_NAME_FIELDS,
  scrubAudit,
} from './retention';

/**
 * Data-subject requests (Art. 15 and 17 DSGVO): find a person by name or e-mail in the contact log, the partners'
 * contact persons and the users, plus every other text anywhere that names them; export it; anonymise it.
 */

type Row = Record<string, unknown>;

export interface Occurrence {
  table: string;
  column: string;
  id: number;
  value: string;
}

export interface SubjectFindings {
  query: string;
  contacts: Row[];
  partners: Row[];
  users: Row[];
  /** Every other text or JSON value naming the person (audit trail, measures, expenditures ...). */
  occurrences: Occurrence[];
}

const PARTNER_PERSONAL_FIELDS = ['contact_person', 'email', 'phone', 'notes'] as const;
const USER_PERSONAL_FIELDS = ['name', 'email'] as const;
/** Never searched: session keys and Knex's bookkeeping. */
const SKIPPED = new Set(['sessions', 'knex_migrations', 'knex_migrations_lock']);

/**
 * The search terms: names or e-mail addresses separated by commas ("Henrike Quastenberg, h.quastenberg@vg.example"),
 * each at least three characters. Quotes and backslashes are refused, so replacing a term inside a JSON text
 * (audit trail, report snapshots) always leaves valid JSON. Longest first, so a full name is replaced before a part.
 */
export function parseTerms(raw: unknown): string[] {
  const terms = (typeof raw === 'string' ? raw.split(',') : [])
    .map((t) => t.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
  if (terms.length === 0 || terms.length > 10 || terms.some((t) => t.length < 3 || t.length > 120))
    throw badRequest(
      'Bitte Namen oder E-Mail-Adressen mit je 3 bis 120 Zeichen angeben (mehrere durch Komma).',
      {
        q: 'Mindestens 3 Zeichen je Begriff',
      },
    );
  if (terms.some((t) => !/^[\p{L}\p{N} .@'_+-]+$/u.test(t)))
    throw badRequest("Ein Suchbegriff darf nur Buchstaben, Ziffern, Leerzeichen und . @ ' _ + - enthalten.", {
      q: 'Ungültige Zeichen',
    });
  return [...new Set(terms)].sort((a, b) => b.length - a.length);
}

const likePatterns = (terms: string[]): string[] =>
  terms.map((t) => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
const regexPattern = (terms: string[]): string =>
  terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');

/** Replaces the terms in a text given to us (an erasure's reason), so the record of the erasure names no one. */
export const withoutTerms = (text: string, terms: string[]): string =>
  text.replace(new RegExp(regexPattern(terms), 'giu'), ANONYMISED);

interface TextColumn {
  table: string;
  column: string;
  json: boolean;
}

async function textColumns(db: Knex | Knex.Transaction): Promise<TextColumn[]> {
  const { rows } = (await db.raw(
    `select c.table_name, c.column_name, c.data_type from information_schema.columns c
     join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
     where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
       and c.data_type in ('text', 'character varying', 'json', 'jsonb') and c.is_generated = 'NEVER'
       and exists (select 1 from information_schema.columns i where i.table_schema = c.table_schema
                   and i.table_name = c.table_name and i.column_name = 'id')
     order by c.table_name, c.ordinal_position`,
  )) as { rows: { table_name: string; column_name: string; data_type: string }[] };
  return rows
    .filter((r) => !SKIPPED.has(r.table_name))
    .map((r) => ({ table: r.table_name, column: r.column_name, json: r.data_type.startsWith('json') }));
}

const asText = (c: TextColumn) => (c.json ? `"${c.column}"::text` : `"${c.column}"`);

/** Every text or JSON value anywhere that contains the term, one entry per table, column and row. */
async function sweep(db: Knex | Knex.Transaction, terms: string[]): Promise<Occurrence[]> {
  const columns = await textColumns(db);
  if (columns.length === 0) return [];
  const pattern = likePatterns(terms);
  const sql = columns
    .map(
      (c) =>
        `select '${c.table}' as "table", '${c.column}' as "column", id, ${asText(c)} as value from "${c.table}" where ${asText(c)} ilike any(?::text[])`,
    )
    .join(' union all ');
  const { rows } = (await db.raw(
    `${sql} order by 1, 3, 2`,
    columns.map(() => pattern),
  )) as {
    rows: Occurrence[];
  };
  return rows;
}

export async function findSubject(db: Knex | Knex.Transaction, rawTerm: unknown): Promise<SubjectFindings> {
  const terms = parseTerms(rawTerm);
  const p = likePatterns(terms);
  const contacts = (await db('contacts as c')
    .leftJoin('municipalities as m', 'm.id', 'c.municipality_id')
    .leftJoin('users as a', 'a.id', 'c.author_id')
    .where((q) => {
      for (const f of CONTACT_PERSONAL_FIELDS) q.orWhereRaw('?? ilike any(?::text[])', [`c.${f}`, p]);
    })
    .orderBy('c.contact_on')
    .select(
      'c.id',
      'c.contact_on',
      'c.channel',
      'c.person_name',
      'c.person_role',
      'c.topic',
      'c.notes',
      'c.follow_up_on',
      'c.follow_up_done',
      'm.name as municipality',
      'a.name as author',
      db.raw(
        `(select coalesce(array_agg(ms.code order by ms.code), '{}') from contact_measures cm
          join measures ms on ms.id = cm.measure_id where cm.contact_id = c.id) as measures`,
      ),
    )) as Row[];
  const partners = (await db('partners')
    .where((q) => {
      for (const f of PARTNER_PERSONAL_FIELDS) q.orWhereRaw('?? ilike any(?::text[])', [f, p]);
    })
    .orderBy('name')
    .select('id', 'name', 'contact_person', 'email', 'phone', 'city', 'notes')) as Row[];
  const users = (await db('users as u')
    .where((q) => {
      for (const f of USER_PERSONAL_FIELDS) q.orWhereRaw('?? ilike any(?::text[])', [`u.${f}`, p]);
    })
    .orderBy('u.name')
    .select(
      'u.id',
      'u.name',
      'u.email',
      'u.role',
      'u.active',
      'u.created_at',
      db.raw(
        `(select coalesce(array_agg(m.name order by m.name), '{}') from guide_municipalities g
          join municipalities m on m.id = g.municipality_id where g.user_id = u.id) as municipalities`,
      ),
    )) as Row[];
  const found = new Set([
    ...contacts.map((r) => `contacts:${String(r.id)}`),
    ...partners.map((r) => `partners:${String(r.id)}`),
    ...users.map((r) => `users:${String(r.id)}`),
  ]);
  const occurrences = (await sweep(db, terms)).filter((o) => !found.has(`${o.table}:${o.id}`));
  return { query: terms.join(', '), contacts, partners, users, occurrences };
}

export interface ErasureResult {
  logId: number;
  counts: Record<string, number>;
}

/**
 * Art. 17: anonymises everything found for the term in one transaction. Contacts lose their personal fields,
 * partners their contact person's details, users their name and e-mail (and are deactivated, signed out); the
 * audit trail of those fields is scrubbed; any remaining mention anywhere is replaced by the marker. The erasure
 * itself is logged (privacy_log, audit) with the reason, never with the name or the erased values.
 */
export async function eraseSubject(
  db: Knex,
  user: SessionUser,
  rawTerm: unknown,
  rawReason: unknown,
): Promise<ErasureResult> {
  const terms = parseTerms(rawTerm);
  const reasonText = typeof rawReason === 'string' ? rawReason.trim() : '';
  if (reasonText.length < 5 || reasonText.length > 500)
    throw badRequest('Bitte einen Grund mit 5 bis 500 Zeichen angeben.', {
      reason: 'Pflichtfeld (5–500 Zeichen)',
    });
  const reason = withoutTerms(reasonText, terms);
  return db.transaction(async (trx) => {
    const f = await findSubject(trx, terms.join(','));
    if (f.users.some((u) => u.id === user.id))
      throw forbidden('Ihr eigenes Benutzerkonto kann hier nicht anonymisiert werden.');
    const contactIds = f.contacts.map((r) => Number(r.id));
    const partnerIds = f.partners.map((r) => Number(r.id));
    const userIds = f.users.map((r) => Number(r.id));
    const bump = { version: trx.raw('version + 1'), updated_at: trx.fn.now() };
    const regex = regexPattern(terms);

    if (contactIds.length)
      await trx('contacts')
        .whereIn('id', contactIds)
        .update({ ...ANONYMISED_CONTACT, anonymised_at: trx.fn.now(), ...bump });
    if (partnerIds.length)
      await trx('partners')
        .whereIn('id', partnerIds)
        .update({
          contact_person: null,
          email: null,
          phone: null,
          notes: trx.raw(`regexp_replace(notes, ?, ?, 'gi')`, [regex, ANONYMISED]),
          ...bump,
        });
    if (userIds.length) {
      const oldEmails = f.users.map((u) => String(u.email).toLowerCase());
      await trx('users')
        .whereIn('id', userIds)
        .update({
          name: trx.raw(`'Anonymisiert ' || id`),
          email: trx.raw(`'anonymisiert-' || id || '@example.invalid'`),
          active: false,
          calendar_token_hash: null,
          ...bump,
        });
      await trx('sessions').whereIn('user_id', userIds).delete();
      await trx('login_failures').whereRaw('lower(email) = any(?)', [oldEmails]).delete();
    }
    const documents = await deleteDocumentsOf(trx, 'contacts', contactIds);
    let audit = await scrubAudit(trx, 'contacts', contactIds, CONTACT_PERSONAL_FIELDS);
    audit += await scrubAudit(trx, 'documents', documents, DOCUMENT_NAME_FIELDS);
    audit += await scrubAudit(trx, 'partners', partnerIds, PARTNER_PERSONAL_FIELDS);
    audit += await scrubAudit(trx, 'users', userIds, USER_PERSONAL_FIELDS);

    // Whatever still names the person (audit trail of other fields, measure texts, report snapshots, ...).
    let other = 0;
    const columns = await textColumns(trx);
    const hasVersion = new Set(
      (
        (await trx.raw(
          `select table_name from information_schema.columns where table_schema = current_schema() and column_name = 'version'`,
        )) as { rows: { table_name: string }[] }
      ).rows.map((r) => r.table_name),
    );
    for (const c of columns) {
      const value = c.json
        ? `regexp_replace("${c.column}"::text, ?, ?, 'gi')::jsonb`
        : `regexp_replace("${c.column}", ?, ?, 'gi')`;
      const extra = hasVersion.has(c.table) ? ', version = version + 1, updated_at = now()' : '';
      const { rows } = (await trx.raw(
        `update "${c.table}" set "${c.column}" = ${value}${extra} where ${asText(c)} ilike any(?::text[]) returning id`,
        [regex, ANONYMISED, likePatterns(terms)],
      )) as { rows: unknown[] };
      other += rows.length;
    }

    const counts = {
      contacts: contactIds.length,
      partners: partnerIds.length,
      users: userIds.length,
      documents: documents.length,
      audit_entries: audit,
      other_values: other,
    };
    const [log] = (await trx('privacy_log')
      .insert({ user_id: user.id, kind: 'erasure', reason, counts: JSON.stringify(counts) })
      .returning('id')) as { id: number }[];
    const note: [null, string] = [null, `Löschersuchen Nr. ${log!.id} (Art. 17 DSGVO)`];
    for (const id of contactIds) await writeAudit(trx, user, 'update', 'contacts', id, { anonymised: note });
    for (const id of partnerIds) await writeAudit(trx, user, 'update', 'partners', id, { anonymised: note });
    for (const id of userIds) await writeAudit(trx, user, 'update', 'users', id, { anonymised: note });
    await writeAudit(trx, user, 'create', 'privacy_log', log!.id, {
      kind: [null, 'erasure'],
      reason: [null, reason],
    });
    return { logId: log!.id, counts };
  });
}

/** Art. 15: records that an access request was answered (who, when, how many entries), without the name. */
export async function logAccess(
  db: Knex,
  user: SessionUser,
  f: SubjectFindings,
  format: string,
): Promise<void> {
  await db('privacy_log').insert({
    user_id: user.id,
    kind: 'access',
    reason: `Auskunft (Art. 15 DSGVO) als ${format.toUpperCase()}`,
    counts: JSON.stringify({
      contacts: f.contacts.length,
      partners: f.partners.length,
      users: f.users.length,
      other_values: f.occurrences.length,
    }),
  });
}
