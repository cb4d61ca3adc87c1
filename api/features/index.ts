import type { ResourceDef } from '../rest/resource';
import audit from './audit';
import backup from './backup';
import calendar from './calendar';
import contacts from './contacts';
import dashboard from './dashboard';
import documents from './documents';
import type { ExtraModule, Feature } from './feature';
import funding from './funding';
import imports from './imports';
import indicators from './indicators';
import measures from './measures';
import milestones from './milestones';
import municipalities from './municipalities';
import partners from './partners';
import privacy from './privacy';
import reminders from './reminders';
import proof_of_use from './proof_of_use';
import search from './search';
import status_reports from './status_reports';
import users from './users';

/** Every feature; the order is the order of the resources in the OpenAPI document. */
export const features: readonly Feature[] = [
  municipalities,
  measures,
  milestones,
  indicators,
  partners,
  funding,
  documents,
  proof_of_use,
  contacts,
  users,
  status_reports,
  audit,
  dashboard,
  calendar,
  search,
  privacy,
  backup,
  imports,
  reminders,
];

export const resources: readonly ResourceDef[] = features.flatMap((f) => f.resources);
export const extraModules: readonly ExtraModule[] = features.flatMap((f) => f.routes);
