import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { SnapshotCache } from '../../db/snapshotCache';
import { currentUser, hashToken, newToken } from '../auth/session';
import type { Config } from '../../config';
import type { Role } from '../../domain';
import { notFound } from '../../errors';
import { germanDate } from '../../labels';
import { formatEuro } from '../../money';
import { canSeeContacts, canSeeMoney } from '../access';
import {
  finalProofOpenSql,
  interimProofOpenSql,
  spendDeadlineOpenSql,
  spendDeadlineSql,
  transferProofOpenSql,
  unspentSql,
} from '../funding/deadlineSql';
import type { ExtraModule } from '../feature';
import { renderCalendar, type IcsEvent } from './ics';

/**
 * The personal deadline calendar (iCalendar): open milestones for everyone; open spend deadlines and open proofs
 * (api/features/funding/deadlineSql.ts, as in the deadline monitor) for roles that may read funding; the user's own open follow-ups for roles
 * that may read contacts. Served to the session (GET /api/calendar.ics) and, for Outlook and other subscribers,
 * under a secret per-user URL (GET /api/calendar/<token>.ics) that works without a session. Only the token's
 * SHA-256 is stored (users.calendar_token_hash); issuing a new one invalidates the old URL.
 */

interface CalendarUser {
  id: number;
  name: string;
  role: Role;
}

const DOMAIN = 'myk10-cockpit';

async function rows<T>(db: Knex, sql: string, bindings: readonly Knex.RawBinding[] = []): Promise<T[]> {
  return ((await db.raw(sql, bindings)) as { rows: T[] }).rows;
}

interface MilestoneRow {
  id: number;
  title: string;
  due_date: string;
  baseline_date: string;
  is_final: boolean;
  updated_at: string;
  code: string;
  measure_title: string;
}
interface TrancheRow {
  id: number;
  number: number;
  fiscal_year: number;
  received_on: string;
  received_cents: number;
  phase: string;
  file_number: string;
  deadline: string;
  unspent: number;
  updated_at: string;
  code: string | null;
}
interface ProofRow {
  kind: 'grant' | 'grant_year' | 'transfer';
  id: number;
  due: string;
  label: string;
  detail: string | null;
  amount_cents: number | null;
  updated_at: string;
}
interface FollowUpRow {
  id: number;
  follow_up_on: string;
  topic: string;
  municipality: string;
  person_name: string | null;
  notes: string | null;
  updated_at: string;
}

