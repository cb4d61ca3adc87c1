import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { notFound } from '../../errors';
import { parseId } from '../../http/params';
import { requireRole } from '../../http/requireRole';
import { errorResponses, okJson } from '../funding/openapi';
import { removeTotp } from '../auth/mfa';
import { currentUser } from '../auth/session';
import type { ExtraModule } from '../feature';

/**
 * The CDO resets another user's second factor (a lost phone): the secret and the recovery codes go, the user's
 * sessions end, and the audit trail records who did it. The user sets up a new one at her next sign-in.
 */
function mfaResetRouter(db: Knex): Router {
  const router = Router();
  router.post('/users/:id/mfa_reset', requireRole('cdo'), async (req: Request, res: Response) => {
    const id = parseId(req.params.id);
    const user = (await db('users').where('id', id).first('id')) as { id: number } | undefined;
    if (!user) throw notFound();
    await removeTotp(db, currentUser(req), id, { endSessions: true });
    res.json({ ok: true });
  });
  return router;
}

export const mfaResetModule: ExtraModule = {
  router: mfaResetRouter,
  paths: {
    '/users/{id}/mfa_reset': {
      post: {
        tags: ['users'],
        summary:
          'Zweiten Faktor einer Person zurücksetzen (TOTP und Wiederherstellungscodes entfernen, ihre Sitzungen beenden; protokolliert). Nur für die Rolle CDO.',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
        responses: { 200: okJson('{ ok: true }'), ...errorResponses },
      },
    },
  },
};
