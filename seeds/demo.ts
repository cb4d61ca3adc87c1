import type { Knex } from 'knex';
import { hashPassword } from '../api/features/auth/passwords';
import type { Role } from '../api/domain';
import { FIELDS, GUIDE_MUNICIPALITIES, MUNICIPALITIES, PARTNERS, USERS } from './demoData';
import {
  buildExpenditures,
  buildTranches,
  GRANTS,
  numberReceipts,
  paymentDate,
  TRANSFERS,
} from './demoFunding';
import { seedDemoDocuments } from './demoDocuments';
import { DEMO_COST_OBJECTS, DEMO_LEDGER_ACCOUNTS } from './demoFinanceKeys';
import { MEASURES } from './demoMeasures';
import { buildBudgetLines } from './demoBudget';
import { buildValues, INDICATORS } from './demoIndicators';
import { buildContacts, buildMilestones } from './demoPlans';
import { seedReminders } from './demoReminders';
import { addDays, euro, insertAll, insertIds, Rng, TODAY } from './util';

/**
 * The demo data set: the ten real municipalities of the Landkreis Mayen-Koblenz, the MYK10
 * measures, partners, the two MPSC grants with tranches and expenditures, and the guides' contacts.
 * Deterministic (seeded PRNG, absolute dates; "today" is 2026-11-26) and loaded in one transaction.
 */

export const DEMO_PASSWORD = 'myk10-demo-2026';

export const DEMO_USERS: { email: string; name: string; role: Role }[] = USERS.map(
  ({ email, name, role }) => ({
    email,
    name,
    role,
  }),
);

const SECTOR_ROLES: Record<string, string[]> = {
  business: ['Technischer Dienstleister', 'Lieferant'],
  science: ['Wissenschaftliche Begleitung'],
  civil_society: ['Umsetzungspartner', 'Multiplikator'],
  public: ['Kooperationspartner Verwaltung', 'Fachbehörde'],
  programme_support: ['Programmbegleitung'],
};

export async function seedDemo(db: Knex): Promise<void> {
  if (await hasUsers(db)) return;
  // Each user gets its own argon2id hash (own salt); hashed before the transaction starts.
  const hashes = await Promise.all(USERS.map(() => hashPassword(DEMO_PASSWORD)));
  await db.transaction(async (trx) => {
    if (await hasUsers(trx)) return;
    await load(trx, hashes);
    await seedDemoDocuments(trx);
  });
}

async function hasUsers(db: Knex): Promise<boolean> {
  const row = await db('users').first('id');
  return row !== undefined;
}

