import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { DEADLINE_RANGES, type DeadlineItem, type DeadlineKind, type DeadlineRange } from './contract';
import { SnapshotCache } from '../../db/snapshotCache';
import { choiceParam, idParam } from '../../http/params';
import { MUNICIPALITY_KIND_PREFIXES } from '../../labels';
import {
  finalProofOpenSql,
  interimProofOpenSql,
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
 * Both proofs carry the state of their latest proof report (proof_reports): none, draft or issued.
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
    'Mittelabruf Nr. ' || tranches.number || ' (' || g.phase || coalesce(', ' || m.code, '') || '): Mittelverwendungsfrist' as label,
    null::text as proof_state
  from tranches
  join grants g on g.id = tranches.grant_id
  left join measures m on m.id = tranches.measure_id
  where ${spendDeadlineOpenSql('tranches')}
  union all
  select 'interim_proof', 'grant_years', y.id, y.grant_id, y.interim_proof_due_on, o.open_cents,
    'Zwischennachweis ' || y.fiscal_year || ' (' || g.phase || ')',
    coalesce((select pr.status from proof_reports pr where pr.grant_id = y.grant_id and pr.kind = 'interim' and pr.fiscal_year is not distinct from y.fiscal_year::int order by pr.version_no desc limit 1), 'none')
  from grant_years y
  join grants g on g.id = y.grant_id
  cross join lateral (
    select coalesce(sum(t.received_cents), 0)::bigint as open_cents
    from tranches t where t.grant_id = y.grant_id and t.fiscal_year = y.fiscal_year and t.status = 'received'
  ) o
  where ${interimProofOpenSql('y')}
  union all
  select 'final_proof', 'grants', g.id, g.id, g.proof_due_on,
    (select coalesce(sum(t.received_cents), 0) from tranches t where t.grant_id = g.id and t.status in ('received', 'settled'))::bigint,
    'Verwendungsnachweis (' || g.phase || ')',
    coalesce((select pr.status from proof_reports pr where pr.grant_id = g.id and pr.kind = 'final' and pr.fiscal_year is not distinct from null::int order by pr.version_no desc limit 1), 'none')
  from grants g
  where ${finalProofOpenSql('g')}
  union all
  select 'transfer_proof', 'transfers', transfers.id, transfers.grant_id, transfers.proof_due_on, transfers.amount_cents,
    'Verwendungsnachweis der Weiterleitung an '
      || coalesce(${KIND_PREFIX_SQL} || ' ' || mu.name, p.name)
      || ' (' || m.code || ')',
    null
  from transfers
  join measures m on m.id = transfers.measure_id
  left join municipalities mu on mu.id = transfers.municipality_id
  left join partners p on p.id = transfers.partner_id
  where ${transferProofOpenSql('transfers')}
),
ranked as (
  select items.*, row_number() over (partition by kind order by due_on, record_id) as nth
  from items where :grant::int is null or grant_id = :grant::int
)
select kind, resource, record_id, grant_id, due_on, (due_on - current_date) as days_left, due_on < current_date as overdue,
  amount_cents::bigint as amount_cents, label, proof_state
from ranked
where due_on <= current_date + case kind when 'spend_deadline' then :spend_deadline::int
    when 'interim_proof' then :interim_proof::int when 'final_proof' then :final_proof::int else :transfer_proof::int end
  or (:next_of_each::boolean and nth = 1)
order by due_on, kind, record_id`;

/**
 * Open deadlines, soonest first (today = the database's current_date). Without `within` each kind shows with its
 * own lead time (DEADLINE_WINDOWS); with it every kind shows what falls due within that many days (or all), and
 * the next open deadline of each kind always shows, so the next interim proof is never hidden behind the window.
 */
export async function deadlines(
  db: Knex,
  grantId?: number,
  within?: DeadlineRange,
): Promise<{ as_of: string; within: DeadlineRange | null; items: DeadlineItem[] }> {
  const days = within === 'all' ? 36_500 : within ? Number(within) : undefined;
  const windows = days
    ? { spend_deadline: days, interim_proof: days, final_proof: days, transfer_proof: days }
    : DEADLINE_WINDOWS;
  const [{ rows }, { rows: today }] = (await Promise.all([
    db.raw(DEADLINES_SQL, { ...windows, next_of_each: within !== undefined, grant: grantId ?? null }),
    db.raw('select current_date as as_of'),
  ])) as [{ rows: DeadlineItem[] }, { rows: [{ as_of: string }] }];
  return { as_of: today[0].as_of, within: within ?? null, items: rows };
}

export const deadlinesModule: ExtraModule = {
  router(db: Knex) {
    const r = Router();
    // Every tranche's unspent money is summed for the list: once per grant filter and database state, not per request.
    const cache = new SnapshotCache<string>(db);
    r.get('/deadlines', requireRole(...FUNDING_READERS), async (req: Request, res: Response) => {
      const query = req.query as Record<string, unknown>;
      const grantId = idParam(query, 'grant_id');
      const within =
        query.within === undefined ? undefined : choiceParam(query, 'within', DEADLINE_RANGES, '90');
      const body = await cache.get(JSON.stringify([grantId ?? null, within ?? null]), async () =>
        JSON.stringify(await deadlines(db, grantId, within)),
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
          {
            name: 'within',
            in: 'query',
            required: false,
            description:
              'Zeitfenster in Tagen (30, 90) oder all; dazu immer die nächste offene Frist je Art. Ohne Angabe: Vorlauf je Art',
            schema: { type: 'string', enum: [...DEADLINE_RANGES] },
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
