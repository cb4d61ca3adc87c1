import express, { type Request, type Response } from 'express';
import type { Knex } from 'knex';
import type { Config } from '../../config';
import { badRequest } from '../../errors';
import { requireRole } from '../../http/requireRole';
import { DATA_STEWARDS } from '../access';
import { currentUser } from '../auth/session';
import type { ExtraModule } from '../feature';
import { errorResponses, fileResponse, okJson } from '../funding/openapi';
import { addDays, berlinDate } from '../../officeDay';
import { retentionPreview } from './retention';
import { renderSubjectPdf } from './subjectPdf';
import { eraseSubject, findSubject, logAccess } from './subjects';

/**
 * The CDO's privacy desk. Names travel in POST bodies, never in URLs, so they reach no access log or history.
 *   GET  /privacy/retention[?on=YYYY-MM-DD]  what the retention run of that day (default: tomorrow) would anonymise
 *   GET  /privacy/log                        the last privacy runs and requests (without names)
 *   POST /privacy/subjects/search {q}        where a person is stored
 *   POST /privacy/subjects/export {q, format: json|pdf}   Art. 15 export as a download
 *   POST /privacy/subjects/erase {q, reason}              Art. 17 anonymisation
 */
function privacyRouter(db: Knex, config: Config): express.Router {
  const router = express.Router();
  router.use('/privacy', requireRole(...DATA_STEWARDS));

  router.get('/privacy/retention', async (req: Request, res: Response) => {
    const raw = req.query.on;
    let on = addDays(berlinDate(new Date()), 1);
    if (raw !== undefined) {
      if (typeof raw !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(raw)))
        throw badRequest('Das Datum muss die Form JJJJ-MM-TT haben.', { on: 'Ungültiges Datum' });
      on = raw;
    }
    res.json(await retentionPreview(db, on, config.contactRetentionMonths));
  });

  router.get('/privacy/log', async (req: Request, res: Response) => {
    const rows = await db('privacy_log as p')
      .leftJoin('users as u', 'u.id', 'p.user_id')
      .orderBy('p.at', 'desc')
      .limit(50)
      .select('p.id', 'p.at', 'p.kind', 'p.reason', 'p.counts', 'u.name as user');
    res.json(rows);
  });

  router.post('/privacy/subjects/search', async (req: Request, res: Response) => {
    res.json(await findSubject(db, (req.body as { q?: unknown } | undefined)?.q));
  });

  router.post('/privacy/subjects/export', async (req: Request, res: Response) => {
    const user = currentUser(req);
    const body = (req.body ?? {}) as { q?: unknown; format?: unknown };
    const format = body.format ?? 'json';
    if (format !== 'json' && format !== 'pdf')
      throw badRequest('Format muss json oder pdf sein.', { format: 'json oder pdf' });
    const findings = await findSubject(db, body.q);
    const createdAt = new Date().toISOString();
    await logAccess(db, user, findings, format);
    const name = `Auskunft_Art15_${createdAt.slice(0, 10)}.${format}`;
    res.set('Content-Disposition', `attachment; filename="${name}"`);
    if (format === 'pdf') {
      res.type('application/pdf').send(await renderSubjectPdf(findings, createdAt));
      return;
    }
    res.type('application/json').send(
      JSON.stringify(
        {
          auskunft: 'Art. 15 DSGVO',
          erstellt_am: createdAt,
          suchbegriff: findings.query,
          kontakte: findings.contacts,
          kooperationspartner: findings.partners,
          benutzer: findings.users,
          weitere_fundstellen: findings.occurrences,
        },
        null,
        2,
      ),
    );
  });

  router.post('/privacy/subjects/erase', async (req: Request, res: Response) => {
    const user = currentUser(req);
    const body = (req.body ?? {}) as { q?: unknown; reason?: unknown };
    res.json(await eraseSubject(db, user, body.q, body.reason));
  });

  return router;
}

const jsonBody = (properties: Record<string, unknown>, required: string[]) => ({
  required: true,
  content: { 'application/json': { schema: { type: 'object', properties, required } } },
});
const q = {
  type: 'string',
  description: 'Name, E-Mail-Adresse oder mehrere Begriffe (durch Komma getrennt)',
};
const CDO_ONLY = 'Nur für die Rolle CDO.';

export const privacyModule: ExtraModule = {
  router: privacyRouter,
  paths: {
    '/privacy/retention': {
      get: {
        tags: ['privacy'],
        summary: `Vorschau der Aufbewahrungsfrist: welche Kontakte der Lauf eines Tages anonymisieren würde. ${CDO_ONLY}`,
        parameters: [
          {
            name: 'on',
            in: 'query',
            required: false,
            description: 'Tag des Laufs (JJJJ-MM-TT), ohne Angabe morgen',
            schema: { type: 'string', format: 'date' },
          },
        ],
        responses: { 200: okJson('on, cutoff, months, due, held_back'), ...errorResponses },
      },
    },
    '/privacy/log': {
      get: {
        tags: ['privacy'],
        summary: `Die letzten Läufe und Anfragen (ohne Namen). ${CDO_ONLY}`,
        responses: { 200: okJson('Liste der Einträge'), ...errorResponses },
      },
    },
    '/privacy/subjects/search': {
      post: {
        tags: ['privacy'],
        summary: `Fundstellen einer Person in Kontakten, Ansprechpersonen der Partner und Benutzern. ${CDO_ONLY}`,
        requestBody: jsonBody({ q }, ['q']),
        responses: { 200: okJson('Fundstellen'), ...errorResponses },
      },
    },
    '/privacy/subjects/export': {
      post: {
        tags: ['privacy'],
        summary: `Auskunft nach Art. 15 DSGVO als JSON oder PDF. ${CDO_ONLY}`,
        requestBody: jsonBody({ q, format: { type: 'string', enum: ['json', 'pdf'] } }, ['q']),
        responses: {
          200: {
            ...fileResponse('application/json'),
            content: {
              ...fileResponse('application/json').content,
              ...fileResponse('application/pdf').content,
            },
          },
          ...errorResponses,
        },
      },
    },
    '/privacy/subjects/erase': {
      post: {
        tags: ['privacy'],
        summary: `Anonymisierung nach Art. 17 DSGVO mit Begründung, einschließlich der Änderungshistorie. ${CDO_ONLY}`,
        requestBody: jsonBody({ q, reason: { type: 'string', minLength: 5, maxLength: 500 } }, [
          'q',
          'reason',
        ]),
        responses: { 200: okJson('Anzahl der anonymisierten Einträge je Tabelle'), ...errorResponses },
      },
    },
  },
};