export async function calendarEvents(db: Knex, user: CalendarUser): Promise<IcsEvent[]> {
  const money = canSeeMoney(user.role);
  const [milestones, tranches, proofs, followUps] = await Promise.all([
    rows<MilestoneRow>(
      db,
      `select ms.id, ms.title, ms.due_date, ms.baseline_date, ms.is_final, ms.updated_at, m.code, m.title as measure_title
       from milestones ms join measures m on m.id = ms.measure_id
       where ms.completed_on is null order by ms.due_date, ms.id`,
    ),
    money
      ? rows<TrancheRow>(
          db,
          `select tranches.id, tranches.number, tranches.fiscal_year, tranches.received_on, tranches.received_cents,
                  g.phase, g.file_number, ${spendDeadlineSql('tranches', 'g')} as deadline,
                  ${unspentSql('tranches')} as unspent, tranches.updated_at, m.code
           from tranches join grants g on g.id = tranches.grant_id left join measures m on m.id = tranches.measure_id
           where ${spendDeadlineOpenSql('tranches')}
           order by deadline, tranches.id`,
        )
      : [],
    money
      ? rows<ProofRow>(
          db,
          `select 'grant' as kind, g.id, g.proof_due_on as due, g.phase as label, g.file_number as detail,
                  null::bigint as amount_cents, g.updated_at
           from grants g where g.proof_due_on is not null and ${finalProofOpenSql('g')}
           union all
           select 'grant_year', y.id, y.interim_proof_due_on, g.phase, y.fiscal_year::text, y.approved_cents, y.updated_at
           from grant_years y join grants g on g.id = y.grant_id
           where y.interim_proof_due_on is not null and ${interimProofOpenSql('y')}
           union all
           select 'transfer', t.id, t.proof_due_on, coalesce(mu.name, p.name), m.code, t.amount_cents, t.updated_at
           from transfers t join measures m on m.id = t.measure_id
           left join municipalities mu on mu.id = t.municipality_id left join partners p on p.id = t.partner_id
           where t.proof_due_on is not null and ${transferProofOpenSql('t')}
           order by 3, 1, 2`,
        )
      : [],
    canSeeContacts(user.role)
      ? rows<FollowUpRow>(
          db,
          `select c.id, c.follow_up_on, c.topic, mu.name as municipality, c.person_name, c.notes, c.updated_at
           from contacts c join municipalities mu on mu.id = c.municipality_id
           where c.author_id = ? and c.follow_up_on is not null and not c.follow_up_done
           order by c.follow_up_on, c.id`,
          [user.id],
        )
      : [],
  ]);

  const events: IcsEvent[] = milestones.map((m) => ({
    uid: `milestone-${m.id}@${DOMAIN}`,
    date: m.due_date,
    summary: `${m.is_final ? 'Abschlussmeilenstein' : 'Meilenstein'} ${m.code}: ${m.title}`,
    description: [
      `Maßnahme ${m.code} – ${m.measure_title}`,
      `Geplanter Termin: ${germanDate(m.due_date)} (Basis: ${germanDate(m.baseline_date)})`,
    ].join('\n'),
    categories: ['Meilenstein'],
    lastModified: m.updated_at,
  }));
  for (const t of tranches)
    events.push({
      uid: `tranche-${t.id}-spend@${DOMAIN}`,
      date: t.deadline,
      summary: `Verwendungsfrist Mittelabruf Nr. ${t.number} (${t.phase}): ${formatEuro(Number(t.unspent))} offen`,
      description: [
        `Mittelabruf Nr. ${t.number}, Haushaltsjahr ${t.fiscal_year}, Bescheid ${t.file_number}${t.code ? `, Maßnahme ${t.code}` : ''}`,
        `Eingegangen am ${germanDate(t.received_on)}: ${formatEuro(Number(t.received_cents))}`,
        `Noch nicht verausgabt: ${formatEuro(Number(t.unspent))}`,
      ].join('\n'),
      categories: ['Fördermittel', 'Frist'],
      lastModified: t.updated_at,
    });
  for (const p of proofs) {
    const amount = p.amount_cents === null ? '' : ` (${formatEuro(Number(p.amount_cents))})`;
    const texts = {
      grant: [
        `Verwendungsnachweis ${p.label}`,
        `Verwendungsnachweis für den Bescheid ${p.detail ?? ''} (${p.label}) fällig`,
      ],
      grant_year: [
        `Zwischennachweis ${p.detail ?? ''} (${p.label})`,
        `Zwischennachweis für das Haushaltsjahr ${p.detail ?? ''}${amount} fällig`,
      ],
      transfer: [
        `Nachweis Weiterleitung: ${p.label}`,
        `Verwendungsnachweis der Weiterleitung an ${p.label}${amount}, Maßnahme ${p.detail ?? ''}, fällig`,
      ],
    }[p.kind];
    events.push({
      uid: `${p.kind.replace('_', '-')}-${p.id}-proof@${DOMAIN}`,
      date: p.due,
      summary: texts[0]!,
      description: texts[1]!,
      categories: ['Fördermittel', 'Nachweis'],
      lastModified: p.updated_at,
    });
  }
  for (const f of followUps)
    events.push({
      uid: `contact-${f.id}-follow-up@${DOMAIN}`,
      date: f.follow_up_on,
      summary: `Wiedervorlage ${f.municipality}: ${f.topic}`,
      description: [f.person_name ? `Ansprechperson: ${f.person_name}` : '', f.notes ?? '']
        .filter(Boolean)
        .join('\n'),
      categories: ['Wiedervorlage'],
      lastModified: f.updated_at,
    });
  return events;
}

const gzip = promisify(zlib.gzip);

interface Feed {
  body: Buffer;
  gzipped: Buffer;
}

/**
 * The rendered feed, once per person and database state (at factor 10 it holds ~8,000 open milestones, 1.6 MB:
 * ~0.5 s to build), kept plain and gzipped: calendar programs poll it and accept gzip, which sends about a tenth.
 * The key carries everything the feed depends on besides the data: id, role and name.
 */
function feedCache(db: Knex) {
  const cache = new SnapshotCache<Feed>(db, 50);
  return (user: CalendarUser) =>
    cache.get(JSON.stringify([user.id, user.role, user.name]), async () => {
      const text = renderCalendar({
        name: `MYK10 Cockpit – ${user.name}`,
        description: 'Termine und Fristen aus dem MYK10 Steuerungscockpit',
        now: new Date(),
        events: await calendarEvents(db, user),
      });
      const body = Buffer.from(text, 'utf8');
      return { body, gzipped: await gzip(body) };
    });
}

/** gzip only when the client says so: without Accept-Encoding a client gets the plain text. */
const wantsGzip = (req: Request): boolean =>
  req.get('accept-encoding') !== undefined && req.acceptsEncodings('gzip') === 'gzip';

async function sendFeed(
  feed: ReturnType<typeof feedCache>,
  user: CalendarUser,
  req: Request,
  res: Response,
): Promise<void> {
  const { body, gzipped } = await feed(user);
  res.set({
    'Content-Type': 'text/calendar; charset=utf-8',
    'Content-Disposition': 'inline; filename="MYK10-Kalender.ics"',
    Vary: 'Accept-Encoding',
  });
  if (wantsGzip(req)) res.set('Content-Encoding', 'gzip').send(gzipped);
  else res.send(body);
}

