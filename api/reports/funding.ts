import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { attachment, choiceParam, fiscalYearParam, fundingReader, idParam } from '../funding/rules';
import { fundingCsv, fundingWorkbook, reportFileName, VIEWS } from './fundingExport';
import { fundingReport } from './fundingQuery';
import { trancheUsage } from './fundingUsage';
import type { ExtraModule } from './index';
import {
  errorResponses,
  fileResponse,
  grantParam,
  okJson,
  READERS_NOTE as readers,
  yearParam,
} from './fundingOpenapi';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function reportParams(req: Request) {
  fundingReader(req);
  const query = req.query as Record<string, unknown>;
  return { grantId: idParam(query, 'grant_id', true), fiscalYear: fiscalYearParam(query) };
}

function router(db: Knex): Router {
  const r = Router();

  r.get('/reports/funding', async (req: Request, res: Response) => {
    const { grantId, fiscalYear } = reportParams(req);
    res.json(await fundingReport(db, grantId, fiscalYear));
  });

  r.get('/reports/funding.xlsx', async (req: Request, res: Response) => {
    const { grantId, fiscalYear } = reportParams(req);
    const report = await fundingReport(db, grantId, fiscalYear);
    res.set('Content-Type', XLSX_TYPE);
    res.set('Content-Disposition', attachment(reportFileName(report, 'xlsx')));
    res.send(await fundingWorkbook(report));
  });

  r.get('/reports/funding.csv', async (req: Request, res: Response) => {
    const { grantId, fiscalYear } = reportParams(req);
    const view = choiceParam(req.query as Record<string, unknown>, 'view', VIEWS, 'measures');
    const report = await fundingReport(db, grantId, fiscalYear);
    res.set('Content-Type', 'text/csv; charset=utf-8');
    res.set('Content-Disposition', attachment(reportFileName(report, 'csv', view)));
    res.send(fundingCsv(report, view));
  });

  r.get('/tranches/usage', async (req: Request, res: Response) => {
    fundingReader(req);
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
