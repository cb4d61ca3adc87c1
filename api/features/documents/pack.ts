import type { Knex } from 'knex';
import type { DocumentKind } from '../../domain';
import { DOCUMENT_KIND_LABELS } from '../../labels';
import { toBuffer } from './store';

export interface PackDocument {
  /** The German name of the document's kind: the folder in the pack. */
  folder: string;
  /** The stored file name, made unique within its folder ("Beleg.pdf", "Beleg (2).pdf"). */
  fileName: string;
  title: string;
  bytes: Buffer;
}

/** A name not yet used in the folder: "name (2).ext", "name (3).ext" … */
function uniqueName(taken: Set<string>, name: string): string {
  const m = /^(.*?)(\.[^.]*)?$/.exec(name)!;
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${m[1]} (${n})${m[2] ?? ''}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/**
 * The documents for a proof of use (#15, #17): those of the grant itself, of its tranches of the period's fiscal
 * years, and of the period's receipts (eligible expenditures of the grant paid within the period, as the receipt
 * list counts them), in folders by kind, ordered by folder, then by the record they hang on and upload. `from` and
 * `to` are 'YYYY-MM-DD'. No rights are checked here: the caller (the pack's route) has checked the grant's.
 */
export async function proofOfUseDocuments(
  db: Knex | Knex.Transaction,
  grantId: number,
  period: { from: string; to: string },
): Promise<PackDocument[]> {
  const { rows } = (await db.raw(
    `select d.kind, d.title, d.file_name, f.bytes
     from documents d
     join document_files f on f.document_id = d.id
     left join tranches t on t.id = d.tranche_id
     left join expenditures e on e.id = d.expenditure_id
     where d.grant_id = :grant
        or (t.grant_id = :grant
            and t.fiscal_year between extract(year from :from::date) and extract(year from :to::date))
        or (e.grant_id = :grant and e.eligible and e.paid_on between :from::date and :to::date)
     order by d.kind, d.grant_id nulls last, t.number nulls last, e.paid_on nulls last, e.id, d.id`,
    { grant: grantId, from: period.from, to: period.to },
  )) as { rows: { kind: DocumentKind; title: string; file_name: string; bytes: Uint8Array }[] };
  const taken = new Map<string, Set<string>>();
  const pack: PackDocument[] = [];
  for (const r of rows) {
    const folder = DOCUMENT_KIND_LABELS[r.kind];
    if (!taken.has(folder)) taken.set(folder, new Set());
    pack.push({
      folder,
      fileName: uniqueName(taken.get(folder)!, r.file_name),
      title: r.title,
      bytes: toBuffer(r.bytes),
    });
  }
  return pack;
}
