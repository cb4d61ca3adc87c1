import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { attachment } from '../../http/attachment';
import { choiceParam, fiscalYearParam, idParam } from '../../http/params';
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
import { proofOfUseDocuments } from '../documents/pack';
import { proofFileName, proofPack, proofPdf, proofWorkbook } from './proofFiles';
import { proofKey, servedProof } from './proofOfUse';
import { interestRisk } from './interest';

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

  const proof = (req: Request) => {
    const query = req.query as Record<string, unknown>;
    const kind = choiceParam(query, 'kind', ['interim', 'final'] as const, 'final');
    const grantId = idParam(query, 'grant_id', true);
    const year = proofKey(kind, fiscalYearParam(query));
    return servedProof(db, grantId, kind, year, idParam(query, 'report_id'));
  };

  r.get('/reports/proof-of-use', reader, async (req: Request, res: Response) => {
    res.json(await proof(req));
  });

  r.get('/reports/proof-of-use.pdf', reader, async (req: Request, res: Response) => {
    const p = await proof(req);
    res.set('Content-Type', 'application/pdf');
    res.set('Content-Disposition', attachment(proofFileName(p, 'pdf')));
    res.send(await proofPdf(p));
  });

  r.get('/reports/proof-of-use.xlsx', reader, async (req: Request, res: Response) => {
    const p = await proof(req);
    res.set('Content-Type', XLSX_TYPE);
    res.set('Content-Disposition', attachment(proofFileName(p, 'xlsx')));
    res.send(await proofWorkbook(p, await createdBy(db, req)));
  });

  r.get('/reports/proof-of-use.zip', reader, async (req: Request, res: Response) => {
    const p = await proof(req);
    res.set('Content-Type', 'application/zip');
    res.set('Content-Disposition', attachment(proofFileName(p, 'zip')));
    const documents = await proofOfUseDocuments(db, p.grant.id, { from: p.period_start, to: p.period_end });
    const attached = documents.map((d) => ({
      name: `Dokumente/${d.folder}/${d.fileName}`,
      data: d.bytes,
      title: d.title,
    }));
    res.send(await proofPack(p, await createdBy(db, req), attached));
  });

  r.get('/reports/interest-risk', reader, async (req: Request, res: Response) => {
    res.json(await interestRisk(db, idParam(req.query as Record<string, unknown>, 'grant_id')));
  });

  return r;
}

const proofParams = [
  grantParam,
  {
    name: 'kind',
    in: 'query',
    required: false,
    description: 'interim (Zwischennachweis, mit Haushaltsjahr) oder final (Verwendungsnachweis, Standard)',
    schema: { type: 'string', enum: ['interim', 'final'] },
  },
  {
    ...yearParam,
    description: 'Haushaltsjahr; Pflicht beim Zwischennachweis, beim Verwendungsnachweis nicht erlaubt',
  },
  {
    name: 'report_id',
    in: 'query',
    required: false,
    description: 'Ein bestimmter Nachweis (proof_reports); ohne Angabe die neueste Version',
    schema: { type: 'integer', minimum: 1 },
  },
];

const proofPath = (summary: string, type?: string) => ({
  get: {
    tags: ['reports'],
    summary: `${summary} ${READERS_NOTE}`,
    description:
      'Ein ausgestellter Nachweis wird unverändert aus seinem eingefrorenen Stand geliefert; ein Entwurf (oder noch kein Nachweis) mit dem heutigen Stand.',
    parameters: proofParams,
    responses: { 200: type ? fileResponse(type) : okJson('Der Nachweis'), ...errorResponses },
  },
});

export const proofOfUseModule: ExtraModule = {
  router,
  paths: {
    '/reports/proof-of-use': proofPath(
      'Verwendungs- oder Zwischennachweis: zahlenmäßiger Nachweis, Sachbericht, Soll-Ist, Belegliste.',
    ),
    '/reports/proof-of-use.pdf': proofPath('Nachweis als PDF.', 'application/pdf'),
    '/reports/proof-of-use.xlsx': proofPath(
      'Nachweis als Excel-Datei (Nachweis, Soll-Ist, Belegliste).',
      XLSX_TYPE,
    ),
    '/reports/proof-of-use.zip': proofPath(
      'Paket für den Zuwendungsgeber: PDF, Excel-Datei und Inhaltsverzeichnis.',
      'application/zip',
    ),
    '/reports/interest-risk': {
      get: {
        tags: ['reports'],
        summary: `Zinsrisiko nach § 49a Abs. 4 VwVfG je eingegangenem Mittelabruf (Basiszinssatz + 5 Prozentpunkte). ${READERS_NOTE}`,
        description:
          'Je Abruf: nach Ablauf der Verwendungsfrist verwendete oder noch nicht verwendete Mittel, Zinsen vom Tag nach Eingang bis zur Verwendung (oder heute), tagesgenau je Basiszinssatz, Tage/365, je Abruf einmal kaufmännisch gerundet; per_day_cents: was heute je Tag hinzukommt. base_rate_missing: für das laufende Halbjahr ist kein Basiszinssatz erfasst.',
        parameters: [{ ...grantParam, required: false, description: 'Zuwendungsbescheid; ohne Angabe alle' }],
        responses: { 200: okJson('Zinsrisiko je Abruf mit Summe'), ...errorResponses },
      },
    },
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
