import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { INDICATOR_STATES } from '../../domain';
import { requireRole } from '../../http/requireRole';
import { ACCESS } from '../access';
import type { ExtraModule } from '../feature';
import type { IndicatorSummary } from './contract';
import { indicatorStateSql } from './stateSql';

const SUMMARY_SQL = `
with s as (select i.measure_id, ${indicatorStateSql('i')} as state from indicators i),
per_measure as (select measure_id, bool_and(state = 'on_track') as on_track from s group by measure_id)
select current_date as as_of,
  (select count(*) from s)::int as total,
  ${INDICATOR_STATES.map((st) => `(select count(*) from s where state = '${st}')::int as ${st}`).join(',\n  ')},
  (select count(*) from per_measure)::int as measures,
  (select count(*) from per_measure where on_track)::int as measures_on_track`;

type SummaryRow = Omit<IndicatorSummary, 'counts'> & Record<(typeof INDICATOR_STATES)[number], number>;

/** The figures of the dashboard card, in one statement (states by ./stateSql.ts, today = current_date). */
export async function indicatorSummary(db: Knex): Promise<IndicatorSummary> {
  const { rows } = (await db.raw(SUMMARY_SQL)) as { rows: [SummaryRow] };
  const r = rows[0];
  return {
    as_of: r.as_of,
    total: r.total,
    counts: Object.fromEntries(INDICATOR_STATES.map((st) => [st, r[st]])) as IndicatorSummary['counts'],
    measures: r.measures,
    measures_on_track: r.measures_on_track,
  };
}

export const summaryModule: ExtraModule = {
  router(db: Knex) {
    const r = Router();
    r.get(
      '/indicators/summary',
      requireRole(...ACCESS.portfolio.read),
      async (_req: Request, res: Response) => {
        res.json(await indicatorSummary(db));
      },
    );
    return r;
  },
  paths: {
    '/indicators/summary': {
      get: {
        tags: ['reports'],
        summary:
          'Wirkungsindikatoren nach Stand: im Plan, knapp dahinter, deutlich dahinter, keine aktuellen Werte. Lesen: alle Rollen',
        description:
          'as_of, total, counts (on_track, behind, off_track, stale), measures (Maßnahmen mit Indikatoren), measures_on_track (alle ihre Indikatoren im Plan). Regel: api/features/indicators/stateSql.ts.',
        responses: {
          200: { description: 'Die Zahlen', content: { 'application/json': { schema: { type: 'object' } } } },
          401: {
            description: 'Nicht angemeldet',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
          },
        },
      },
    },
  },
};
