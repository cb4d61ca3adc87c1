import type { Knex } from 'knex';
import type { ReminderRuleKey, Role } from '../../domain';
import { germanDate, HEALTH_LABELS, MUNICIPALITY_KIND_PREFIXES } from '../../labels';
import { formatEuro } from '../../money';
import {
  finalProofOpenSql,
  interimProofOpenSql,
  proofOverdueSql,
  spendDeadlineOpenSql,
  spendDeadlineSql,
  unspentSql,
} from '../funding/deadlineSql';
import { digestContext, digestText, type Digest } from './digest';

/**
 * The reminder rules, one declaration each: who hears of what, and the German text with a link to the record.
 * Each rule's SQL judges the day `:today` (the Europe/Berlin date of the run, a parameter so tests can fix the
 * clock) and returns one row per recipient and matter: `user_id`, `record_id`, `due_on` — the key that makes a
 * reminder unique — plus what its text needs. Deadlines and unspent money come from ../funding/deadlineSql.ts, the
 * one definition the deadline monitor uses too. Deactivated users and the users' settings are applied by the run.
 */

export interface RuleRow {
  user_id: number;
  record_id: number;
  due_on: string;
  /** due_on − today: days left (negative = overdue). */
  days: number;
  [field: string]: unknown;
}

export interface ReminderText {
  title: string;
  body: string;
  /** The record in the app: an admin route ('/tranches/7/show'). */
  link: string | null;
}

export interface ReminderRule<C = unknown> {
  key: ReminderRuleKey;
  /** The resource `record_id` points to (null: a notice about no single record). */
  resource: string | null;
  /** Roles that can receive it (the settings page offers it to them). */
  roles: readonly Role[];
  /** Shown immediately (checked every minute) rather than only in the daily run. */
  immediate?: boolean;
  sql: string;
  /** Extra data for the texts, read once per run when the rule has rows. */
  context?: (db: Knex | Knex.Transaction, today: string) => Promise<C>;
  text(row: RuleRow, context: C): ReminderText;
}

const TODAY = ':today::date';
/** Overdue matters are reminded of once, when they become overdue; a first run does not dig up older ones. */
export const CATCH_UP_DAYS = 30;

/** "in 5 Tagen", "morgen", "heute". */
export const inDays = (days: number): string =>
  days === 0 ? 'heute' : days === 1 ? 'morgen' : `in ${days} Tagen`;
/** "seit 3 Tagen", "seit gestern", "seit heute". */
export const sinceDays = (days: number): string =>
  days === 0 ? 'seit heute' : days === 1 ? 'seit gestern' : `seit ${days} Tagen`;

const funding = `join users u on u.role = 'funding'`;
const euro = (v: unknown) => formatEuro(Number(v));

const trancheName = (r: RuleRow) =>
  `Mittelabruf ${String(r.number)} (Phase ${String(r.phase)}${r.code ? `, ${String(r.code)}` : ''}, Haushaltsjahr ${String(r.fiscal_year)})`;

const spendDeadline: ReminderRule = {
  key: 'spend_deadline',
  resource: 'tranches',
  roles: ['funding'],
  sql: `
    select u.id as user_id, t.id as record_id, d.due_on, t.number, t.fiscal_year, g.phase, m.code,
      t.received_on, d.unspent_cents
    from tranches t
    join grants g on g.id = t.grant_id
    left join measures m on m.id = t.measure_id
    cross join lateral (select ${spendDeadlineSql('t', 'g')} as due_on, ${unspentSql('t', TODAY)} as unspent_cents) d
    ${funding}
    where t.status = 'received' and ${spendDeadlineOpenSql('t', TODAY)}
      and d.due_on between ${TODAY} and ${TODAY} + 14`,
  text: (r) => ({
    title: `Mittelverwendungsfrist ${inDays(r.days)}: Mittelabruf ${String(r.number)}, ${euro(r.unspent_cents)}`,
    body:
      `${trancheName(r)}, eingegangen am ${germanDate(String(r.received_on))}: ${euro(r.unspent_cents)} sind noch ` +
      `nicht verausgabt. Die Mittelverwendungsfrist endet am ${germanDate(r.due_on)} (${inDays(r.days)}). ` +
      'Länger ungenutzte Mittel können Zinsen kosten.',
    link: `/tranches/${r.record_id}/show`,
  }),
};

