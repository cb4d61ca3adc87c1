import {
  CHANNEL_WEIGHTS,
  CONTACT_TOPICS,
  GUIDE_MUNICIPALITIES,
  MUNICIPAL_PEOPLE,
  MUNICIPALITIES,
  type MunicipalityName,
} from './demoData';
import { MILESTONE_TITLES, type MeasureDef } from './demoMeasures';
import type { Rng } from './util';
import {
  addDays,
  addMonths,
  dateBetween,
  diffDays,
  firstOfMonth,
  maxDate,
  minDate,
  TODAY,
  weekday,
} from './util';

/** Milestones with their forecast history, and the guides' contact log, as plain rows keyed by codes. */

export interface MilestonePlan {
  measure: string;
  title: string;
  baseline_date: string;
  due_date: string;
  completed_on: string | null;
  is_final: boolean;
  notes: string | null;
  forecasts: { reported_on: string; due_date: string }[];
}

const LAST_REPORT = firstOfMonth(TODAY);
// Within the bands of the suggested light (green up to 30 days behind the baseline, amber up to 90, red beyond),
// so that set and suggested light agree unless a measure is a designed exception (MeasureDef.slipDays).
const SLIP_DAYS = { green: [7, 25], amber: [35, 80], red: [95, 150] } as const;
const PATTERNS = {
  green: [
    ['stable', 70],
    ['slip', 20],
    ['earlier', 10],
  ],
  amber: [
    ['stable', 40],
    ['slip', 50],
    ['earlier', 10],
  ],
  red: [
    ['stable', 20],
    ['slip', 75],
    ['earlier', 5],
  ],
} as const;

export function appliesTo(m: MeasureDef, municipality: MunicipalityName): boolean {
  return m.where === 'all' || m.where.includes(municipality);
}

function measureMilestones(rng: Rng, m: MeasureDef): MilestonePlan[] {
  const n = rng.int(4, 8);
  const seq = MILESTONE_TITLES[m.kind];
  const titles = [...rng.sample(seq.slice(0, 7), n - 1), seq[7]!].map((t) => t.replace('{s}', m.short));
  if (m.status === 'stopped') titles[n - 1] = `Abschlussbericht Pilot ${m.short}`;
  const closed = m.status === 'completed' || m.status === 'stopped';
  const span = diffDays(m.start, m.end);
  const plans: MilestonePlan[] = [];
  let prevDue = '2000-01-01';
  for (let i = 0; i < n; i++) {
    const scheduled = i === n - 1 ? m.end : weekday(addDays(m.start, Math.round((span * (i + 1)) / n)));
    const pattern = rng.weighted(PATTERNS[m.health]);
    const [lo, hi] = SLIP_DAYS[m.health];
    let slip = pattern === 'slip' ? rng.int(lo, hi) : pattern === 'earlier' ? -rng.int(7, 30) : 0;
    if (m.slipDays !== undefined && !closed && scheduled >= TODAY && !plans.some((p) => p.due_date >= TODAY))
      slip = m.slipDays;
    // Closed measures anchor the schedule at what happened; open ones at the original plan.
    let baseline = closed ? weekday(addDays(scheduled, -slip)) : scheduled;
    let due = closed ? scheduled : weekday(addDays(scheduled, slip));
    if (closed && due > m.end) due = m.end;
    if (due <= prevDue) due = weekday(addDays(prevDue, 7));
    if (m.status === 'paused' && due > '2025-10-31' && due < '2027-01-15') due = weekday(addDays(due, 240));
    if (m.status === 'paused' && due <= prevDue) due = weekday(addDays(prevDue, 14));
    if (baseline > m.end && !closed) baseline = m.end;
    prevDue = due;
    plans.push({
      measure: m.code,
      title: titles[i]!,
      baseline_date: baseline,
      due_date: due,
      completed_on: null,
      is_final: i === n - 1,
      notes: null,
      forecasts: [],
    });
  }
  return plans;
}