async function load(trx: Knex, hashes: string[]): Promise<void> {
  // ---- users, municipalities, fields ----
  const userIds = await insertIds(
    trx,
    'users',
    USERS.map((u, i) => ({
      email: u.email,
      name: u.name,
      role: u.role,
      password_hash: hashes[i],
      active: true,
    })),
    'email',
  );
  const user = new Map(USERS.map((u, i) => [u.key, userIds[i]!]));

  const muniIds = await insertIds(
    trx,
    'municipalities',
    MUNICIPALITIES.map((m) => ({ ...m })),
    'name',
  );
  const muni = new Map(MUNICIPALITIES.map((m, i) => [m.name, muniIds[i]!]));

  await insertAll(
    trx,
    'guide_municipalities',
    Object.entries(GUIDE_MUNICIPALITIES).flatMap(([guide, list]) =>
      list.map((name) => ({ user_id: user.get(guide), municipality_id: muni.get(name) })),
    ),
  );

  const fieldIds = await insertIds(trx, 'fields_of_action', FIELDS, 'name');
  const field = new Map(FIELDS.map((f, i) => [f.name, fieldIds[i]!]));

  // ---- measures and where they apply ----
  const measureIds = await insertIds(
    trx,
    'measures',
    MEASURES.map((m) => ({
      code: m.code,
      title: m.title,
      summary: m.summary,
      field_of_action_id: field.get(m.field),
      target_picture: m.tp,
      phase: m.phase,
      status: m.status,
      health: m.health,
      health_note: m.healthNote ?? null,
      progress: m.progress,
      owner_id: user.get(m.owner),
      lead_municipality_id: m.lead ? muni.get(m.lead) : null,
      start_date: m.start,
      end_date: m.end,
      budget_cents: euro(m.budget),
      cost_object: DEMO_COST_OBJECTS[m.code] ?? null,
    })),
    'code',
  );
  const measure = new Map(MEASURES.map((m, i) => [m.code, measureIds[i]!]));
  await insertAll(trx, 'ledger_accounts', DEMO_LEDGER_ACCOUNTS);
  await insertAll(
    trx,
    'measure_municipalities',
    MEASURES.flatMap((m) =>
      (m.where === 'all' ? MUNICIPALITIES.map((x) => x.name) : m.where).map((name) => ({
        measure_id: measure.get(m.code),
        municipality_id: muni.get(name),
      })),
    ),
  );

  // ---- partners and their roles in measures ----
  const rng = new Rng(20261126);
  const links = MEASURES.flatMap((m) =>
    m.partners.map(([partner, role]) => ({ code: m.code, partner, role })),
  );
  const candidates = MEASURES.filter((m) => m.status !== 'idea');
  for (const p of PARTNERS) {
    if (links.some((l) => l.partner === p.name)) continue;
    for (const m of rng.sample(candidates, rng.int(1, 2)))
      links.push({ code: m.code, partner: p.name, role: rng.pick(SECTOR_ROLES[p.sector]!) });
  }
  const startOf = new Map(MEASURES.map((m) => [m.code, m.start]));
  const partnerIds = await insertIds(
    trx,
    'partners',
    PARTNERS.map((p) => {
      const firstStart = links
        .filter((l) => l.partner === p.name)
        .map((l) => startOf.get(l.code)!)
        .sort()[0];
      const signed =
        p.signed ??
        (firstStart && p.sector !== 'public' && rng.chance(0.6) ? addDays(firstStart, rng.int(0, 60)) : null);
      return {
        name: p.name,
        sector: p.sector,
        contact_person: p.contact ?? null,
        email: p.email ?? null,
        phone: null,
        website: p.website ?? null,
        city: p.city,
        agreement_signed_on: signed && signed < TODAY ? signed : null,
        notes: p.notes ?? null,
      };
    }),
    'name',
  );
  const partner = new Map(PARTNERS.map((p, i) => [p.name, partnerIds[i]!]));
  await insertAll(
    trx,
    'measure_partners',
    links.map((l) => {
      const partnerId = partner.get(l.partner);
      if (partnerId === undefined) throw new Error(`Unbekannter Partner: ${l.partner}`);
      return { measure_id: measure.get(l.code), partner_id: partnerId, role: l.role };
    }),
  );

  // ---- milestones and their forecast history ----
  const milestones = buildMilestones(new Rng(4711), MEASURES);
  const milestoneIds = await insertIds(
    trx,
    'milestones',
    milestones.map(({ forecasts: _forecasts, measure: code, ...ms }) => ({
      ...ms,
      measure_id: measure.get(code),
    })),
    'title',
  );
  await insertAll(
    trx,
    'milestone_forecasts',
    milestones.flatMap((ms, i) => ms.forecasts.map((f) => ({ milestone_id: milestoneIds[i], ...f }))),
    1000,
  );

  // ---- impact indicators and their measured values ----
  const indicatorRng = new Rng(2020);
  for (const def of INDICATORS) {
    const [{ id }] = (await trx('indicators')
      .insert({
        measure_id: measure.get(def.measure),
        name: def.name,
        unit: def.unit,
        direction: def.direction,
        baseline_value: def.baseline[0],
        baseline_date: def.baseline[1],
        target_value: def.target[0],
        target_date: def.target[1],
        method: def.method,
        reported_by: def.reportedBy,
      })
      .returning('id')) as [{ id: number }];
    await insertAll(
      trx,
      'indicator_values',
      buildValues(indicatorRng, def).map((v) => ({ indicator_id: id, ...v })),
    );
  }

  // ---- grants, yearly budgets, tranches, expenditures, transfers ----
  const grantIds = await insertIds(
    trx,
    'grants',
    GRANTS.map((g) => g.row),
    'file_number',
  );
  const grant = new Map(GRANTS.map((g, i) => [g.key, grantIds[i]!]));
  await insertAll(
    trx,
    'grant_years',
    GRANTS.flatMap((g) => g.years.map((y) => ({ grant_id: grant.get(g.key), ...y }))),
  );
  const expenditures = numberReceipts(buildExpenditures(new Rng(1789), MEASURES));
  const tranches = buildTranches(expenditures);
  const trancheIds = await insertIds(
    trx,
    'tranches',
    tranches.map(({ grant: key, measure: code, ...t }) => ({
      ...t,
      grant_id: grant.get(key),
      measure_id: code ? measure.get(code) : null,
    })),
    'number',
  );
  await insertAll(
    trx,
    'expenditures',
    expenditures.map(({ grant: key, measure: code, tranche, ...e }) => ({
      ...e,
      paid_on: paymentDate(e),
      grant_id: grant.get(key),
      measure_id: measure.get(code),
      tranche_id: tranche === null ? null : trancheIds[tranche],
    })),
  );
  await insertAll(
    trx,
    'budget_lines',
    buildBudgetLines(expenditures, MEASURES).map(({ grant: key, measure: code, ...l }) => ({
      ...l,
      grant_id: grant.get(key),
      measure_id: measure.get(code),
    })),
  );
  await insertAll(
    trx,
    'transfers',
    TRANSFERS.map(({ grant: key, measure: code, municipality, partner: name, payee: _payee, ...t }) => ({
      ...t,
      grant_id: grant.get(key),
      measure_id: measure.get(code),
      municipality_id: municipality ? muni.get(municipality) : null,
      partner_id: name ? partner.get(name) : null,
    })),
  );

  // ---- the guides' contact log ----
  const contacts = buildContacts(new Rng(1848), MEASURES);
  const contactIds = await insertIds(
    trx,
    'contacts',
    contacts.map(({ municipality, author, measures: _measures, ...c }) => ({
      ...c,
      municipality_id: muni.get(municipality),
      author_id: user.get(author),
    })),
    'contact_on',
  );
  await insertAll(
    trx,
    'contact_measures',
    contacts.flatMap((c, i) =>
      c.measures.map((code) => ({ contact_id: contactIds[i], measure_id: measure.get(code) })),
    ),
  );

  // ---- reminders: notifications and the outbox ----
  await seedReminders(trx);
}
