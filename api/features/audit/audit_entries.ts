import type { Role } from '../../domain';
import { visibleChanges } from '../../rest/audit';
import { canRead, defineResource, type ResourceDef } from '../../rest/resource';
// A cycle (the index lists this feature); only read when a request runs, after both modules are loaded.
import { resources } from '../index';
import documents from '../documents/documents';
import plain from './audit_entries.fields';
import { MEASURE_ID_SQL, RECORD_LABEL_SQL } from './recordLabels';

const NAME = plain.name;

/**
 * The resources whose entries a role may read: those it may read itself (never the audit log's own), and the
 * documents, served by their own routes, whose row rule follows the record they hang on.
 */
const describedBy = (role: Role): ResourceDef[] =>
  [...resources, documents].filter((r) => r.name !== NAME && canRead(r, role));

export default defineResource({
  ...plain,
  derived: {
    record_label: { ...plain.derived.record_label, sql: RECORD_LABEL_SQL },
    measure_id: { ...plain.derived.measure_id, sql: MEASURE_ID_SQL },
  },
  // Entries follow the read rights of the resource they describe, and its row rule (if it has one) per record:
  // an entry of a record the role may not read (now, or any more after a delete) is not listed.
  readScope: (qb, user) => {
    const defs = describedBy(user.role);
    qb.where((w) => {
      w.whereIn(
        `${NAME}.resource`,
        defs.filter((d) => !d.readScope).map((d) => d.name),
      );
      for (const d of defs.filter((x) => x.readScope))
        w.orWhere((o) =>
          o.where(`${NAME}.resource`, d.name).whereIn(`${NAME}.record_id`, (sub) => {
            sub.select(`${d.name}.id`).from(d.name);
            d.readScope!(sub, user);
          }),
        );
    });
  },
  present: (row, role) => {
    const def = [...resources, documents].find((r) => r.name === row.resource);
    return { ...row, changes: def ? visibleChanges(def, row.changes, role) : {} };
  },
});
