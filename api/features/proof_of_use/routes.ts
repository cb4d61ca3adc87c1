import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { attachment } from '../../http/attachment';
import { fiscalYearParam, idParam } from '../../http/params';
import { requireRole } from '../../http/requireRole';
import { loadExcel } from '../../lazyModules';
import { FUNDING_READERS } from '../access';
import { currentUser } from '../auth/session';
import type { ExtraModule } from '../feature';
import {
  errorResponses,
  fileResponse,
  grantParam,
  okJson,
  READERS_NOTE,
  yearParam,
} from '../funding/openapi';
import { addPlanSheet, planFileName, planTitle } from './planExport';
import { dbToday, planVsActual } from './planVsActual';
import { workbookBuffer } from './sheets';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Who made a file, and when (the database's today, like every date of the reports). */
export async function createdBy(db: Knex, req: Request): Promise<{ by: string; on: string }> {
  return { by: currentUser(req).name, on: await dbToday(db) };
}

function planParams(req: Request) {
  const query = req.query as Record<string, unknown>;
  return { grantId: idParam(query, 'grant_id', true), fiscalYear: fiscalYearParam(query) };
}

function router(db: Knex): Router {
  const r = Router();
  const reader = requireRole(...FUNDING_READERS);

  r.get('/reports/plan-vs-actual', reader, async (req: Request, res: Response) => {
    const { grantId, fiscalYear } = planParams(req);
    res.json(await planVsActual(db, grantId, fiscalYear));
  });

  r.get('/reports/plan-vs-actual.xlsx', reader, async (req: Request, res: Response) => {
    const { grantId, fiscalYear } = planParams(req);
    const plan = await planVsActual(db, grantId, fiscalYear);
    const wb = new (await loadExcel()).Workbook();
    wb.creator = 'MYK10 Steuerungscockpit';
    wb.title = planTitle(plan);
    addPlanSheet(wb, plan, await createdBy(db, req));
    res.set('Content-Type', XLSX_TYPE);
    res.set('Content-Disposition', attachment(planFileName(plan)));
    res.send(await workbookBuffer(wb));
  });

  return r;
}

export const proofOfUseModule: ExtraModule = {
  router,
  paths: {
    '/reports/plan-vs-actual': {
      get: {
        tags: ['reports'],
        summary: `Soll-Ist: Finanzierungsplan gegen zuwendungsfähige Zahlungen je Maßnahme und Kostenart. ${READERS_NOTE}`,
        description:
          'Je Maßnahme × Kostenart Soll, Ist, Abweichung in Cent und Basispunkten; Summen je Kostenart und gesamt. over_20: Zeile mehr als 20 % über Plan (ANBest-P Nr. 1.2); over_total: Gesamtbetrag überschritten.',
        parameters: [grantParam, yearParam],
        responses: { 200: okJson('Der Soll-Ist-Vergleich'), ...errorResponses },
      },
    },
    '/reports/plan-vs-actual.xlsx': {
      get: {
        tags: ['reports'],
        summary: `Soll-Ist als Excel-Datei. ${READERS_NOTE}`,
        parameters: [grantParam, yearParam],
        responses: { 200: fileResponse(XLSX_TYPE), ...errorResponses },
      },
    },
  },
};
