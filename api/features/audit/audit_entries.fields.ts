import { AUDIT_ACTIONS } from '../../domain';
import { ACCESS } from '../access';
import { enumOf, int, json, ref, text, timestamp, type ResourceFields } from '../../rest/fields';

const readOnly = { readOnly: true } as const;

export default {
  name: 'audit_entries',
  description: 'Änderungsprotokoll: jede Anlage, Änderung und Löschung mit alten und neuen Werten.',
  fields: {
    at: timestamp({ filter: true, sort: true }),
    user_id: { ...ref('users', { filter: true, sort: true }), ...readOnly },
    action: { ...enumOf(AUDIT_ACTIONS, { enumName: 'audit_action', filter: true, sort: true }), ...readOnly },
    resource: { ...text(40, { filter: true, sort: true }), ...readOnly },
    record_id: { ...int(1, 2147483647, { filter: true, sort: true }), ...readOnly },
    changes: { ...json(), ...readOnly },
    /** Where the change came from besides a form, e.g. "Import: massnahmen.xlsx"; empty for form edits. */
    source: { ...text(300, { filter: true }), ...readOnly },
  },
  derived: {
    /** The record in words, e.g. "Vergabe erteilt (M-05)"; null when it cannot be told any more. */
    record_label: { ...text(500), ...readOnly },
    /** The measure the entry belongs to: the measure itself or one of its milestones, partners and links. */
    measure_id: { ...ref('measures', { filter: true }), ...readOnly },
  },
  defaultSort: ['at', 'DESC'],
  versioned: false,
  access: ACCESS.audit,
} satisfies ResourceFields;
