import type { Knex } from 'knex';
import { deleteDocumentsOf } from '../documents/store';

/** What an anonymised field holds from then on (a required text) and what replaces it in the audit trail. */
export const ANONYMISED = '[anonymisiert]';
/** The personal fields of a contact: the person, and the free texts that may name people. */
export const CONTACT_PERSONAL_FIELDS = ['person_name', 'person_role', 'topic', 'notes'] as const;

/** The new values of the personal fields; the topic is required, the rest becomes empty. */
export const ANONYMISED_CONTACT = {
  person_name: null,
  person_role: null,
  topic: ANONYMISED,
  notes: null,
} as const;

/**
 * The last contact date kept on `today`: a contact is anonymised once its retention period (contact date + N months)
 * has passed, i.e. from the day after contact_on + N months. With 36 months, a contact of 2023-03-29 is kept through
 * 2026-03-29 and anonymised on 2026-03-30.
 */
export function retentionCutoff(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const back = new Date(Date.UTC(y, m - 1 - months, 1));
  // Clamp to the month's last day (2026-05-31 minus 3 months → 2026-02-28), like PostgreSQL's interval arithmetic.
  const last = new Date(Date.UTC(back.getUTCFullYear(), back.getUTCMonth() + 1, 0)).getUTCDate();
  back.setUTCDate(Math.min(d, last));
  return back.toISOString().slice(0, 10);
}

/** Contacts due for anonymisation on `today`: older than the cutoff, not yet anonymised, no open follow-up. */
export function dueContacts(db: Knex | Knex.Transaction, today: string, months: number): Knex.QueryBuilder {
  return db('contacts')
    .where('contact_on', '<', retentionCutoff(today, months))
    .whereNull('anonymised_at')
    .where((q) => q.whereNull('follow_up_on').orWhere('follow_up_done', true));
}

/**
 * Replaces the values of the named fields in the audit trail of the given records by the marker: an audit copy of
 * an erased value would defeat the erasure. Field names stay, so the trail still shows that something changed.
 */
/** The fields of a document's audit entries that can name a person. */
export const DOCUMENT_NAME_FIELDS = ['title', 'file_name'];

/**
 * Replaces the values of the named fields in the audit trail of the given records by the marker: an audit copy of
 * an erased value would defeat the erasure. Field names stay, so the trail still shows that something changed.
 */
export async function scrubAudit(
  trx: Knex.Transaction,
  resource: string,
  ids: readonly number[],
  fields: readonly string[],
): Promise<number> {
  if (ids.length === 0) return 0;
  const marker = JSON.stringify([ANONYMISED, ANONYMISED]);
  // One jsonb object of the marked fields, merged over the changes where the field is present.
  const { rows } = (await trx.raw(
    `update audit_entries a set changes = a.changes || coalesce((
        select jsonb_object_agg(k, ?::jsonb) from jsonb_object_keys(a.changes) k where k = any(?::text[])
      ), '{}'::jsonb)
     where a.resource = ? and a.record_id = any(?::int[]) and jsonb_exists_any(a.changes, ?::text[])
     returning a.id`,
    [marker, [...fields], resource, [...ids], [...fields]],
  )) as { rows: unknown[] };
  return rows.length;
}

export interface RetentionResult {
  today: string;
  cutoff: string;
  anonymised: number;
  auditScrubbed: number;
}

/**
 * Anonymises the due contacts in one transaction: personal fields emptied, the audit trail of those fields
 * scrubbed, a privacy_log row with the count. Municipality, date, channel, author and measure links stay, so the
 * statistics (contacts per municipality, per measure) do not change. Idempotent; safe in several processes.
 */
export async function runRetention(db: Knex, today: string, months: number): Promise<RetentionResult> {
  const cutoff = retentionCutoff(today, months);
  return db.transaction(async (trx) => {
    const rows = (await dueContacts(trx, today, months)
      .update({
        ...ANONYMISED_CONTACT,
        anonymised_at: trx.fn.now(),
        version: trx.raw('version + 1'),
        updated_at: trx.fn.now(),
      })
      .returning('id')) as { id: number }[];
    const ids = rows.map((r) => r.id);
    // A contact's documents (minutes, mails) are its personal content: they go, their audit keeps no name.
    const documents = await deleteDocumentsOf(trx, 'contacts', ids);
    const auditScrubbed =
      (await scrubAudit(trx, 'contacts', ids, CONTACT_PERSONAL_FIELDS)) +
      (await scrubAudit(trx, 'documents', documents, DOCUMENT_NAME_FIELDS));
    if (ids.length > 0) {
      // The record's history shows when and why it was anonymised, without the erased content.
      await trx.raw(
        `insert into audit_entries (user_id, action, resource, record_id, changes)
         select null, 'update', 'contacts', id, ?::jsonb from unnest(?::int[]) as id`,
        [JSON.stringify({ anonymised: [null, `Aufbewahrungsfrist (${months} Monate) abgelaufen`] }), ids],
      );
      await trx('privacy_log').insert({
        kind: 'retention',
        reason: `Aufbewahrungsfrist ${months} Monate, Stichtag ${cutoff}`,
        counts: JSON.stringify({
          contacts: ids.length,
          documents: documents.length,
          audit_entries: auditScrubbed,
        }),
      });
    }
    return { today, cutoff, anonymised: ids.length, auditScrubbed };
  });
}

export interface RetentionPreview {
  months: number;
  /** The day of the next run. */
  on: string;
  /** Contacts dated before this day are anonymised on that run. */
  cutoff: string;
  count: number;
  /** Older than the cutoff, but kept for now: open follow-up. */
  heldBack: number;
  lastRun?: { at: string; counts: Record<string, number> };
}

export async function retentionPreview(db: Knex, on: string, months: number): Promise<RetentionPreview> {
  const cutoff = retentionCutoff(on, months);
  const [due] = (await dueContacts(db, on, months).count({ n: '*' })) as { n: number | string }[];
  const [held] = (await db('contacts')
    .where('contact_on', '<', cutoff)
    .whereNull('anonymised_at')
    .whereNotNull('follow_up_on')
    .where('follow_up_done', false)
    .count({ n: '*' })) as { n: number | string }[];
  const last = (await db('privacy_log')
    .where('kind', 'retention')
    .orderBy('at', 'desc')
    .first('at', 'counts')) as { at: string; counts: Record<string, number> } | undefined;
  return {
    months,
    on,
    cutoff,
    count: Number(due!.n),
    heldBack: Number(held!.n),
    ...(last ? { lastRun: last } : {}),
  };
}
