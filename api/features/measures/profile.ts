import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { notFound } from '../../errors';
import { attachment, fileNamePart } from '../../http/attachment';
import { parseId } from '../../http/params';
import { requireRole } from '../../http/requireRole';
import { germanDate, HEALTH_NOTE_LABEL, MEASURE_STATUS_LABELS } from '../../labels';
import { formatEuro } from '../../money';
import { documentFrame, h2, light, muted, renderPdf, table, type Content } from '../../pdf';
import { ACCESS, canSeeMoney } from '../access';
import { currentUser } from '../auth/session';
import type { ExtraModule } from '../feature';

/**
 * The one-page measure profile (Projektsteckbrief) for committees: goal, status and light with its reason,
 * milestones, partners, municipalities, money planned and spent (money only for the roles that may see it).
 * GET /api/measures/:id/profile.pdf, read by every role that reads measures. One statement.
 */

export interface MeasureProfile {
  code: string;
  title: string;
  summary: string | null;
  field_of_action: string;
  phase: string;
  status: string;
  health: string;
  health_note: string | null;
  progress: number;
  owner: string | null;
  lead_municipality: string | null;
  start_date: string | null;
  end_date: string | null;
  budget_cents: number;
  spent_cents: number;
  eligible_cents: number;
  municipalities: string[];
  partners: { name: string; role: string | null }[];
  milestones: {
    title: string;
    baseline_date: string;
    due_date: string;
    completed_on: string | null;
    is_final: boolean;
  }[];
}

/** At most this many milestones and partners, so the profile stays one page. */
export const PROFILE_ROWS = 14;

export async function loadProfile(db: Knex, id: number): Promise<MeasureProfile | undefined> {
  const { rows } = (await db.raw(
    `select m.code, m.title, m.summary, f.name as field_of_action, m.phase, m.status, m.health, m.health_note,
            m.progress, u.name as owner, lm.name as lead_municipality, m.start_date, m.end_date, m.budget_cents,
            coalesce((select sum(e.amount_cents) from expenditures e where e.measure_id = m.id), 0)::bigint as spent_cents,
            coalesce((select sum(e.amount_cents) from expenditures e where e.measure_id = m.id and e.eligible), 0)::bigint as eligible_cents,
            coalesce((select json_agg(mu.name order by mu.name) from measure_municipalities mm
                      join municipalities mu on mu.id = mm.municipality_id where mm.measure_id = m.id), '[]'::json) as municipalities,
            coalesce((select json_agg(json_build_object('name', p.name, 'role', mp.role) order by p.name)
                      from measure_partners mp join partners p on p.id = mp.partner_id where mp.measure_id = m.id), '[]'::json) as partners,
            coalesce((select json_agg(json_build_object('title', ms.title, 'baseline_date', ms.baseline_date, 'due_date', ms.due_date,
                                                        'completed_on', ms.completed_on, 'is_final', ms.is_final) order by ms.due_date, ms.id)
                      from milestones ms where ms.measure_id = m.id), '[]'::json) as milestones
     from measures m
     join fields_of_action f on f.id = m.field_of_action_id
     left join users u on u.id = m.owner_id
     left join municipalities lm on lm.id = m.lead_municipality_id
     where m.id = ?`,
    [id],
  )) as { rows: MeasureProfile[] };
  const row = rows[0];
  return (
    row && {
      ...row,
      budget_cents: Number(row.budget_cents),
      spent_cents: Number(row.spent_cents),
      eligible_cents: Number(row.eligible_cents),
    }
  );
}

const PHASES: Record<string, string> = { strategy: 'Strategiephase', implementation: 'Umsetzungsphase' };
const dateOr = (iso: string | null) => (iso ? germanDate(iso) : '—');

/** The milestones worth a committee's page: open ones first (soonest), then the latest reached. */
function shownMilestones(p: MeasureProfile) {
  const open = p.milestones.filter((m) => !m.completed_on);
  const done = p.milestones.filter((m) => m.completed_on).reverse();
  return [...open, ...done].slice(0, PROFILE_ROWS).sort((a, b) => a.due_date.localeCompare(b.due_date));
}

