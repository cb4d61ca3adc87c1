import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import type { Config } from '../../config';
import { AppError, notFound } from '../../errors';
import { writeAudit } from '../../rest/audit';
import { currentUser, fullAndAlive, hashToken, sessionToken } from './session';
import { describeUserAgent } from './userAgent';

const HANDLE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface SessionListRow {
  handle: string;
  created_at: string;
  last_seen_at: string;
  method: 'password' | 'oidc';
  user_agent: string | null;
  current: boolean;
}

/**
 * The signed-in user's own sessions for the "Sicherheit" page: list them, end one of the others, end all others.
 * Every route needs a full session (a half sign-in waiting for its second factor has no user here); a session is
 * named by its public handle, never by the hash of its token. The current session ends with logout, not here.
 */
export function sessionRouter(db: Knex, config: Pick<Config, 'sessionIdleMinutes' | 'sessionAbsoluteHours'>) {
  const router = Router();
  const alive = [config.sessionIdleMinutes, config.sessionAbsoluteHours];
  /** The caller and the hash of her session's token (she has one: currentUser found it). */
  const caller = (req: Request) => ({ user: currentUser(req), current: hashToken(sessionToken(req)!) });

  /** Ends the caller's sessions the query selects, with one audit row naming their handles. */
  const end = (req: Request, select: (q: Knex.QueryBuilder) => Knex.QueryBuilder) =>
    db.transaction(async (trx) => {
      const { user } = caller(req);
      const ended = (await select(trx('sessions').where('user_id', user.id))
        .delete()
        .returning('handle')) as { handle: string }[];
      const handles = ended.map((s) => s.handle);
      if (handles.length)
        await writeAudit(trx, user, 'update', 'users', user.id, { sessions: [handles, []] });
      return handles;
    });

  router.get('/auth/sessions', async (req: Request, res: Response) => {
    const { user, current } = caller(req);
    const rows = (await db('sessions as s')
      .where('s.user_id', user.id)
      .whereRaw(fullAndAlive('s'), alive)
      .orderBy('s.last_seen_at', 'desc')
      .select(
        's.handle',
        's.created_at',
        's.last_seen_at',
        's.method',
        's.user_agent',
        db.raw('s.id_hash = ? as current', [current]),
      )) as SessionListRow[];
    res.json(rows.map(({ user_agent, ...row }) => ({ ...row, device: describeUserAgent(user_agent) })));
  });

  // Before /:handle, which would otherwise take "others" for a handle.
  router.delete('/auth/sessions/others', async (req: Request, res: Response) => {
    const { current } = caller(req);
    const ended = await end(req, (q) => q.whereNot('id_hash', current));
    res.json({ ended: ended.length });
  });

  router.delete('/auth/sessions/:handle', async (req: Request, res: Response) => {
    const { user, current } = caller(req);
    const handle = String(req.params.handle);
    const unknown = () => notFound('Diese Sitzung gibt es nicht (mehr).');
    if (!HANDLE.test(handle)) throw unknown();
    const own = (await db('sessions').where({ handle, user_id: user.id }).first('id_hash')) as
      { id_hash: string } | undefined;
    if (!own) throw unknown();
    if (own.id_hash === current)
      throw new AppError(
        409,
        'current_session',
        'Die Sitzung auf diesem Gerät endet mit „Abmelden“ im Benutzermenü.',
      );
    if (!(await end(req, (q) => q.where('handle', handle))).length) throw unknown();
    res.json({ ok: true });
  });

  return router;
}
