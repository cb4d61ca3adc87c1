import path from 'node:path';
import express, { type Request, type Response, type Router } from 'express';
import type { Knex } from 'knex';
import type { Config } from '../../config';
import { notFound } from '../../errors';
import { runJob } from '../metrics/jobs';
import { requireCdo } from '../privacy/guard';
import { BACKUP_NAME, backupNow, listBackups } from './nightly';

/**
 *   GET  /backups         the automatic backups (name, size, time), newest first
 *   GET  /backups/:name   download one
 *   POST /backups         write one now
 */
export function backupRouter(db: Knex, config: Config): Router {
  const router = express.Router();
  const dir = path.resolve(config.backupDir);

  router.get('/backups', (req: Request, res: Response) => {
    requireCdo(req);
    res.json({ nightly: config.nightlyBackups, keep: config.backupKeep, files: listBackups(dir) });
  });

  router.get('/backups/:name', (req: Request, res: Response) => {
    requireCdo(req);
    const name = req.params.name as string;
    if (!BACKUP_NAME.test(name) || !listBackups(dir).some((f) => f.name === name))
      throw notFound('Diese Sicherung gibt es nicht.');
    res.download(path.join(dir, name), name, { dotfiles: 'deny' });
  });

  router.post('/backups', async (req: Request, res: Response) => {
    requireCdo(req);
    const summary = await runJob('backup', () => backupNow(db, config));
    const file = listBackups(dir).find((f) => f.name === path.basename(summary.file));
    res.status(201).json(file);
  });

  return router;
}
