import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { notFound } from '../../errors';
import { parseId } from '../../http/params';
import { requireRole } from '../../http/requireRole';
import { ACCESS } from '../access';
import type { ExtraModule } from '../feature';
import { compareSnapshots } from './compare';
import type { ReportComparison } from './contract';
import { pdfFileName, renderStatusReportPdf } from './pdf';
import type { MeasureSnapshot } from './snapshot';
import type { MoneyFlow } from '../funding/contract';
import { canSeeMoney } from '../access';
import { currentUser } from '../auth/session';

/**
 * The issued monthly status report beyond its generic resource: what changed since the previous report (by
 * reported_on) and the report as PDF. Issuing stays POST /api/status_reports (the snapshot is frozen there).
 */

interface ReportPair {
  id: number;
  title: string;
  reported_on: string;
  created_at: string;
  author: string | null;
  snapshot: MeasureSnapshot[];
  money: MoneyFlow | null;
  prev_id: number | null;
  prev_title: string | null;
  prev_reported_on: string | null;
  prev_snapshot: MeasureSnapshot[] | null;
}

/** A report with its predecessor, in one statement. */
async function loadReport(db: Knex, id: number): Promise<ReportPair> {
  const { rows } = (await db.raw(
    `select r.id, r.title, r.reported_on, r.created_at, r.snapshot, r.money, u.name as author,
            p.id as prev_id, p.title as prev_title, p.reported_on as prev_reported_on, p.snapshot as prev_snapshot
     from status_reports r
     left join users u on u.id = r.author_id
     left join lateral (
       select id, title, reported_on, snapshot from status_reports p
       where (p.reported_on, p.id) < (r.reported_on, r.id) order by p.reported_on desc, p.id desc limit 1
     ) p on true
     where r.id = ?`,
    [id],
  )) as { rows: ReportPair[] };
  if (!rows[0]) throw notFound('Der Statusbericht wurde nicht gefunden.');
  return rows[0];
}

function comparison(r: ReportPair): ReportComparison {
  const previous =
    r.prev_id !== null ? { id: r.prev_id, title: r.prev_title!, reported_on: r.prev_reported_on! } : null;
  return {
    report: { id: r.id, title: r.title, reported_on: r.reported_on },
    previous,
    ...compareSnapshots(r.snapshot, r.prev_snapshot),
  };
}

const errorResponses = {
  400: { description: 'Ungültige ID' },
  401: { description: 'Nicht angemeldet' },
  403: { description: 'Keine Berechtigung' },
  404: { description: 'Statusbericht nicht gefunden' },
};
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };

export const statusReportModule: ExtraModule = {
  router(db: Knex) {
    const router = Router();

    const reader = requireRole(...ACCESS.statusReports.read);

    router.get('/status_reports/:id/comparison', reader, async (req: Request, res: Response) => {
      res.json(comparison(await loadReport(db, parseId(req.params.id))));
    });

    router.get('/status_reports/:id/pdf', reader, async (req: Request, res: Response) => {
      const r = await loadReport(db, parseId(req.params.id));
      const c = comparison(r);
      const pdf = await renderStatusReportPdf({
        title: r.title,
        reported_on: r.reported_on,
        created_at: r.created_at,
        author: r.author,
        snapshot: r.snapshot,
        // Money only for the roles that may see it (the report itself is readable by every role).
        money: canSeeMoney(currentUser(req).role) ? r.money : null,
        previous: c.previous,
        changes: c,
      });
      const inline = req.query.inline === '1';
      res.set({
        'Content-Type': 'application/pdf',
        'Content-Length': String(pdf.length),
        'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename="${pdfFileName(r.reported_on)}"`,
      });
      // Shown inside the dashboard (iframe) when inline: allow framing by the dashboard's own pages only.
      if (inline) {
        res.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'self'");
        res.set('X-Frame-Options', 'SAMEORIGIN');
      }
      res.end(pdf);
    });

    return router;
  },
  paths: {
    '/status_reports/{id}/comparison': {
      parameters: [idParam],
      get: {
        tags: ['status_reports'],
        summary: 'Änderungen seit dem vorigen Statusbericht (nach reported_on). Lesen: alle Rollen',
        description:
          'health_changes (geänderte Ampel), slipped_milestones (derselbe offene Meilenstein mit späterem Termin), new_measures, closed_measures (jetzt abgeschlossen/gestoppt, vorher nicht, oder entfernt). previous ist null beim ersten Bericht.',
        responses: { 200: { description: 'Vergleich (JSON)' }, ...errorResponses },
      },
    },
    '/status_reports/{id}/pdf': {
      parameters: [
        idParam,
        {
          name: 'inline',
          in: 'query',
          required: false,
          schema: { type: 'string', enum: ['1'] },
          description: '1 = im Browser anzeigen statt herunterladen',
        },
      ],
      get: {
        tags: ['status_reports'],
        summary: 'Statusbericht als PDF (A4, deutsch). Lesen: alle Rollen',
        description:
          'Titelseite (Titel, Monat, Autorin/Autor, Datum), Änderungen seit dem Vorbericht, Maßnahmen nach Handlungsfeld mit farbiger Ampel, Fortschritt, Hinweis und nächsten Meilensteinen; Fußzeile „Seite x von y“.',
        responses: {
          200: {
            description: 'Das PDF',
            content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
          },
          ...errorResponses,
        },
      },
    },
  },
};
