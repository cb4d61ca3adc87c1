import type { SortPayload } from 'react-admin';

/** The API declarations' defaultSort (api/features/<feature>/<resource>.fields.ts), for lists and reference pickers. */
export const DEFAULT_SORTS: Record<string, SortPayload> = {
  municipalities: { field: 'name', order: 'ASC' },
  fields_of_action: { field: 'name', order: 'ASC' },
  measures: { field: 'code', order: 'ASC' },
  measure_municipalities: { field: 'id', order: 'ASC' },
  milestones: { field: 'due_date', order: 'ASC' },
  milestone_forecasts: { field: 'reported_on', order: 'ASC' },
  partners: { field: 'name', order: 'ASC' },
  measure_partners: { field: 'id', order: 'ASC' },
  grants: { field: 'period_start', order: 'ASC' },
  grant_years: { field: 'fiscal_year', order: 'ASC' },
  tranches: { field: 'number', order: 'ASC' },
  expenditures: { field: 'booked_on', order: 'DESC' },
  transfers: { field: 'contract_on', order: 'ASC' },
  contacts: { field: 'contact_on', order: 'DESC' },
  contact_measures: { field: 'id', order: 'ASC' },
  users: { field: 'name', order: 'ASC' },
  guide_municipalities: { field: 'id', order: 'ASC' },
  status_reports: { field: 'reported_on', order: 'DESC' },
  audit_entries: { field: 'at', order: 'DESC' },
};
