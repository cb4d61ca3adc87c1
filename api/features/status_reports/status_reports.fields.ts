import { ACCESS, FUNDING_READERS } from '../access';
import { date, json, ref, text, type ResourceFields } from '../../rest/fields';

export default {
  name: 'status_reports',
  description: 'Monatliche Statusberichte; der Stand jeder Maßnahme wird beim Erstellen eingefroren.',
  fields: {
    reported_on: date({ required: true, filter: true, sort: true }),
    title: text(200, { required: true, sort: true }),
    author_id: { ...ref('users', { filter: true, sort: true }), readOnly: true },
    snapshot: { ...json(), readOnly: true },
    /** The programme's money when issued (MoneyFlow of the dashboard's total); only for roles that see money. */
    money: { ...json({ readRoles: FUNDING_READERS }), readOnly: true },
  },
  defaultSort: ['reported_on', 'DESC'],
  access: ACCESS.statusReports,
} satisfies ResourceFields;
