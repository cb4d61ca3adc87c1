/**
 * The plain part of every resource declaration, by name: fields with their kinds, references, enums, lengths and
 * ranges, filter and sort flags, default sort and role group. Safe for the browser: these modules import nothing
 * but api/domain.ts, api/rest/fields.ts and api/features/access.ts (tests/api/declarations.test.ts checks that).
 */
import type { ResourceFields } from '../rest/fields';
import audit_entries from './audit/audit_entries.fields';
import budget_lines from './funding/budget_lines.fields';
import contact_measures from './contacts/contact_measures.fields';
import contacts from './contacts/contacts.fields';
import expenditures from './funding/expenditures.fields';
import fields_of_action from './measures/fields_of_action.fields';
import grant_years from './funding/grant_years.fields';
import grants from './funding/grants.fields';
import indicator_values from './indicators/indicator_values.fields';
import indicators from './indicators/indicators.fields';
import ledger_accounts from './funding/ledger_accounts.fields';
import guide_municipalities from './users/guide_municipalities.fields';
import measure_municipalities from './measures/measure_municipalities.fields';
import measure_partners from './partners/measure_partners.fields';
import measures from './measures/measures.fields';
import milestone_forecasts from './milestones/milestone_forecasts.fields';
import milestones from './milestones/milestones.fields';
import municipalities from './municipalities/municipalities.fields';
import partners from './partners/partners.fields';
import mail_outbox from './reminders/mail_outbox.fields';
import notifications from './reminders/notifications.fields';
import base_rates from './proof_of_use/base_rates.fields';
import proof_reports from './proof_of_use/proof_reports.fields';
import status_reports from './status_reports/status_reports.fields';
import tranches from './funding/tranches.fields';
import transfers from './funding/transfers.fields';
import users from './users/users.fields';

export const declarations = {
  municipalities,
  fields_of_action,
  measures,
  measure_municipalities,
  milestones,
  milestone_forecasts,
  indicators,
  indicator_values,
  partners,
  measure_partners,
  grants,
  grant_years,
  budget_lines,
  tranches,
  expenditures,
  transfers,
  contacts,
  contact_measures,
  users,
  guide_municipalities,
  status_reports,
  proof_reports,
  base_rates,
  ledger_accounts,
  audit_entries,
  notifications,
  mail_outbox,
} satisfies Record<string, ResourceFields>;

export type ResourceName = keyof typeof declarations;
