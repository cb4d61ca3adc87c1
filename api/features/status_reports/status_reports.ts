import { date, json, ref, text } from '../../rest/fields';
import { defineResource } from '../../rest/resource';
import { freezeSnapshot } from './snapshot';
import { ACCESS } from '../access';

export default defineResource({
  name: 'status_reports',
  description: 'Monatliche Statusberichte; der Stand jeder Maßnahme wird beim Erstellen eingefroren.',
  fields: {
    reported_on: date({ required: true, filter: true, sort: true }),
    title: text(200, { required: true, sort: true }),
    author_id: { ...ref('users', { filter: true, sort: true }), readOnly: true },
    snapshot: { ...json(), readOnly: true },
  },
  defaultSort: ['reported_on', 'DESC'],
  access: ACCESS.statusReports,
  // The snapshot is taken once, when the report is issued; later edits change only the title.
  beforeWrite: async ({ db, user }, data, before) =>
    before ? data : { ...data, author_id: user.id, snapshot: JSON.stringify(await freezeSnapshot(db)) },
});