const interimProof: ReminderRule = {
  key: 'interim_proof',
  resource: 'grant_years',
  roles: ['funding'],
  sql: `
    select u.id as user_id, y.id as record_id, y.interim_proof_due_on as due_on, y.fiscal_year, g.phase, g.file_number
    from grant_years y
    join grants g on g.id = y.grant_id
    ${funding}
    where ${interimProofOpenSql('y', TODAY)} and y.interim_proof_due_on between ${TODAY} and ${TODAY} + 30`,
  text: (r) => ({
    title: `Zwischennachweis ${String(r.fiscal_year)} fällig ${inDays(r.days)} (Phase ${String(r.phase)})`,
    body: `Der Zwischennachweis für das Haushaltsjahr ${String(r.fiscal_year)} zum Bescheid ${String(r.file_number)} (Phase ${String(r.phase)}) ist am ${germanDate(r.due_on)} fällig (${inDays(r.days)}).`,
    link: `/grant_years/${r.record_id}/show`,
  }),
};

const finalProof: ReminderRule = {
  key: 'final_proof',
  resource: 'grants',
  roles: ['funding'],
  sql: `
    select u.id as user_id, g.id as record_id, g.proof_due_on as due_on, g.phase, g.file_number
    from grants g
    ${funding}
    where ${finalProofOpenSql('g')} and g.proof_due_on between ${TODAY} and ${TODAY} + 30`,
  text: (r) => ({
    title: `Verwendungsnachweis fällig ${inDays(r.days)} (Phase ${String(r.phase)})`,
    body: `Der Verwendungsnachweis zum Bescheid ${String(r.file_number)} (Phase ${String(r.phase)}) ist am ${germanDate(r.due_on)} fällig (${inDays(r.days)}); mit ihm geht die Schlussrate ein.`,
    link: `/grants/${r.record_id}/show`,
  }),
};

const transferProofOverdue: ReminderRule = {
  key: 'transfer_proof_overdue',
  resource: 'transfers',
  roles: ['funding'],
  sql: `
    select u.id as user_id, tr.id as record_id, tr.proof_due_on as due_on, tr.amount_cents, m.code,
      mu.kind as municipality_kind, mu.name as municipality, p.name as partner
    from transfers tr
    join measures m on m.id = tr.measure_id
    left join municipalities mu on mu.id = tr.municipality_id
    left join partners p on p.id = tr.partner_id
    ${funding}
    where ${proofOverdueSql('tr', TODAY)} and tr.proof_due_on >= ${TODAY} - ${CATCH_UP_DAYS}`,
  text: (r) => {
    const recipient = r.municipality
      ? `${MUNICIPALITY_KIND_PREFIXES[r.municipality_kind as 'city']} ${String(r.municipality)}`
      : String(r.partner);
    return {
      title: `Verwendungsnachweis überfällig: Weiterleitung an ${recipient} (${String(r.code)}), ${euro(r.amount_cents)}`,
      body: `Der Verwendungsnachweis der Weiterleitung an ${recipient} (${String(r.code)}, ${euro(r.amount_cents)}) war am ${germanDate(r.due_on)} fällig und ist nicht eingegangen (überfällig ${sinceDays(-r.days)}).`,
      link: `/transfers/${r.record_id}/show`,
    };
  },
};

const trancheNotReceived: ReminderRule = {
  key: 'tranche_not_received',
  resource: 'tranches',
  roles: ['funding'],
  sql: `
    select u.id as user_id, t.id as record_id, t.requested_on + 30 as due_on, t.requested_on, t.requested_cents,
      t.number, t.fiscal_year, g.phase, m.code
    from tranches t
    join grants g on g.id = t.grant_id
    left join measures m on m.id = t.measure_id
    ${funding}
    where t.status = 'requested' and t.requested_on < ${TODAY} - 30
      and t.requested_on >= ${TODAY} - 30 - ${CATCH_UP_DAYS}`,
  text: (r) => ({
    title: `Mittelabruf ${String(r.number)} seit über 30 Tagen nicht eingegangen: ${euro(r.requested_cents)}`,
    body: `${trancheName(r)} wurde am ${germanDate(String(r.requested_on))} über ${euro(r.requested_cents)} angefordert und ist noch nicht eingegangen. Bitte beim Fördergeber nachfragen oder den Eingang buchen.`,
    link: `/tranches/${r.record_id}/show`,
  }),
};

/** The measure's owner and the project steering hear of its milestones. */
const milestoneSql = (where: string) => `
  select distinct u.id as user_id, ms.id as record_id, ms.due_date as due_on, ms.title, m.code, m.title as measure
  from milestones ms
  join measures m on m.id = ms.measure_id
  join users u on u.id = m.owner_id or u.role = 'steering'
  where ms.completed_on is null and ${where}`;

