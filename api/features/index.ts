import type { ResourceDef } from '../rest/resource';
import audit_entries from './audit/audit_entries';
import contact_measures from './contacts/contact_measures';
import contacts from './contacts/contacts';
import expenditures from './funding/expenditures';
import fields_of_action from './measures/fields_of_action';
import grant_years from './funding/grant_years';
import grants from './funding/grants';
import guide_municipalities from './users/guide_municipalities';
import measure_municipalities from './measures/measure_municipalities';
import measure_partners from './partners/measure_partners';
import measures from './measures/measures';
import milestone_forecasts from './milestones/milestone_forecasts';
import milestones from './milestones/milestones';
import municipalities from './municipalities/municipalities';
import partners from './partners/partners';
import status_reports from './status_reports/status_reports';
import tranches from './funding/tranches';
import transfers from './funding/transfers';
import users from './users/users';

export const resources: ResourceDef[] = [
  municipalities,
  fields_of_action,
  measures,
  measure_municipalities,
  milestones,
  milestone_forecasts,
  partners,
  measure_partners,
  grants,
  grant_years,
  tranches,
  expenditures,
  transfers,
  contacts,
  contact_measures,
  users,
  guide_municipalities,
  status_reports,
  audit_entries,
];

export const resourceByName = new Map(resources.map((r) => [r.name, r]));
