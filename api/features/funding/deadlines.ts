import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import type { DeadlineItem, DeadlineKind } from './contract';
import { SnapshotCache } from '../../db/snapshotCache';
import { idParam } from '../../http/params';
import { MUNICIPALITY_KIND_PREFIXES } from '../../labels';
import {
  finalProofOpenSql,
  interimProofOpenSql,
  proofOverdueSql,
  spendDeadlineOpenSql,
  spendDeadlineSql,
  transferProofOpenSql,
  unspentSql,
} from './deadlineSql';
import { errorResponses, READERS_NOTE } from './openapi';
import type { ExtraModule } from '../feature';
import { requireRole } from '../../http/requireRole';
import { FUNDING_READERS } from '../access';

/**
 * How far ahead each kind of deadline shows (days). Passed deadlines show while the matter is open (the rules of
 * ./deadlineSql.ts):
 * - spend_deadline: a received tranche with money left; due = its spend deadline; at stake = that unspent money.
 * - interim_proof: grant_years.interim_proof_due_on; at stake = the money received on the year's tranches not yet
 *   settled.
 * - final_proof: grants.proof_due_on; at stake = all money received under the grant.
 * - transfer_proof: a transfer's proof of use; at stake = the amount passed on.
 */
export const DEADLINE_WINDOWS: Record<DeadlineKind, number> = {
  spend_deadline: 14,
  interim_proof: 60,
  final_proof: 180,
  transfer_proof: 30,
};

const KIND_PREFIX_SQL = `case mu.kind ${Object.entries(MUNICIPALITY_KIND_PREFIXES)
  .map(([kind, prefix]) => `when '${kind}' then '${prefix}'`)
  .join(' ')} end`;

const DEADLINES_SQL = `
with items as (
  select 'spend_deadline' as kind, 'tranches' as resource, tranches.id as record_id, tranches.grant_id,
    ${spendDeadlineSql('tranches', 'g')} as due_on, ${unspentSql('tranches')} as amount_cents,
    'Mittelabruf Nr. ' || tranches.number || ' (' || g.phase || coalesce(', ' || m.code, '') || '): Mittelverwendungsfrist' as label
  from tranches
  join grants g on g.id = tranches.grant_id
  left join measures m on m.id = tranches.measure_id
  where ${spendDeadlineOpenSql('tranches')}
    and ${spendDeadlineSql('tranches', 'g')} <= current_date + :spend_deadline::int
  union all
  select 'interim_proof', 'grant_years', y.id, y.grant_id, y.interim_proof_due_on, o.open_cents,
    'Zwischennachweis ' || y.fiscal_year || ' (' || g.phase || ')'
  from grant_years y
  join grants g on g.id = y.grant_id
  cross join lateral (
    select coalesce(sum(t.received_cents), 0)::bigint as open_cents
    from tranches t where t.grant_id = y.grant_id and t.fiscal_year = y.fiscal_year and t.status = 'received'
  ) o
  where y.interim_proof_due_on <= current_date + :interim_proof::int and ${interimProofOpenSql('y')}
  union all
  select 'final_proof', 'grants', g.id, g.id, g.proof_due_on,
    (select coalesce(sum(t.received_cents), 0) from tranches t where t.grant_id = g.id and t.status in ('received', 'settled'))::bigint,
    'Verwendungsnachweis (' || g.phase || ')'
  from grants g
  where g.proof_due_on <= current_date + :final_proof::int and ${finalProofOpenSql('g')}
  union all
  select 'transfer_proof', 'transfers', transfers.id, transfers.grant_id, transfers.proof_due_on, transfers.amount_cents,
    'Verwendungsnachweis der Weiterleitung an '
      || coalesce(${KIND_PREFIX_SQL} || ' ' || mu.name, p.name)
      || ' (' || m.code || ')'
  from transfers
  join measures m on m.id = transfers.measure_id
  left join municipalities mu on mu.id = transfers.municipality_id
  left join partners p on p.id = transfers.partner_id
  where ${transferProofOpenSql('transfers')}
    and (${proofOverdueSql('transfers')} or transfers.proof_due_on <= current_date + :transfer_proof::int)
)
select kind, resource, record_id, grant_id, due_on, (due_on - current_date) as days_left, due_on < current_date as overdue,
  amount_cents::bigint as amount_cents, label
from items
where :grant::int is null or grant_id = :grant::int
order by due_on, kind, record_id`;

/** Open deadlines, soonest first (today = the database's current_date). */
export async function deadlines(
  db: Knex,
  grantId?: number,
): Promise<{ as_of: string; items: DeadlineItem[] }> {
  const [{ rows }, { rows: today }] = (await Promise.all([
    db.raw(DEADLINES_SQL, { ...DEADLINE_WINDOWS, grant: grantId ?? null }),
    db.raw('select current_date as as_of'),
  ])) as [{ rows: DeadlineItem[] }, { rows: [{ as_of: string }] }];
  return { as_of: today[0].as_of, items: rows };
}

export const deadlinesModule: ExtraModule = {
  router(db: Knex) {
    const r = Router();
    // Every tranche's unspent money is summed for the list: once per grant filter and database state, not per request.
    const cache = new SnapshotCache<string>(db);
    r.get('/deadlines', requireRole(...FUNDING_READERS), async (req: Request, res: Response) => {
      const grantId = idParam(req.query as Record<string, unknown>, 'grant_id');
      const body = await cache.get(String(grantId ?? 'all'), async () =>
        JSON.stringify(await deadlines(db, grantId)),
      );
      res.type('json').send(body);
    });
    return r;
  },
  paths: {
    '/deadlines': {
      get: {
        tags: ['reports'],
        summary: `Fristenmonitor: Mittelverwendungsfristen, Zwischen- und Verwendungsnachweise, Nachweise der Weiterleitungen. ${READERS_NOTE}`,
        description: `Je Eintrag kind, due_on, days_left (negativ = überfällig), amount_cents, label, resource und record_id; nach Fälligkeit sortiert. Vorlauf in Tagen: ${Object.entries(
          DEADLINE_WINDOWS,
        )
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}.`,
        parameters: [
          {
            name: 'grant_id',
            in: 'query',
            required: false,
            description: 'Nur dieser Zuwendungsbescheid',
            schema: { type: 'integer', minimum: 1 },
          },
        ],
        responses: {
          200: {
            description: 'as_of und items',
            content: { 'application/json': { schema: { type: 'object' } } },
          },
          ...errorResponses,
        },
      },
    },
  },
};
