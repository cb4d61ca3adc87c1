import type { Knex } from 'knex';
import { conflict, type FieldErrors } from '../../errors';
import { defineResource, type Row } from '../../rest/resource';
import { fiscalYearOutsidePeriod } from '../funding/grantPeriod';
import type { ProofKind } from './contract';
import plain from './proof_reports.fields';
import { proofOfUse } from './proofOfUse';

const FROZEN =
  'Der Nachweis ist ausgestellt und eingefroren; für Änderungen bitte eine neue Version anlegen.';

/** Grant, kind and year say which proof a report is; they are fixed once it exists. */
const KEY = ['grant_id', 'kind', 'fiscal_year'] as const;

function validate(r: Row, before?: Row): FieldErrors | undefined {
  if (before?.status === 'issued') throw conflict(FROZEN);
  const errors: FieldErrors = {};
  if (r.kind === 'interim' && typeof r.fiscal_year !== 'number')
    errors.fiscal_year = 'Ein Zwischennachweis braucht ein Haushaltsjahr';
  if (r.kind === 'final' && r.fiscal_year !== null && r.fiscal_year !== undefined)
    errors.fiscal_year =
      'Der Verwendungsnachweis umfasst den ganzen Bewilligungszeitraum (ohne Haushaltsjahr)';
  if (before)
    for (const k of KEY) if (before[k] !== r[k]) errors[k] = 'Lässt sich nach dem Anlegen nicht ändern';
  return Object.keys(errors).length ? errors : undefined;
}

async function nextVersion(db: Knex | Knex.Transaction, r: Row): Promise<number> {
  const rows = (await db('proof_reports')
    .select('version_no', 'status')
    .where({ grant_id: r.grant_id, kind: r.kind })
    .whereRaw('fiscal_year is not distinct from ?', [(r.fiscal_year as number | null | undefined) ?? null])
    .orderBy('version_no', 'desc')
    .forUpdate()) as { version_no: number; status: string }[];
  if (rows.some((x) => x.status === 'draft'))
    throw conflict(
      'Für diesen Nachweis gibt es schon einen Entwurf; bitte diesen bearbeiten oder ausstellen.',
    );
  return (rows[0]?.version_no ?? 0) + 1;
}

export default defineResource({
  ...plain,
  validate: async (r, { db }, before) => {
    const errors = validate(r, before) ?? {};
    const outside = await fiscalYearOutsidePeriod(db, r.grant_id, r.fiscal_year);
    if (outside) errors.fiscal_year = outside;
    return Object.keys(errors).length ? errors : undefined;
  },
  // Issuing (status → issued) freezes the whole proof with its texts: figures, narrative, plan and receipts.
  beforeWrite: async ({ db, user }, data, before) => {
    const merged = { ...before, ...data };
    const out: Row = { ...data };
    if (!before) {
      out.version_no = await nextVersion(db, merged);
      out.status = data.status ?? 'draft';
    }
    if (out.status === 'issued' || (before && data.status === 'issued')) {
      const proof = await proofOfUse(
        db,
        merged.grant_id as number,
        merged.kind as ProofKind,
        (merged.fiscal_year as number | null | undefined) ?? null,
        {
          introduction: (merged.introduction as string | null | undefined) ?? null,
          conclusion: (merged.conclusion as string | null | undefined) ?? null,
          report: null,
        },
      );
      const { rows } = (await db.raw(`select to_char(current_date, 'YYYY-MM-DD') as d`)) as {
        rows: [{ d: string }];
      };
      out.issued_on = rows[0].d;
      out.issued_by = user.id;
      proof.report = {
        id: (before?.id as number | undefined) ?? 0,
        version_no: (before?.version_no as number | undefined) ?? (out.version_no as number),
        status: 'issued',
        issued_on: rows[0].d,
        issued_by: user.name,
      };
      out.snapshot = JSON.stringify(proof);
    }
    return out;
  },
  // The snapshot's own id is known after the insert; a new issued report gets it written in.
  afterWrite: async ({ db }, after) => {
    if (after.status === 'issued' && (after.snapshot as { report?: { id: number } } | null)?.report?.id === 0)
      await db.raw(
        `update proof_reports set snapshot = jsonb_set(snapshot, '{report,id}', to_jsonb(id)) where id = ?`,
        [after.id as number],
      );
  },
  beforeDelete: (_ctx, existing) => {
    if (existing.status === 'issued') throw conflict(FROZEN);
  },
});