function forecastHistory(rng: Rng, ms: MilestonePlan, measureStart: string, stale: boolean) {
  const end = ms.completed_on
    ? minDate(firstOfMonth(minDate(ms.completed_on, ms.due_date)), LAST_REPORT)
    : LAST_REPORT;
  let start = maxDate(addMonths(end, -(rng.int(6, 12) - 1)), firstOfMonth(addMonths(measureStart, 1)));
  if (start > end) start = end;
  const dates: string[] = [];
  for (let d = start; d <= end; d = addMonths(d, 1)) dates.push(d);
  const n = dates.length;
  const values = dates.map(() => ms.baseline_date);
  if (ms.due_date < ms.baseline_date) {
    // Moved earlier once.
    const at = n > 1 ? rng.int(1, n - 1) : 0;
    for (let i = at; i < n; i++) values[i] = ms.due_date;
  } else if (ms.due_date > ms.baseline_date) {
    // Slipped in one to three steps.
    const steps = Math.min(Math.max(1, n - 1), rng.int(1, 3));
    const at = rng.sample(
      Array.from({ length: Math.max(1, n - 1) }, (_, i) => Math.min(n - 1, i + 1)),
      steps,
    );
    const total = diffDays(ms.baseline_date, ms.due_date);
    at.forEach((pos, s) => {
      const v =
        s === steps - 1 ? ms.due_date : addDays(ms.baseline_date, Math.round((total * (s + 1)) / steps));
      for (let i = pos; i < n; i++) values[i] = v;
    });
  }
  values[n - 1] = ms.due_date;
  if (!stale) {
    // A forecast is never left in the past while the milestone is still open at that report date.
    for (let i = 0; i < n; i++) if (values[i]! < dates[i]!) values[i] = ms.due_date;
    for (let i = 1; i < n; i++)
      if (ms.due_date > ms.baseline_date && values[i]! < values[i - 1]!) values[i] = values[i - 1]!;
  }
  return dates.map((reported_on, i) => ({ reported_on, due_date: values[i]! }));
}

export function buildMilestones(rng: Rng, measures: MeasureDef[]): MilestonePlan[] {
  const byMeasure = measures.map((m) => ({ m, list: measureMilestones(rng, m) }));
  const all = byMeasure.flatMap((x) => x.list);
  const measureOf = new Map(measures.map((m) => [m.code, m]));
  const isClosed = (ms: MilestonePlan) =>
    ['completed', 'stopped'].includes(measureOf.get(ms.measure)!.status);

  // A few open milestones are overdue: the nearest past ones of troubled measures first. An open overdue milestone
  // is as far behind its baseline as "today" is, so only those that fit the measure's set light are picked: none
  // on green measures, 35–60 days behind on amber ones (room for the weeks after "today"), at least 35 on red ones.
  const healthRank = { red: 0, amber: 1, green: 2 };
  const fitsLight = (ms: MilestonePlan) => {
    const behind = diffDays(ms.baseline_date, TODAY);
    const health = measureOf.get(ms.measure)!.health;
    return health !== 'green' && behind >= 35 && (health === 'red' || behind <= 60);
  };
  const overdue = new Set(
    all
      .filter(
        (ms) =>
          !ms.is_final &&
          !isClosed(ms) &&
          ms.due_date >= '2026-08-01' &&
          ms.due_date < TODAY &&
          fitsLight(ms),
      )
      .map((ms) => ({ ms, key: healthRank[measureOf.get(ms.measure)!.health] + rng.next() }))
      .sort((a, b) => a.key - b.key)
      .slice(0, 6)
      .map((x) => x.ms),
  );

  // Several milestones fall due in the next 30 days: pull a few forward if needed.
  const soon = (ms: MilestonePlan) => ms.due_date >= TODAY && ms.due_date <= addDays(TODAY, 30);
  for (const { m, list } of byMeasure) {
    if (all.filter(soon).length >= 7) break;
    if (m.slipDays !== undefined) continue;
    const i = list.findIndex((ms) => ms.due_date > addDays(TODAY, 30) && ms.due_date <= addDays(TODAY, 150));
    if (i <= 0 || list[i]!.is_final || list[i - 1]!.due_date >= TODAY || overdue.has(list[i - 1]!)) continue;
    list[i]!.due_date = weekday(addDays(TODAY, rng.int(4, 26)));
  }

  for (const { m, list } of byMeasure) {
    for (const ms of list) {
      const stillOpen = overdue.has(ms) || (ms.is_final && m.finalOverdue === true);
      if (ms.due_date < TODAY && !stillOpen) {
        ms.completed_on = minDate(weekday(addDays(ms.due_date, rng.int(-5, 4))), addDays(TODAY, -1));
        if (ms.completed_on < m.start) ms.completed_on = ms.due_date;
      }
      if (stillOpen) ms.notes = 'Verzug: Rückmeldung des Auftragnehmers steht aus.';
      else if (ms.due_date > ms.baseline_date && diffDays(ms.baseline_date, ms.due_date) > 60)
        ms.notes = m.healthNote ?? 'Verschoben wegen Abhängigkeit von vorherigen Arbeitsschritten.';
      ms.forecasts = forecastHistory(rng, ms, m.start, overdue.has(ms));
    }
  }
  return all;
}