export function profileDocument(p: MeasureProfile, withMoney: boolean, today: string): object {
  const facts: Content[][] = [
    ['Handlungsfeld', p.field_of_action],
    [
      'Phase · Status',
      `${PHASES[p.phase] ?? p.phase} · ${MEASURE_STATUS_LABELS[p.status as keyof typeof MEASURE_STATUS_LABELS] ?? p.status}`,
    ],
    ['Ampel', light(p.health)],
    [HEALTH_NOTE_LABEL, p.health_note ?? '—'],
    ['Fortschritt', `${p.progress} %`],
    ['Laufzeit', `${dateOr(p.start_date)} – ${dateOr(p.end_date)}`],
    ['Verantwortlich', p.owner ?? '—'],
    ['Federführende Kommune', p.lead_municipality ?? 'kreisweit'],
    ['Beteiligte Kommunen', p.municipalities.length ? p.municipalities.join(', ') : 'kreisweit'],
  ];
  const milestones = shownMilestones(p);
  const content: Content[] = [
    { text: 'Projektsteckbrief · Smarte Region MYK10', style: 'kicker' },
    { text: `${p.code} · ${p.title}`, style: 'title', margin: [0, 2, 0, 6] },
    h2('Ziel'),
    { text: p.summary ?? '—', margin: [0, 0, 0, 6] },
    { table: { widths: [120, '*'], body: facts }, layout: 'noBorders', margin: [0, 0, 0, 4] },
    h2('Meilensteine'),
    milestones.length
      ? table(
          ['*', 62, 62, 62],
          ['Meilenstein', 'Basistermin', 'Prognose', 'Erreicht am'],
          milestones.map((m) => [
            { text: m.is_final ? `${m.title} (Abschluss)` : m.title, bold: m.is_final },
            germanDate(m.baseline_date),
            !m.completed_on && m.due_date < today
              ? { text: `${germanDate(m.due_date)} überfällig`, color: '#c62828', bold: true }
              : germanDate(m.due_date),
            dateOr(m.completed_on),
          ]),
        )
      : muted('Keine Meilensteine erfasst.'),
  ];
  if (p.milestones.length > milestones.length)
    content.push(muted(`… ${p.milestones.length - milestones.length} weitere Meilensteine im Cockpit.`));
  content.push(h2('Kooperationspartner'));
  content.push(
    p.partners.length
      ? table(
          ['*', 200],
          ['Partner', 'Rolle'],
          p.partners.slice(0, PROFILE_ROWS).map((x) => [x.name, x.role ?? '—']),
        )
      : muted('Keine Kooperationspartner erfasst.'),
  );
  if (withMoney) {
    const row = (label: string, cents: number): Content[] => [
      label,
      { text: formatEuro(cents), alignment: 'right' },
    ];
    content.push(h2('Mittel'));
    content.push(
      table(
        ['*', 110],
        ['', 'Betrag'],
        [
          row('Planbudget', p.budget_cents),
          row('verausgabt (alle Ausgaben)', p.spent_cents),
          row('davon zuwendungsfähig', p.eligible_cents),
          row('Planbudget noch offen', p.budget_cents - p.spent_cents),
        ],
      ),
    );
  }
  content.push(muted(`Stand: ${germanDate(today)}`, [0, 6, 0, 0]));
  return documentFrame(`Projektsteckbrief ${p.code}`, { subject: p.title }, content);
}

export const profileModule: ExtraModule = {
  router(db: Knex) {
    const router = Router();
    router.get(
      '/measures/:id/profile.pdf',
      requireRole(...ACCESS.portfolio.read),
      async (req: Request, res: Response) => {
        const profile = await loadProfile(db, parseId(req.params.id));
        if (!profile) throw notFound('Die Maßnahme wurde nicht gefunden.');
        const { rows } = (await db.raw('select current_date::text as today')) as {
          rows: { today: string }[];
        };
        const pdf = await renderPdf(
          profileDocument(profile, canSeeMoney(currentUser(req).role), rows[0]!.today),
        );
        res.set({
          'Content-Type': 'application/pdf',
          'Content-Length': String(pdf.length),
          'Content-Disposition': attachment(`Projektsteckbrief_${fileNamePart(profile.code)}.pdf`),
        });
        res.end(pdf);
      },
    );
    return router;
  },
  paths: {
    '/measures/{id}/profile.pdf': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
      get: {
        tags: ['reports'],
        summary: 'Projektsteckbrief einer Maßnahme als PDF (eine Seite A4, deutsch). Lesen: alle Rollen',
        description:
          'Ziel, Status, Ampel mit Begründung, Meilensteine, Kooperationspartner, Kommunen; Planbudget und Ausgaben nur für Rollen mit Zugriff auf Fördermittel.',
        responses: {
          200: {
            description: 'Das PDF',
            content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
          },
          400: { description: 'Ungültige ID' },
          401: { description: 'Nicht angemeldet' },
          404: { description: 'Maßnahme nicht gefunden' },
        },
      },
    },
  },
};
