import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { ROLES } from '../../domain';
import { badRequest } from '../../errors';
import { requireRole } from '../../http/requireRole';
import { currentUser } from '../auth/session';
import type { ExtraModule } from '../feature';
import { SEARCH_MIN_LENGTH, type SearchResponse } from './contract';
import { search } from './search';

const MAX_QUERY = 100;

export const searchModule: ExtraModule = {
  router(db: Knex) {
    const router = Router();
    router.get('/search', requireRole(...ROLES), async (req: Request, res: Response) => {
      const raw = req.query.q;
      if (raw !== undefined && typeof raw !== 'string')
        throw badRequest('Der Parameter "q" darf nur einmal angegeben werden.');
      const q = (raw ?? '').trim();
      if (q.length > MAX_QUERY)
        throw badRequest(`Der Suchbegriff darf höchstens ${MAX_QUERY} Zeichen lang sein.`);
      const body: SearchResponse = {
        q,
        groups: q.length < SEARCH_MIN_LENGTH ? [] : await search(db, currentUser(req), q),
      };
      res.json(body);
    });
    return router;
  },
  paths: {
    '/search': {
      get: {
        tags: ['search'],
        summary: 'Suche über Maßnahmen, Meilensteine, Partner, Kontakte, Bescheide und Mittelabrufe',
        description:
          'Jede Art mit ihrer erklärten Volltext- bzw. Teilwortsuche (wie `q` in den Listen) und der Zeilenregel der Rolle, höchstens 5 Treffer je Art; nur Arten, die die Rolle lesen darf (Kontakte: CDO, Steuerung, Lotsinnen – diese nur für ihre Kommunen). Partner mit Treffer im Namen zuerst. Unter 2 Zeichen keine Treffer.',
        parameters: [
          { name: 'q', in: 'query', required: true, schema: { type: 'string', maxLength: MAX_QUERY } },
        ],
        responses: {
          200: { description: '{ q, groups: [{ type, hits: [{ id, label, detail }] }] }' },
          400: { description: 'Ungültiger Suchbegriff' },
          401: { description: 'Nicht angemeldet' },
        },
      },
    },
  },
};