const TOKEN_FILE = /^([A-Za-z0-9_-]{43})\.ics$/;
/** /calendar/<anything>.ics; the token's form is checked in the handler (a malformed one is a 404). */
const TOKEN_FEED_PATH = /^\/calendar\/([^/]+\.ics)$/;

function origin(req: Request, config: Config): string {
  return config.publicOrigin ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

/**
 * GET /api/calendar/<token>.ics, the one extra route without a session (calendar programs send no cookies):
 * the secret in the URL is the credential. Mounted by the app before the sign-in check, on its own.
 */
export function calendarTokenFeed(db: Knex): Router {
  const router = Router();
  const feed = feedCache(db);
  router.get(TOKEN_FEED_PATH, async (req: Request, res: Response) => {
    const token = TOKEN_FILE.exec(String(req.params[0]))?.[1];
    const user = token
      ? ((await db('users')
          .select('id', 'name', 'role')
          .where({ calendar_token_hash: hashToken(token), active: true })
          .first()) as CalendarUser | undefined)
      : undefined;
    if (!user) throw notFound('Dieser Kalender-Link ist ungültig oder wurde erneuert.');
    await sendFeed(feed, user, req, res);
  });
  return router;
}

export const calendarModule: ExtraModule = {
  router(db: Knex, config: Config) {
    const router = Router();
    const feed = feedCache(db);

    router.get('/calendar.ics', async (req: Request, res: Response) => {
      await sendFeed(feed, currentUser(req), req, res);
    });

    router.get('/calendar/token', async (req: Request, res: Response) => {
      const user = currentUser(req);
      const row = (await db('users').select('calendar_token_hash').where('id', user.id).first()) as
        { calendar_token_hash: string | null } | undefined;
      res.json({ active: Boolean(row?.calendar_token_hash) });
    });

    // Creates or renews the subscription URL; the token is shown this once, only its hash is kept.
    router.post('/calendar/token', async (req: Request, res: Response) => {
      const user = currentUser(req);
      const token = newToken();
      await db('users')
        .where('id', user.id)
        .update({ calendar_token_hash: hashToken(token), updated_at: db.fn.now() });
      const path = `/api/calendar/${token}.ics`;
      const url = `${origin(req, config)}${path}`;
      res.status(201).json({ active: true, path, url, webcal_url: url.replace(/^https?:/, 'webcal:') });
    });

    router.delete('/calendar/token', async (req: Request, res: Response) => {
      const user = currentUser(req);
      await db('users').where('id', user.id).update({ calendar_token_hash: null, updated_at: db.fn.now() });
      res.json({ active: false });
    });

    return router;
  },
  paths: {
    '/calendar.ics': {
      get: {
        tags: ['calendar'],
        summary: 'Persönlicher Terminkalender (iCalendar, alle Rollen)',
        description:
          'Offene Meilensteine (ganztägig am due_date); für Rollen mit Lesezugriff auf Fördermittel die Verwendungsfristen eingegangener Mittelabrufe mit nicht verausgabtem Rest und die offenen Nachweisfristen (Bescheid, Haushaltsjahr, Weiterleitung; offen wie im Fristenmonitor); für Rollen mit Lesezugriff auf Kontakte die eigenen offenen Wiedervorlagen.',
        responses: {
          200: { description: 'text/calendar', content: { 'text/calendar': { schema: { type: 'string' } } } },
          401: { description: 'Nicht angemeldet' },
        },
      },
    },
    '/calendar/token': {
      get: {
        tags: ['calendar'],
        summary: 'Ob ein Abonnement-Link besteht ({active})',
        responses: { 200: { description: '{ active: boolean }' }, 401: { description: 'Nicht angemeldet' } },
      },
      post: {
        tags: ['calendar'],
        summary:
          'Abonnement-Link erzeugen oder erneuern (der alte wird ungültig); der Link wird nur dieses eine Mal angezeigt',
        responses: {
          201: { description: '{ active, path: "/api/calendar/<token>.ics", url, webcal_url }' },
          401: { description: 'Nicht angemeldet' },
        },
      },
      delete: {
        tags: ['calendar'],
        summary: 'Abonnement-Link widerrufen',
        responses: { 200: { description: '{ active: false }' }, 401: { description: 'Nicht angemeldet' } },
      },
    },
    '/calendar/{token}.ics': {
      parameters: [{ name: 'token', in: 'path', required: true, schema: { type: 'string' } }],
      get: {
        tags: ['calendar'],
        summary: 'Derselbe Kalender über den geheimen Abonnement-Link, ohne Anmeldung (für Outlook u. a.)',
        security: [],
        responses: {
          200: { description: 'text/calendar' },
          404: { description: 'Link ungültig oder erneuert' },
        },
      },
    },
  },
};
