import type { ResourceDef } from '../rest/resource';
import audit_entries from './audit_entries';
import contact_measures from './contact_measures';
import contacts from './contacts';
import expenditures from './expenditures';
import fields_of_action from './fields_of_action';
import grant_years from './grant_years';
import grants from './grants';
import guide_municipalities from './guide_municipalities';
import measure_municipalities from './measure_municipalities';
import measure_partners from './measure_partners';
import measures from './measures';
import milestone_forecasts from './milestone_forecasts';
import milestones from './milestones';
import municipalities from './municipalities';
import partners from './partners';
import status_reports from './status_reports';
import tranches from './tranches';
import transfers from './transfers';
import users from './users';

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
