import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { attachment } from '../../http/attachment';
import { choiceParam, fiscalYearParam, idParam } from '../../http/params';
import { fundingCsv, fundingWorkbook, reportFileName, VIEWS } from './reportExport';
import type { FundingReport } from './contract';
import { SnapshotCache } from '../../db/snapshotCache';
import { fundingReport } from './reportQuery';
import { trancheUsage } from './usage';
import type { ExtraModule } from '../feature';
import { requireRole } from '../../http/requireRole';
import { currentUser } from '../auth/session';
import { FUNDING_READERS } from '../access';
import {
  errorResponses,
  fileResponse,
  grantParam,
  okJson,
  READERS_NOTE as readers,
  yearParam,
} from './openapi';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function reportParams(req: Request) {
  const query = req.query as Record<string, unknown>;
  return { grantId: idParam(query, 'grant_id', true), fiscalYear: fiscalYearParam(query) };
}

function router(db: Knex): Router {
  const r = Router();
  const reader = requireRole(...FUNDING_READERS);
  // One computation per grant, year and database state serves the page and both exports (never mutated).
  const reports = new SnapshotCache<FundingReport>(db);
  const report = ({ grantId, fiscalYear }: ReturnType<typeof reportParams>) =>
    reports.get(`${grantId}/${fiscalYear ?? 'all'}`, () => fundingReport(db, grantId, fiscalYear));

  r.get('/reports/funding', reader, async (req: Request, res: Response) => {
    res.json(await report(reportParams(req)));
  });

  // The workbook names who exported it and when: one per report, person and data state (which holds the day).
  const workbooks = new SnapshotCache<{ data: FundingReport; file: Buffer }>(db, 10);
  r.get('/reports/funding.xlsx', reader, async (req: Request, res: Response) => {
    const params = reportParams(req);
    const by = currentUser(req).name;
    const { data, file } = await workbooks.get(
      JSON.stringify([params.grantId, params.fiscalYear ?? 'all', by]),
      async () => {
        const data = await report(params);
        const { rows } = (await db.raw('select current_date as today')) as { rows: [{ today: string }] };
        return { data, file: await fundingWorkbook(data, by, rows[0].today) };
      },
    );
    res.set('Content-Type', XLSX_TYPE);
    res.set('Content-Disposition', attachment(reportFileName(data, 'xlsx')));
    res.send(file);
  });

  r.get('/reports/funding.csv', reader, async (req: Request, res: Response) => {
    const params = reportParams(req);
    const view = choiceParam(req.query as Record<string, unknown>, 'view', VIEWS, 'measures');
    const data = await report(params);
    res.set('Content-Type', 'text/csv; charset=utf-8');
    res.set('Content-Disposition', attachment(reportFileName(data, 'csv', view)));
    res.send(fundingCsv(data, view));
  });

  r.get('/tranches/usage', reader, async (req: Request, res: Response) => {
    const query = req.query as Record<string, unknown>;
    res.json(
      await trancheUsage(
        db,
        idParam(query, 'grant_id', true),
        idParam(query, 'tranche_id'),
        fiscalYearParam(query),
      ),
    );
  });

  return r;
}

export const fundingModule: ExtraModule = {
  router,
  paths: {
    '/reports/funding': {
      get: {
        tags: ['reports'],
        summary: `Förderbericht je Maßnahme und Kostenart mit Summen. ${readers}`,
        description:
          'Geplant, bewilligt, angefordert, eingegangen, verausgabt (zuwendungsfähig), Bundes- und Eigenanteil, Restbudget. Bewilligt nur als Summe der Haushaltsjahre; Mittelabrufe ohne Maßnahme in der Zeile „nicht zugeordnet“.',
        parameters: [grantParam, yearParam],
        responses: { 200: okJson('Der Bericht'), ...errorResponses },
      },
    },
    '/reports/funding.xlsx': {
      get: {
        tags: ['reports'],
        summary: `Förderbericht als Excel-Datei (Blätter „Nach Maßnahme“, „Nach Kostenart“). ${readers}`,
        parameters: [grantParam, yearParam],
        responses: { 200: fileResponse(XLSX_TYPE), ...errorResponses },
      },
    },
    '/reports/funding.csv': {
      get: {
        tags: ['reports'],
        summary: `Förderbericht als CSV für Excel (UTF-8 mit BOM, Semikolon, Dezimalkomma). ${readers}`,
        parameters: [
          grantParam,
          yearParam,
          {
            name: 'view',
            in: 'query',
            required: false,
            description: 'measures (Standard) oder categories',
            schema: { type: 'string', enum: [...VIEWS] },
          },
        ],
        responses: { 200: fileResponse('text/csv'), ...errorResponses },
      },
    },
    '/tranches/usage': {
      get: {
        tags: ['tranches'],
        summary: `Verwendung früherer Mittelabrufe (eingegangen, verausgabt, offen, Quote, Verwendungsfrist). ${readers}`,
        parameters: [
          grantParam,
          {
            name: 'tranche_id',
            in: 'query',
            required: false,
            description: 'Nur Mittelabrufe mit kleinerer Nummer als dieser (beim Bearbeiten)',
            schema: { type: 'integer', minimum: 1 },
          },
          {
            ...yearParam,
            description:
              'Mit Haushaltsjahr: verbleibendes Jahresbudget in "budget" (ohne den bearbeiteten Abruf)',
          },
        ],
        responses: { 200: okJson('Die Mittelabrufe mit Summen'), ...errorResponses },
      },
    },
  },
};
