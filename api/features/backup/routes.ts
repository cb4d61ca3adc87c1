import path from 'node:path';
import express, { type Request, type Response } from 'express';
import type { Knex } from 'knex';
import type { Config } from '../../config';
import { notFound } from '../../errors';
import { requireRole } from '../../http/requireRole';
import { DATA_STEWARDS } from '../access';
import type { ExtraModule } from '../feature';
import { errorResponses, fileResponse, okJson } from '../funding/openapi';
import { runJob } from '../metrics/jobs';
import { BACKUP_NAME, backupNow, listBackups } from './nightly';

/**
 *   GET  /backups         the automatic backups (name, size, time), newest first
 *   GET  /backups/:name   download one
 *   POST /backups         write one now
 */
function backupRouter(db: Knex, config: Config): express.Router {
  const router = express.Router();
  router.use('/backups', requireRole(...DATA_STEWARDS));
  const dir = path.resolve(config.backupDir);

  router.get('/backups', (req: Request, res: Response) => {
    res.json({ nightly: config.nightlyBackups, keep: config.backupKeep, files: listBackups(dir) });
  });

  router.get('/backups/:name', (req: Request, res: Response) => {
    const name = req.params.name as string;
    if (!BACKUP_NAME.test(name) || !listBackups(dir).some((f) => f.name === name))
      throw notFound('Diese Sicherung gibt es nicht.');
    res.download(path.join(dir, name), name, { dotfiles: 'deny' });
  });

  router.post('/backups', async (req: Request, res: Response) => {
    const summary = await runJob('backup', () => backupNow(db, config));
    const file = listBackups(dir).find((f) => f.name === path.basename(summary.file));
    res.status(201).json(file);
  });

  return router;
}

const CDO_ONLY = 'Nur für die Rolle CDO.';

export const backupModule: ExtraModule = {
  router: backupRouter,
  paths: {
    '/backups': {
      get: {
        tags: ['backups'],
        summary: `Die automatischen Sicherungen (Name, Größe, Zeit), neueste zuerst. ${CDO_ONLY}`,
        responses: { 200: okJson('nightly, keep, files'), ...errorResponses },
      },
      post: {
        tags: ['backups'],
        summary: `Jetzt eine Sicherung in BACKUP_DIR schreiben. ${CDO_ONLY}`,
        responses: { 201: okJson('Die neue Sicherung (name, bytes, created_at)'), ...errorResponses },
      },
    },
    '/backups/{name}': {
      get: {
        tags: ['backups'],
        summary: `Eine Sicherung herunterladen. ${CDO_ONLY}`,
        parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { 200: fileResponse('application/gzip'), ...errorResponses },
      },
    },
  },
};
