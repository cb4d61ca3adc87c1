import type { Knex } from 'knex';
import { loadConfig } from '../api/config';
import { createDb } from '../api/db/knex';
import { migrateLatest } from '../api/db/migrate';
import { seedDemo } from './demo';

/**
 * Benchmark data: adds factor × the realistic volume on top of the demo data. Per factor: 100
 * measures (with municipalities and partners), 1,000 milestones with forecast history, 50 partners,
 * 10,000 contacts with measure links, 10 grants with 500 tranches, 5,000 expenditures.
 * Rows are generated inside PostgreSQL (INSERT … SELECT generate_series), in one transaction.
 *
 *   npm run seed:scale -- --factor 10
 */

const TODAY = '2026-11-26';

/** A SQL text array literal from JS strings (the texts contain no placeholders). */
function arr(items: readonly string[]): string {
  return `array[${items.map((s) => `'${s.replace(/'/g, "''")}'`).join(', ')}]`;
}

const TITLE_PREFIX = [
  'Digitale',
  'Smarte',
  'Vernetzte',
  'Offene',
  'Mobile',
  'Nachhaltige',
  'Gemeinsame',
  'Barrierefreie',
  'Intelligente',
  'Regionale',
  'Kommunale',
  'Innovative',
];
const TITLE_SUBJECT = [
  'Bürgerdienste',
  'Parkraumsteuerung',
  'Quartiersplattform',
  'Nahversorgung',
  'Energieberatung',
  'Schulwegsicherung',
  'Vereinsarbeit',
  'Pflegeberatung',
  'Wegeinfrastruktur',
  'Jugendbeteiligung',
  'Ortskernbelebung',
  'Gewässerüberwachung',
  'Lernorte',
  'Ehrenamtsbörse',
  'Mobilitätsstationen',
];
const SUMMARY = [
  'Pilotvorhaben mit Sensorik im LoRaWAN-Netz und Auswertung auf der regionalen Datenplattform.',
  'Beteiligungsorientiertes Vorhaben mit Workshops in den Ortsgemeinden und digitaler Plattform.',
  'Übertragung eines erfolgreichen Pilots auf weitere Kommunen des Landkreises.',
  'Gemeinsame Lösung mehrerer Verwaltungen, betrieben durch einen Dienstleister.',
  'Vorhaben mit Ehrenamtlichen vor Ort und Schulungsangebot der Kreisvolkshochschule.',
];
const HEALTH_NOTES = [
  'Lieferverzug beim Dienstleister.',
  'Abstimmung mit den Ortsgemeinden dauert länger.',
  'Personalwechsel in der Projektleitung.',
  'Vergabe musste wiederholt werden.',
];
const MILESTONES = [
  'Projektsteckbrief beschlossen',
  'Bedarfsanalyse abgeschlossen',
  'Leistungsbeschreibung fertig',
  'Vergabe abgeschlossen',
  'Kick-off mit Dienstleister',
  'Prototyp vorgestellt',
  'Datenschutzprüfung abgeschlossen',
  'Pilotbetrieb gestartet',
  'Evaluation abgeschlossen',
  'Übergabe in den Regelbetrieb',
];
const PARTNER_KIND = [
  'Softwarehaus',
  'Ingenieurbüro',
  'Förderverein',
  'Bürgerstiftung',
  'Elektrotechnik',
  'Medienagentur',
  'Institut',
  'Genossenschaft',
  'Bildungswerk',
  'Planungsbüro',
];
const PLACES = [
  'Polch',
  'Mendig',
  'Plaidt',
  'Kruft',
  'Ochtendung',
  'Kehrig',
  'Münstermaifeld',
  'Weißenthurm',
  'Urmitz',
  'Kobern-Gondorf',
  'Vallendar',
  'Bendorf',
];
const SECTORS = [
  'business',
  'business',
  'civil_society',
  'civil_society',
  'business',
  'business',
  'science',
  'civil_society',
  'public',
  'business',
];
const ROLES = [
  'Umsetzungspartner',
  'Technischer Dienstleister',
  'Wissenschaftliche Begleitung',
  'Multiplikator',
  'Lieferant',
];
const FIRST = [
  'Anna',
  'Thomas',
  'Sabine',
  'Michael',
  'Julia',
  'Stefan',
  'Petra',
  'Andreas',
  'Monika',
  'Frank',
  'Claudia',
  'Jens',
  'Birgit',
  'Markus',
  'Katrin',
  'Uwe',
  'Heike',
  'Tobias',
  'Nicole',
  'Dirk',
];
const LAST = [
  'Müller',
  'Schmitz',
  'Weber',
  'Becker',
  'Hoffmann',
  'Schäfer',
  'Koch',
  'Bauer',
  'Richter',
  'Klein',
  'Wolf',
  'Neumann',
  'Schwarz',
  'Zimmermann',
  'Braun',
  'Krüger',
  'Hartmann',
  'Lange',
  'Werner',
  'Krause',
];
const PERSON_ROLES = [
  'Bürgermeisterin',
  'Bürgermeister',
  'Büroleiter VG-Verwaltung',
  'Digitalisierungsbeauftragte',
  'Ortsbürgermeister',
  'Wirtschaftsförderin',
  'Leiter Bürgerbüro',
  'Klimaschutzmanagerin',
];
const TOPICS = [
  'Projektgruppensitzung',
  'Jour fixe Digitalisierung',
  'Standortsuche RegioHub',
  'LoRaWAN-Gateway Montage',
  'Sensordaten Datenplattform',
  'Amt-O-Mat Einweisung',
  'LandRäume Schulung',
  'Landkreis-App Inhalte',
  'Mitfahrerbank Standorte',
  'Leerstandsbörse Eigentümer',
  'Digital-Sprechstunde Senioren',
  'Weiterleitungsvertrag Fördermittel',
  'Pressetermin Smart City',
  'Hochwasser Pegelsensoren',
  'Parkraumsensorik Innenstadt',
  'Online-Terminvergabe Bürgerbüro',
  'Dorfbüro Öffnungszeiten',
  'Ausbildungsbörse Betriebe',
  'Rufbus Bedarfsumfrage',
  'Telepflege Beratung',
];
const NOTE_A = [
  'Gespräch mit der Verwaltung über den Stand des Vorhabens.',
  'Vor-Ort-Termin mit Besichtigung möglicher Standorte.',
  'Rückfragen zur Förderung und zum Verwendungsnachweis geklärt.',
  'Ehrenamtliche berichten von guter Resonanz in der Bevölkerung.',
  'Technische Probleme mit der Hardware gemeldet, Dienstleister informiert.',
  'Ortsgemeinderat hat dem Vorschlag zugestimmt.',
  'Terminabstimmung für die nächste Projektgruppe.',
  'Datenschutzfragen zur Sensorik besprochen.',
  'Schulungsbedarf der Mitarbeitenden erfasst.',
  'Wunsch nach zusätzlichen Standorten aufgenommen.',
  'Zeitplan für die Umsetzung aktualisiert.',
  'Presseanfrage der Lokalzeitung abgestimmt.',
];
const NOTE_B = [
  'Nächster Schritt: Angebot einholen.',
  'Unterlagen folgen per E-Mail.',
  'Rückmeldung bis Monatsende zugesagt.',
  'Thema für die Lenkungsgruppe vorgemerkt.',
  'Beschlussvorlage wird vorbereitet.',
  'Keine weiteren Schritte nötig.',
  'Bürgermeisterin möchte informiert bleiben.',
  'Evaluation der Nutzung im nächsten Quartal.',
  'Wartungsvertrag wird geprüft.',
  'Kosten liegen im Plan.',
];
const CATEGORIES = ['services', 'investment', 'material', 'personnel', 'other'];
const PAYEES = [
  'Rheinblick Software GmbH',
  'Datenwerk Koblenz GmbH',
  'Sensorik Mittelrhein GmbH',
  'Funkwerk Eifel GmbH',
  'Moselland Bau GmbH',
  'Elektro Bauer GmbH & Co. KG',
  'Netzwerk Eifel IT GmbH',
  'Designbüro Schieferblau',
  'Druckerei Hansen KG',
  'Personalkosten Stabsstelle',
  'Eventservice Mittelrhein GmbH',
  'Bürotechnik Pellenz GmbH',
];

