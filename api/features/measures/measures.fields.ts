import { HEALTHS, MEASURE_PHASES, MEASURE_STATUSES } from '../../domain';
import { ACCESS, FUNDING_READERS } from '../access';
import { bool, date, enumOf, ids, int, money, ref, text, type ResourceFields } from '../../rest/fields';

export default {
  name: 'measures',
  description: 'Maßnahmen des Programms mit Ampel, Status und Fortschritt.',
  fields: {
    code: text(20, { required: true, filter: true, sort: true }),
    title: text(200, { required: true, sort: true }),
    summary: text(5000),
    field_of_action_id: ref('fields_of_action', { required: true, filter: true, sort: true }),
    target_picture: int(1, 3, { enumName: 'target_picture', filter: true, sort: true }),
    phase: enumOf(MEASURE_PHASES, { enumName: 'phase', required: true, filter: true, sort: true }),
    status: enumOf(MEASURE_STATUSES, { enumName: 'status', required: true, filter: true, sort: true }),
    health: enumOf(HEALTHS, { enumName: 'health', required: true, filter: true, sort: true }),
    health_note: text(2000),
    progress: int(0, 100, { required: true, filter: true, sort: true }),
    owner_id: ref('users', { filter: true, sort: true }),
    lead_municipality_id: ref('municipalities', { filter: true, sort: true }),
    start_date: date({ filter: true, sort: true }),
    end_date: date({ filter: true, sort: true }),
    budget_cents: money({ required: true, filter: true, sort: true }),
    /** Kostenträger: the key by which the finance system's booking export names the measure (unique, any case). */
    cost_object: text(40, { filter: true, sort: true }),
  },
  derived: {
    municipality_ids: ids('municipalities', { filter: true }),
    next_milestone_due: {
      ...date({ filter: true, sort: true }),
      readOnly: true,
    },
    overdue_milestones: {
      ...int(0, 1e9, { filter: true, sort: true }),
      readOnly: true,
    },
    /** "verspätet": an open milestone is past its due date (the next milestone date lies before today). */
    late: {
      ...bool({ filter: true, sort: true, nullable: false }),
      readOnly: true,
    },
    spent_cents: {
      ...money({ sort: true, readRoles: FUNDING_READERS }),
      readOnly: true,
    },
  },
  search: { fts: true },
  defaultSort: ['code', 'ASC'],
  access: ACCESS.portfolio,
} satisfies ResourceFields;
