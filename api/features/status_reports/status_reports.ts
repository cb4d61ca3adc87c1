import { defineResource } from '../../rest/resource';
import { moneyByYear, moneyFigures } from '../dashboard/dashboard';
import { freezeSnapshot } from './snapshot';
import plain from './status_reports.fields';

export default defineResource({
  ...plain,
  // The snapshot and the money are taken once, when the report is issued; later edits change only the title.
  // Several reports may share a date: each is its own frozen state, ordered by date and then by issue (id).
  beforeWrite: async ({ db, user }, data, before) =>
    before
      ? data
      : {
          ...data,
          author_id: user.id,
          snapshot: JSON.stringify(await freezeSnapshot(db)),
          money: JSON.stringify(moneyByYear(await moneyFigures(db)).total),
        },
});
