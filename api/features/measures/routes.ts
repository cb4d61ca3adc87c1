import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import type { TrendMilestone, TrendResponse } from './contract';
import { badRequest, notFound } from '../../errors';
import { toId } from '../../http/params';
import { ACCESS } from '../access';
import type { ExtraModule } from '../feature';
import { requireRole } from '../../http/requireRole';

/**
 * GET /api/milestones/trend: the data of the milestone trend analysis (MTA). Per milestone its forecast series
 * from milestone_forecasts (report date → forecast due date); a rising series is a slipping milestone.
 * Mounted before the generic resources, so "trend" never reaches GET /milestones/:id.
 */

/** Without a measure: the final milestones of measures in implementation, the most slipped first, at most this many. */
export const PORTFOLIO_LIMIT = 20;

/** The milestones first (filtered, ordered, limited), then each one's series through the (milestone_id, reported_on) index. */
function trendSql(where: string, orderLimit: string): string {
  return `
    select ms.*, coalesce(f.series, '[]'::json) as series
    from (
      select ms.id, ms.title, ms.measure_id, m.code as measure_code, m.title as measure_title,
             ms.baseline_date, ms.due_date, ms.completed_on, ms.is_final, (ms.due_date - ms.baseline_date) as slip_days
      from milestones ms join measures m on m.id = ms.measure_id
      where ${where} ${orderLimit}
    ) ms
    left join lateral (
      select json_agg(json_build_object('reported_on', fc.reported_on, 'due_date', fc.due_date) order by fc.reported_on) as series
      from milestone_forecasts fc where fc.milestone_id = ms.id
    ) f on true`;
}

export async function milestoneTrend(db: Knex, measureId?: number): Promise<TrendMilestone[]> {
  const { rows } = (await (measureId === undefined
    ? db.raw(
        `${trendSql("ms.is_final and m.status = 'implementation'", 'order by slip_days desc, m.code, ms.id limit ?')}
         order by ms.slip_days desc, ms.measure_code, ms.id`,
        [PORTFOLIO_LIMIT],
      )
    : db.raw(`${trendSql('ms.measure_id = ?', '')} order by ms.baseline_date, ms.id`, [measureId]))) as {
    rows: TrendMilestone[];
  };
  return rows;
}

function parseMeasureId(raw: unknown): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const id = typeof raw === 'string' ? toId(raw) : undefined;
  if (id === undefined)
    throw badRequest('Der Parameter "measure_id" muss eine Maßnahmen-ID (ganze Zahl) sein.', {
      measure_id: 'Ungültige ID',
    });
  return id;
}

export const trendModule: ExtraModule = {
  router(db: Knex) {
    const router = Router();
    router.get(
      '/milestones/trend',
      requireRole(...ACCESS.portfolio.read),
      async (req: Request, res: Response) => {
        const measureId = parseMeasureId(req.query.measure_id);
        let measure: TrendResponse['measure'] = null;
        if (measureId !== undefined) {
          measure = ((await db('measures').select('id', 'code', 'title').where('id', measureId).first()) ??
            null) as typeof measure;
          if (!measure) throw notFound('Die Maßnahme wurde nicht gefunden.');
        }
        const body: TrendResponse = {
          scope: measure ? 'measure' : 'portfolio',
          measure,
          milestones: await milestoneTrend(db, measureId),
        };
        res.json(body);
      },
    );
    return router;
  },
  paths: {
    '/milestones/trend': {
      get: {
        tags: ['reports'],
        summary: 'Meilensteintrendanalyse: Prognoseverlauf je Meilenstein (alle Rollen)',
        description:
          'Mit measure_id: alle Meilensteine der Maßnahme. Ohne: die Abschlussmeilensteine (is_final) der Maßnahmen in Umsetzung, die am stärksten verschobenen zuerst (höchstens 20). ' +
          'series: [{reported_on, due_date}] aus milestone_forecasts, nach Berichtsdatum.',
        parameters: [
          { name: 'measure_id', in: 'query', required: false, schema: { type: 'integer', minimum: 1 } },
        ],
        responses: {
          200: {
            description:
              '{ scope, measure, milestones: [{ id, title, measure_id, measure_code, measure_title, baseline_date, due_date, completed_on, is_final, slip_days, series }] }',
          },
          400: { description: 'Ungültige measure_id' },
          401: { description: 'Nicht angemeldet' },
          404: { description: 'Maßnahme nicht gefunden' },
        },
      },
    },
  },
};
