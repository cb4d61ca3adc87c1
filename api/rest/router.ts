import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { AppError, forbidden, notFound } from '../errors';
import { currentUser } from '../features/auth/session';
import { parseId, versionOfIfMatch } from '../http/params';
import { parseListParams } from './listParams';
import { getRow, listRows } from './query';
import { canRead, type ResourceDef } from './resource';
import { createRecord, deleteRecord, updateRecord } from './write';

function readableBy(def: ResourceDef, req: Request) {
  const user = currentUser(req);
  if (!canRead(def, user.role)) throw forbidden();
  return user;
}

/** ra-data-simple-rest routes for one declared resource. */
export function resourceRouter(db: Knex, def: ResourceDef): Router {
  const router = Router();
  const base = `/${def.name}`;

  router.get(base, async (req: Request, res: Response) => {
    const user = readableBy(def, req);
    const params = parseListParams(def, user.role, req.query as Record<string, unknown>);
    const { rows, total } = await listRows(db, def, user, params);
    const last = params.offset + rows.length - 1;
    res.set(
      'Content-Range',
      rows.length ? `${def.name} ${params.offset}-${last}/${total}` : `${def.name} */${total}`,
    );
    res.set('X-Total-Count', String(total));
    res.json(rows);
  });

  router.get(`${base}/:id`, async (req: Request, res: Response) => {
    const user = readableBy(def, req);
    const row = await getRow(db, def, user, parseId(req.params.id));
    if (!row) throw notFound();
    res.json(row);
  });

  router.post(base, async (req: Request, res: Response) => {
    const user = readableBy(def, req);
    res.status(201).json(await createRecord({ db, user }, def, req.body));
  });

  router.put(`${base}/:id`, async (req: Request, res: Response) => {
    const user = readableBy(def, req);
    if (!def.updatable)
      throw new AppError(
        405,
        'method_not_allowed',
        `Einträge in "${def.name}" können nicht geändert werden; bitte löschen und neu anlegen.`,
        undefined,
        { Allow: 'GET, POST, DELETE' },
      );
    res.json(await updateRecord({ db, user }, def, parseId(req.params.id), req.body));
  });

  router.delete(`${base}/:id`, async (req: Request, res: Response) => {
    const user = readableBy(def, req);
    const version = versionOfIfMatch(req.get('If-Match'));
    res.json(await deleteRecord({ db, user }, def, parseId(req.params.id), version));
  });

  return router;
}
