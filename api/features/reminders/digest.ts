import type { Knex } from 'knex';
import { germanDate, HEALTH_LABELS } from '../../labels';
import { formatEuro } from '../../money';

/** The CDO's weekly digest: what changed in the seven days up to the run day. */
export interface Digest {
  from: string;
  to: string;
  lights: { code: string; title: string; before: string | null; after: string }[];
  slipped: { code: string; title: string; days: number }[];
  overdue: { code: string; title: string; due_on: string }[];
  drawn_cents: number;
  spent_cents: number;
  no_contact: { name: string; last_contact_on: string | null }[];
}

/** Days without contact after which a municipality counts as left alone (as on the dashboard). */
const NO_CONTACT_DAYS = 30;

export async function digestContext(db: Knex | Knex.Transaction, today: string): Promise<Digest> {
  const p = { today };
  const q = async <T>(sql: string): Promise<T[]> => ((await db.raw(sql, p)) as { rows: T[] }).rows;
  const [lights, slipped, overdue, money, noContact] = await Promise.all([
    // Per measure with a light change in the week: the light before its first change and after its last.
    q<Digest['lights'][number]>(`
      select m.code, m.title,
        (array_agg(a.changes->'health'->>0 order by a.at, a.id))[1] as before,
        (array_agg(a.changes->'health'->>1 order by a.at desc, a.id desc))[1] as after
      from audit_entries a join measures m on m.id = a.record_id
      where a.resource = 'measures' and a.changes->'health' is not null
        and (a.at at time zone 'Europe/Berlin')::date > :today::date - 7
        and (a.at at time zone 'Europe/Berlin')::date <= :today::date
      group by m.id, m.code, m.title
      order by m.code`),
    // Forecasts reported in the week that moved a milestone later than its previous forecast.
    q<Digest['slipped'][number]>(`
      select m.code, ms.title, sum(f.due_date - f.previous)::int as days
      from (select milestone_id, reported_on, due_date,
              lag(due_date) over (partition by milestone_id order by reported_on, id) as previous
            from milestone_forecasts) f
      join milestones ms on ms.id = f.milestone_id join measures m on m.id = ms.measure_id
      where f.reported_on > :today::date - 7 and f.reported_on <= :today::date and f.due_date > f.previous
      group by m.code, ms.id, ms.title order by days desc, m.code limit 20`),
    q<Digest['overdue'][number]>(`
      select m.code, ms.title, ms.due_date as due_on
      from milestones ms join measures m on m.id = ms.measure_id
      where ms.completed_on is null and ms.due_date >= :today::date - 7 and ms.due_date < :today::date
      order by ms.due_date, m.code limit 20`),
    q<{ drawn_cents: number; spent_cents: number }>(`
      select
        (select coalesce(sum(received_cents), 0) from tranches
          where received_on > :today::date - 7 and received_on <= :today::date)::bigint as drawn_cents,
        (select coalesce(sum(amount_cents), 0) from expenditures
          where paid_on > :today::date - 7 and paid_on <= :today::date)::bigint as spent_cents`),
    q<Digest['no_contact'][number]>(`
      select mu.name, l.last_contact_on
      from municipalities mu
      cross join lateral (select max(c.contact_on) as last_contact_on from contacts c
        where c.municipality_id = mu.id and c.contact_on <= :today::date) l
      where l.last_contact_on is null or l.last_contact_on < :today::date - ${NO_CONTACT_DAYS}
      order by l.last_contact_on nulls first, mu.name`),
  ]);
  const from = new Date(`${today}T00:00:00Z`);
  from.setUTCDate(from.getUTCDate() - 6);
  return {
    from: from.toISOString().slice(0, 10),
    to: today,
    lights,
    slipped: slipped.map((s) => ({ ...s, days: Number(s.days) })),
    overdue,
    drawn_cents: Number(money[0]!.drawn_cents),
    spent_cents: Number(money[0]!.spent_cents),
    no_contact: noContact,
  };
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const light = (h: string | null) => (h ? (HEALTH_LABELS[h as 'green'] ?? h) : 'neu');

/** The digest as plain text: a heading line per section and "– " lines below it (the mail's HTML lists them). */
export function digestText(monday: string, d: Digest): { title: string; body: string; link: string } {
  const section = (heading: string, lines: string[], none: string) =>
    [heading, ...(lines.length ? lines.map((l) => `– ${l}`) : [`– ${none}`])].join('\n');
  const body = [
    `Wochenüberblick ${germanDate(d.from)} bis ${germanDate(d.to)}`,
    section(
      `Ampeln geändert (${d.lights.length})`,
      d.lights.map((l) => `${l.code} ${l.title}: ${light(l.before)} → ${light(l.after)}`),
      'keine',
    ),
    section(
      `Meilensteine verschoben (${d.slipped.length})`,
      d.slipped.map((s) => `${s.code} „${s.title}“: +${s.days} Tage`),
      'keine',
    ),
    section(
      `Neu überfällige Meilensteine (${d.overdue.length})`,
      d.overdue.map((o) => `${o.code} „${o.title}“, fällig am ${germanDate(o.due_on)}`),
      'keine',
    ),
    section(
      'Mittel in dieser Woche',
      [`eingegangen: ${formatEuro(d.drawn_cents)}`, `verausgabt: ${formatEuro(d.spent_cents)}`],
      '',
    ),
    section(
      `Kommunen ohne Kontakt seit über ${NO_CONTACT_DAYS} Tagen (${d.no_contact.length})`,
      d.no_contact.map(
        (n) =>
          `${n.name}${n.last_contact_on ? `, letzter Kontakt am ${germanDate(n.last_contact_on)}` : ', noch kein Kontakt'}`,
      ),
      'keine',
    ),
  ].join('\n\n');
  return {
    title: `Wochenüberblick ab ${germanDate(monday)}: ${count(d.lights.length, 'Ampeländerung', 'Ampeländerungen')}, ${count(d.overdue.length, 'neu überfälliger Meilenstein', 'neu überfällige Meilensteine')}`,
    body,
    link: '/',
  };
}