export interface ContactPlan {
  municipality: MunicipalityName;
  author: string; // user key
  contact_on: string;
  channel: string;
  person_name: string;
  person_role: string;
  topic: string;
  notes: string;
  follow_up_on: string | null;
  follow_up_done: boolean;
  measures: string[];
}

const NEXT_STEPS = [
  'Nächster Schritt: Termin vor Ort vereinbaren.',
  'Unterlagen werden bis zum Rückruf zusammengestellt.',
  'Rückmeldung an die Projektleitung in der Stabsstelle zugesagt.',
  'Thema für die nächste Projektgruppensitzung vorgemerkt.',
];
const QUIET: MunicipalityName = 'Vallendar'; // no contact in the last 30 days

export function buildContacts(rng: Rng, measures: MeasureDef[]): ContactPlan[] {
  const out: ContactPlan[] = [];
  const guideOf = new Map<MunicipalityName, string>();
  for (const [guide, list] of Object.entries(GUIDE_MUNICIPALITIES))
    for (const m of list) guideOf.set(m, guide);
  const byCode = new Map(measures.map((m) => [m.code, m]));
  const active = (m: MeasureDef, muni: MunicipalityName, date: string) =>
    appliesTo(m, muni) && date >= addDays(m.start, -90) && date <= addDays(m.end, 60) && m.status !== 'idea';

  for (const { name: muni } of MUNICIPALITIES) {
    const count = rng.int(26, 34);
    const last = muni === QUIET ? '2026-10-16' : addDays(TODAY, -1);
    const dates = Array.from({ length: count }, () => weekday(dateBetween(rng, '2024-01-08', last)));
    if (muni !== QUIET && !dates.some((d) => d > addDays(TODAY, -30)))
      dates[0] = weekday(dateBetween(rng, addDays(TODAY, -28), addDays(TODAY, -4)));
    for (let date of dates.sort()) {
      if (date > last) date = addDays(date, -3);
      const topics = CONTACT_TOPICS.flatMap((t) => {
        if (t.measures.length === 0) return [t];
        const ok = t.measures.some((c) => active(byCode.get(c)!, muni, date));
        return ok ? [t, t, t] : [];
      });
      const topic = rng.pick(topics);
      let linked = topic.measures.filter((c) => active(byCode.get(c)!, muni, date));
      if (linked.length === 0 && rng.chance(0.5)) {
        const options = measures.filter((m) => m.lead === muni && active(m, muni, date)).map((m) => m.code);
        linked = rng.sample(options, rng.int(1, 2));
      }
      const [person, role] = rng.pick(MUNICIPAL_PEOPLE[muni]);
      const short = linked.length > 0 ? byCode.get(linked[0]!)!.short : '';
      let notes = rng.pick(topic.notes).replace('{m}', muni).replace('{p}', person).replace('{s}', short);
      const recent = date > addDays(TODAY, -21);
      const followUp = rng.chance(recent ? 0.6 : 0.32) ? weekday(addDays(date, rng.int(7, 35))) : null;
      if (followUp) notes += ` ${rng.pick(NEXT_STEPS)}`;
      out.push({
        municipality: muni,
        author: guideOf.get(muni)!,
        contact_on: date,
        channel: rng.weighted(CHANNEL_WEIGHTS),
        person_name: person,
        person_role: role,
        topic: topic.topic.replace('{m}', muni),
        notes,
        follow_up_on: followUp,
        follow_up_done: followUp !== null && followUp < TODAY && rng.chance(0.8),
        measures: linked,
      });
    }
  }
  return out.sort(
    (a, b) => a.contact_on.localeCompare(b.contact_on) || a.municipality.localeCompare(b.municipality),
  );
}
