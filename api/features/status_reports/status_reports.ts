import { defineResource } from '../../rest/resource';
import { freezeSnapshot } from './snapshot';
import plain from './status_reports.fields';

export default defineResource({
  ...plain,
  // The snapshot is taken once, when the report is issued; later edits change only the title.
  beforeWrite: async ({ db, user }, data, before) =>
    before ? data : { ...data, author_id: user.id, snapshot: JSON.stringify(await freezeSnapshot(db)) },
});
