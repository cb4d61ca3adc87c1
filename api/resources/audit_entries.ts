import { AUDIT_ACTIONS, type Role } from '../domain';
import { enumOf, int, json, ref, text, timestamp } from '../rest/fields';
import { visibleChanges } from '../rest/audit';
import { canRead, defineResource, type ResourceDef } from '../rest/resource';
import { ACCESS } from './access';
// A cycle (index lists this file); only read when a request runs, after both modules are loaded.
import { resourceByName, resources } from './index';

const NAME = 'audit_entries';

/** The resources whose entries a role may read: those it may read itself (never the audit log's own). */
const describedBy = (role: Role): ResourceDef[] =>
  resources.filter((r) => r.name !== NAME && canRead(r, role));

const readOnly = { readOnly: true } as const;

export default defineResource({
  name: NAME,
  description: 'Änderungsprotokoll: jede Anlage, Änderung und Löschung mit alten und neuen Werten.',
  fields: {
    at: timestamp({ filter: true, sort: true }),
    user_id: { ...ref('users', { filter: true, sort: true }), ...readOnly },
    action: { ...enumOf(AUDIT_ACTIONS, { filter: true, sort: true }), ...readOnly },
    resource: { ...text(40, { filter: true, sort: true }), ...readOnly },
    record_id: { ...int(1, 2147483647, { filter: true, sort: true }), ...readOnly },
    changes: { ...json(), ...readOnly },
  },
  defaultSort: ['at', 'DESC'],
  versioned: false,
  access: ACCESS.audit,
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
    const def = resourceByName.get(row.resource as string);
    return { ...row, changes: def ? visibleChanges(def, row.changes, role) : {} };
  },
});