const milestoneDue: ReminderRule = {
  key: 'milestone_due',
  resource: 'milestones',
  roles: ['steering', 'cdo', 'funding', 'guide', 'viewer'],
  sql: milestoneSql(`ms.due_date between ${TODAY} and ${TODAY} + 7`),
  text: (r) => ({
    title: `Meilenstein fällig ${inDays(r.days)}: „${String(r.title)}“ (${String(r.code)})`,
    body: `Der Meilenstein „${String(r.title)}“ der Maßnahme ${String(r.code)} ${String(r.measure)} ist am ${germanDate(r.due_on)} fällig (${inDays(r.days)}).`,
    link: `/milestones/${r.record_id}/show`,
  }),
};

const milestoneOverdue: ReminderRule = {
  key: 'milestone_overdue',
  resource: 'milestones',
  roles: ['steering', 'cdo', 'funding', 'guide', 'viewer'],
  sql: milestoneSql(`ms.due_date < ${TODAY} and ms.due_date >= ${TODAY} - ${CATCH_UP_DAYS}`),
  text: (r) => ({
    title: `Meilenstein überfällig: „${String(r.title)}“ (${String(r.code)})`,
    body: `Der Meilenstein „${String(r.title)}“ der Maßnahme ${String(r.code)} ${String(r.measure)} war am ${germanDate(r.due_on)} fällig und ist nicht abgeschlossen (überfällig ${sinceDays(-r.days)}). Bitte abschließen oder den Prognosetermin anpassen.`,
    link: `/milestones/${r.record_id}/show`,
  }),
};

const followUp: ReminderRule = {
  key: 'follow_up',
  resource: 'contacts',
  roles: ['guide', 'cdo'],
  sql: `
    select u.id as user_id, c.id as record_id, c.follow_up_on as due_on, c.topic, c.contact_on, mu.name as municipality
    from contacts c
    join municipalities mu on mu.id = c.municipality_id
    join users u on u.id = c.author_id
    where not c.follow_up_done and c.follow_up_on <= ${TODAY} and c.follow_up_on >= ${TODAY} - ${CATCH_UP_DAYS}`,
  text: (r) => ({
    title:
      r.days === 0
        ? `Wiedervorlage heute: ${String(r.municipality)} – ${String(r.topic)}`
        : `Wiedervorlage überfällig: ${String(r.municipality)} – ${String(r.topic)}`,
    body: `Ihre Wiedervorlage zum Kontakt vom ${germanDate(String(r.contact_on))} mit ${String(r.municipality)} („${String(r.topic)}“) ist ${r.days === 0 ? 'heute fällig' : `seit dem ${germanDate(r.due_on)} überfällig`}.`,
    link: `/contacts/${r.record_id}/show`,
  }),
};

/** A measure turned red: the CDO hears of it the same minute, once per day it turned red. */
const measureRed: ReminderRule = {
  key: 'measure_red',
  resource: 'measures',
  roles: ['cdo'],
  immediate: true,
  sql: `
    select u.id as user_id, m.id as record_id, r.turned_on as due_on, m.code, m.title, m.health_note, r.previous
    from measures m
    cross join lateral (
      select (a.at at time zone 'Europe/Berlin')::date as turned_on, a.changes->'health'->>0 as previous
      from audit_entries a
      where a.resource = 'measures' and a.record_id = m.id and a.changes->'health'->>1 = 'red'
      order by a.at desc, a.id desc limit 1) r
    join users u on u.role = 'cdo'
    where m.health = 'red' and r.turned_on between ${TODAY} - 7 and ${TODAY}`,
  text: (r) => ({
    title: `Ampel auf Rot: ${String(r.code)} ${String(r.title)}`,
    body:
      `Die Maßnahme ${String(r.code)} ${String(r.title)} steht seit dem ${germanDate(r.due_on)} auf Rot` +
      `${r.previous ? ` (vorher ${HEALTH_LABELS[r.previous as 'green'] ?? String(r.previous)})` : ''}.` +
      `${r.health_note ? ` Begründung der Ampel: ${String(r.health_note)}` : ''}`,
    link: `/measures/${r.record_id}/show`,
  }),
};

/** Monday of the week of `:today`: the digest's due date, so it goes out once a week, at the week's first run. */
const weeklyDigest: ReminderRule<Digest> = {
  key: 'weekly_digest',
  resource: null,
  roles: ['cdo'],
  sql: `
    select u.id as user_id, 0 as record_id, ${TODAY} - (extract(isodow from ${TODAY})::int - 1) as due_on
    from users u where u.role = 'cdo'`,
  context: digestContext,
  text: (r, digest) => digestText(r.due_on, digest),
};

export const RULES: readonly ReminderRule[] = [
  spendDeadline,
  interimProof,
  finalProof,
  transferProofOverdue,
  trancheNotReceived,
  milestoneDue,
  milestoneOverdue,
  followUp,
  measureRed,
  weeklyDigest as ReminderRule,
];

export const ruleByKey = (key: string): ReminderRule | undefined => RULES.find((r) => r.key === key);