const SCALE_NOTE = 'Synthetische Skalierungsdaten (seed:scale)';

type Log = (line: string) => void;

export async function seedScale(db: Knex, factor: number, log: Log = console.log): Promise<void> {
  if (!Number.isInteger(factor) || factor < 1)
    throw new Error(`factor muss eine positive ganze Zahl sein, nicht ${factor}.`);
  const started = Date.now();
  const step = async (label: string, run: () => Promise<number>) => {
    const t0 = Date.now();
    const n = await run();
    log(`  ${label.padEnd(24)} ${String(n).padStart(8)}  (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  };
  log(`seed:scale: Faktor ${factor}`);
  await db.transaction(async (trx) => {
    const one = async (sql: string): Promise<number> => {
      const r = (await trx.raw(sql)) as { rows: Record<string, unknown>[] };
      return Number(Object.values(r.rows[0] ?? {})[0] ?? 0);
    };
    const count = async (sql: string): Promise<number> => {
      const r = (await trx.raw(sql)) as { rowCount?: number; affectedRows?: number };
      return Number(r.rowCount ?? r.affectedRows ?? 0);
    };
    if (
      (await one('select count(*) from municipalities')) === 0 ||
      (await one('select count(*) from fields_of_action')) === 0
    )
      throw new Error('Keine Stammdaten: zuerst die Demodaten laden (seedDemo).');

    const nMeasures = 100 * factor;
    const codeFrom = await one(
      `select coalesce(max(substring(code from 3)::int), 0) from measures where code ~ '^S-[0-9]+$'`,
    );
    const width = Math.max(4, String(codeFrom + nMeasures).length);
    const measureBase = await one('select coalesce(max(id), 0) from measures');
    const partnerFrom = await one(`select count(*) from partners where notes = '${SCALE_NOTE}'`);
    const grantFrom = await one(`select count(*) from grants where file_number like 'SKAL-%'`);
    const grantBase = await one('select coalesce(max(id), 0) from grants');
    const trancheBase = await one('select coalesce(max(id), 0) from tranches');
    const milestoneBase = await one('select coalesce(max(id), 0) from milestones');
    const contactBase = await one('select coalesce(max(id), 0) from contacts');
    const newMeasures = `nm as (select array_agg(id order by id) a, count(*)::int n from measures where id > ${measureBase})`;

    await step('measures', () =>
      count(`
      with mu as (select array_agg(id order by id) a, count(*)::int n from municipalities),
           f as (select array_agg(id order by id) a, count(*)::int n from fields_of_action),
           ow as (select array_agg(id order by id) a, count(*)::int n from users where role in ('cdo', 'steering')),
           s as (select g, (g * 2654435761) % 4294967291 as h from generate_series(${codeFrom + 1}, ${codeFrom + nMeasures}) g),
           d as (select s.*, date '2022-01-01' + (h % 1900)::int as sd, 365 + ((h / 7) % 1100)::int as len from s),
           e as (select d.*, least(sd + len, date '2027-12-31') as ed from d),
           st as (select e.*,
                         case when ed + 100 < date '${TODAY}' then (case when h % 23 = 0 then 'stopped' else 'completed' end)
                              when sd > date '${TODAY}' then (case when h % 2 = 0 then 'idea' else 'planning' end)
                              when h % 29 = 0 then 'paused'
                              when h % 3 = 0 then 'operation' else 'implementation' end as status,
                         case when ed + 100 < date '${TODAY}' or sd > date '${TODAY}' or (h / 13) % 10 < 7 then 'green'
                              when (h / 13) % 10 < 9 then 'amber' else 'red' end as health
                  from e)
      insert into measures (code, title, summary, field_of_action_id, target_picture, phase, status, health, health_note,
                            progress, owner_id, lead_municipality_id, start_date, end_date, budget_cents)
      select 'S-' || lpad(g::text, ${width}, '0'),
             (${arr(TITLE_PREFIX)})[1 + h % 12] || ' ' || (${arr(TITLE_SUBJECT)})[1 + (h / 12) % 15] || ' ' || g,
             (${arr(SUMMARY)})[1 + (h / 5) % 5],
             f.a[1 + (h / 3) % f.n],
             case when h % 4 = 0 then null else 1 + (h / 11) % 3 end,
             case when sd < date '2023-07-01' and h % 3 = 0 then 'strategy' else 'implementation' end,
             status,
             health,
             case when health <> 'green' then (${arr(HEALTH_NOTES)})[1 + (h / 17) % 4] end,
             case when status in ('completed', 'stopped') then (case when status = 'completed' then 100 else 40 end)
                  when sd > date '${TODAY}' then 0
                  else least(99, greatest(1, ((date '${TODAY}' - sd) * 100 / (ed - sd))::int)) end,
             ow.a[1 + (h / 19) % ow.n],
             case when h % 11 = 0 then null else mu.a[1 + g % mu.n] end,
             sd, ed,
             (2000000 + (h / 23) % 80000000)::bigint
      from st, mu, f, ow`),
    );

    await step('measure_municipalities', () =>
      count(`
      with mu as (select array_agg(id order by id) a, count(*)::int n from municipalities)
      insert into measure_municipalities (measure_id, municipality_id)
      select m.id, mu.a[1 + j] from measures m, mu, generate_series(0, mu.n - 1) j
      where m.id > ${measureBase} and m.lead_municipality_id is null
      union all
      select m.id, mu.a[1 + (array_position(mu.a, m.lead_municipality_id) - 1 + j) % mu.n]
      from measures m, mu, generate_series(0, 3) j
      where m.id > ${measureBase} and m.lead_municipality_id is not null and j <= m.id % 4`),
    );

    await step('partners', () =>
      count(`
      insert into partners (name, sector, contact_person, email, city, agreement_signed_on, notes)
      select (${arr(PARTNER_KIND)})[1 + g % 10] || ' ' || (${arr(PLACES)})[1 + (g / 10) % 12] || ' ' || lpad(g::text, 5, '0'),
             (${arr(SECTORS)})[1 + g % 10],
             (${arr(FIRST)})[1 + g % 20] || ' ' || (${arr(LAST)})[1 + (g / 20) % 20],
             'kontakt' || g || '@partner.example',
             (${arr(PLACES)})[1 + (g / 10) % 12],
             case when g % 3 = 0 then date '2022-03-01' + (g * 37 % 1500) end,
             '${SCALE_NOTE}'
      from generate_series(${partnerFrom + 1}, ${partnerFrom + 50 * factor}) g`),
    );

    await step('measure_partners', () =>
      count(`
      with p as (select array_agg(id order by id) a, count(*)::int n from partners)
      insert into measure_partners (measure_id, partner_id, role)
      select m.id, p.a[1 + (m.id * 7 + j * (1 + m.id % 13)) % p.n], (${arr(ROLES)})[1 + (m.id + j) % 5]
      from measures m, p, generate_series(0, 1) j
      where m.id > ${measureBase}`),
    );

    await step('milestones', () =>
      count(`
      insert into milestones (measure_id, title, baseline_date, due_date, completed_on, is_final, notes)
      select m.id, (${arr(MILESTONES)})[j], b, d,
             case when d < date '${TODAY}' and (m.status in ('completed', 'stopped') or (m.id * 10 + j) % 37 <> 0)
                  then least(d + ((m.id + j) % 5 - 2), date '${TODAY}' - 1) end,
             j = 10,
             case when d > b + 45 then 'Verschoben wegen Verzögerungen im Vorhaben.' end
      from measures m
      cross join generate_series(1, 10) j
      cross join lateral (select m.start_date + (m.end_date - m.start_date) * j / 10 as b) x
      cross join lateral (select b + j * (array[0, 0, 0, 2, 5, 9, -1])[1 + m.id % 7] as d) y
      where m.id > ${measureBase}`),
    );

    await step('milestone_forecasts', () =>
      count(`
      insert into milestone_forecasts (milestone_id, reported_on, due_date)
      select ms.id,
             (date_trunc('month', e::timestamp) - make_interval(months => k - 1 - i))::date,
             ms.baseline_date + (ms.due_date - ms.baseline_date) * i / (k - 1)
      from milestones ms
      cross join lateral (select 3 + ms.id % 4 as k,
                                 case when ms.completed_on is null then date '${TODAY}'
                                      else least(ms.completed_on, ms.due_date) end as e) p
      cross join lateral generate_series(0, k - 1) i
      where ms.id > ${milestoneBase}`),
    );

    await step('contacts', () =>
      count(`
      with gm as (select array_agg(x.municipality_id order by x.municipality_id) mids,
                         array_agg(x.user_id order by x.municipality_id) uids,
                         array_agg(mu.name order by x.municipality_id) names, count(*)::int n
                  from (select distinct on (municipality_id) municipality_id, user_id
                        from guide_municipalities order by municipality_id, user_id) x
                  join municipalities mu on mu.id = x.municipality_id),
           s as (select g, (g * 2654435761) % 4294967291 as h from generate_series(1, ${10_000 * factor}) g),
           d as (select s.*, date '2024-01-01' + (h % 1060)::int as c from s)
      insert into contacts (municipality_id, author_id, contact_on, channel, person_name, person_role, topic, notes,
                            follow_up_on, follow_up_done)
      select gm.mids[1 + g % gm.n], gm.uids[1 + g % gm.n], c,
             (array['phone', 'email', 'on_site', 'video', 'event'])[1 + (h / 3) % 5],
             (${arr(FIRST)})[1 + (h / 7) % 20] || ' ' || (${arr(LAST)})[1 + (h / 11) % 20],
             (${arr(PERSON_ROLES)})[1 + (h / 13) % 8],
             (${arr(TOPICS)})[1 + (h / 17) % 20] || ' ' || gm.names[1 + g % gm.n],
             (${arr(NOTE_A)})[1 + (h / 19) % 12] || ' ' || (${arr(NOTE_B)})[1 + (h / 23) % 10]
               || ' Kommune: ' || gm.names[1 + g % gm.n] || '.',
             case when g % 3 = 0 then c + 7 + ((h / 29) % 35)::int end,
             g % 3 = 0 and c + 7 + ((h / 29) % 35)::int < date '${TODAY}' and (h / 31) % 5 <> 0
      from d, gm`),
    );

    await step('contact_measures', () =>
      count(`
      with ma as (select array_agg(id order by id) a, count(*)::int n from measures)
      insert into contact_measures (contact_id, measure_id)
      select c.id, ma.a[1 + (c.id * 31 + j * (1 + c.id % 5)) % ma.n]
      from contacts c, ma, generate_series(0, 1) j
      where c.id > ${contactBase} and (j = 0 or c.id % 2 = 0)`),
    );

    const nGrants = 10 * factor;
    await step('grants', () =>
      count(`
      insert into grants (programme, funder, file_number, phase, committed_on, period_start, period_end, eligible_cents,
                          funding_rate_bp, approved_cents, spend_rule, proof_due_on, notes)
      select 'Skalierungstest (synthetisch)', 'KfW im Auftrag des BMWSB', 'SKAL-' || lpad(g::text, 5, '0'), 'Skalierung',
             date '2021-12-01', date '2022-01-01', date '2026-12-31', 2000000000, 6500, 1300000000,
             case when g % 4 = 0 then 'anbest_p' else 'anbest_gk' end, date '2027-06-30', '${SCALE_NOTE}'
      from generate_series(${grantFrom + 1}, ${grantFrom + nGrants}) g`),
    );
    await step('grant_years', () =>
      count(`
      insert into grant_years (grant_id, fiscal_year, approved_cents, interim_proof_due_on)
      select g.id, fy, 260000000, make_date(fy + 1, 4, 30)
      from grants g, generate_series(2022, 2026) fy where g.id > ${grantBase}`),
    );

    // 50 tranches per grant, 10 per fiscal year, each at most 250,000 € (≤ the year's 2.6 M€).
    await step('tranches', () =>
      count(`
      with ${newMeasures},
           t as (select g.id as grant_id, j, 2022 + (j - 1) / 10 as fy,
                        5000000 + ((g.id * 50 + j)::bigint * 7919) % 20000000 as req
                 from grants g, generate_series(1, 50) j where g.id > ${grantBase}),
           s as (select t.*,
                        case when fy < 2025 then 'settled'
                             when fy = 2025 then (case when j % 3 = 0 then 'received' else 'settled' end)
                             else (array['received', 'received', 'requested', 'planned', 'planned'])[1 + j % 5] end as st,
                        make_date(fy, 1, 15) + ((j - 1) % 10) * 33 as rq
                 from t)
      insert into tranches (grant_id, measure_id, fiscal_year, number, is_final, requested_on, requested_cents,
                            received_on, received_cents, status, justification)
      select grant_id, case when j % 4 = 0 then nm.a[1 + (grant_id * 50 + j) % nm.n] end, fy, j, j = 50,
             case when st <> 'planned' then rq end, req,
             case when st in ('received', 'settled') then least(rq + 10 + (j * 7) % 25, date '${TODAY}' - 1) end,
             case when st in ('received', 'settled') then req - (case when j % 17 = 0 then req / 50 else 0 end) end,
             st, case when st <> 'planned' then 'Mittelbedarf für fällige Zahlungen der nächsten zwei Monate.' end
      from s, nm`),
    );

    // Ten expenditures per tranche, each below 9.5 % of its money: a tranche never pays more than it received.
    const nExp = 5_000 * factor;
    await step('expenditures', () =>
      count(`
      with ${newMeasures},
           t as (select id, grant_id, measure_id, fiscal_year, status, received_on,
                        coalesce(received_cents, requested_cents) as money,
                        (row_number() over (order by id) - 1)::int as rn
                 from tranches where id > ${trancheBase}),
           tn as (select count(*)::int n from t)
      insert into expenditures (measure_id, grant_id, tranche_id, booked_on, paid_on, amount_cents, cost_category, payee,
                                receipt_no, description, eligible)
      select coalesce(t.measure_id, nm.a[1 + g % nm.n]), t.grant_id,
             case when t.status in ('received', 'settled') and g % 10 <> 9 and g % 41 <> 0 then t.id end,
             least(coalesce(t.received_on, make_date(t.fiscal_year::int, 3, 1) + (g % 200)) + g % 55, date '${TODAY}' - 1),
             least(coalesce(t.received_on, make_date(t.fiscal_year::int, 3, 1) + (g % 200)) + g % 55, date '${TODAY}' - 1),
             t.money * (30 + (g * 37) % 65) / 1000,
             (${arr(CATEGORIES)})[1 + g % 5],
             (${arr(PAYEES)})[1 + (g / 5) % 12],
             'SK-' || t.fiscal_year || '-' || lpad(g::text, 7, '0'),
             (${arr(MILESTONES)})[1 + g % 10] || ': Rechnung ' || (1 + g % 9) || '. Abschlag',
             g % 41 <> 0
      from generate_series(0, ${nExp - 1}) g
      cross join tn
      join t on t.rn = g % tn.n
      cross join nm`),
    );
  });
  const t0 = Date.now();
  await db.raw('analyze');
  log(`  ${'analyze'.padEnd(24)} ${''.padStart(8)}  (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  log(`seed:scale fertig in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Reads --factor N (or --factor=N); defaults to 1. */
export function parseFactor(args: string[]): number {
  let raw: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--factor') raw = args[++i];
    else if (a.startsWith('--factor=')) raw = a.slice('--factor='.length);
    else throw new Error(`Unbekanntes Argument "${a}". Aufruf: npm run seed:scale -- --factor 10`);
  }
  if (raw === undefined) return 1;
  if (!/^[1-9][0-9]*$/.test(raw) || !Number.isSafeInteger(Number(raw)))
    throw new Error(`--factor muss eine positive ganze Zahl sein (z. B. --factor 10), nicht "${raw}".`);
  return Number(raw);
}

async function main(args: string[]): Promise<void> {
  const factor = parseFactor(args);
  const config = loadConfig();
  // Bulk inserts run longer than the API's statement timeout allows.
  const db = createDb({
    ...config.db,
    statementTimeoutMs: Math.max(config.db.statementTimeoutMs ?? 0, 600_000),
  });
  try {
    const t0 = Date.now();
    await migrateLatest(db);
    await seedDemo(db);
    console.log(`Migrationen und Demodaten bereit (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    await seedScale(db, factor);
  } finally {
    await db.destroy();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(`seed:scale fehlgeschlagen: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  });
}
