import type { Knex } from 'knex';
import { DOCUMENT_PARENTS, type DocumentParent, type Role } from '../../domain';
import { forbidden, notFound } from '../../errors';
import { canRead, canWrite, type ResourceDef, type SessionUser } from '../../rest/resource';
// A cycle (the index lists this feature); only read when a request runs, after both modules are loaded.
import { resources } from '../index';

/**
 * A document's rights are its record's: whoever may read the record (role and row rule) reads its documents,
 * whoever may change it (role and row rule) attaches and deletes them. Nothing here repeats a rule of a parent;
 * each comes from the parent's own declaration.
 */

export const PARENT_NAMES = Object.keys(DOCUMENT_PARENTS) as DocumentParent[];

export const isParent = (name: unknown): name is DocumentParent =>
  typeof name === 'string' && Object.hasOwn(DOCUMENT_PARENTS, name);

export function parentDef(name: DocumentParent): ResourceDef {
  const def = resources.find((r) => r.name === name);
  if (!def) throw new Error(`documents: no resource ${name}`);
  return def;
}

type Scope = 'readScope' | 'writeScope';

/** Documents whose parent lies in the role's rights and row rule, as one condition on `documents`. */
function scopeByParent(qb: Knex.QueryBuilder, user: SessionUser, scope: Scope): void {
  const allowed = (def: ResourceDef) => (scope === 'readScope' ? canRead : canWrite)(def, user.role);
  const parents = PARENT_NAMES.map(parentDef).filter(allowed);
  if (!parents.length) {
    qb.whereRaw('false');
    return;
  }
  qb.where((w) => {
    for (const def of parents) {
      const column = `documents.${DOCUMENT_PARENTS[def.name as DocumentParent]}`;
      const rule = def[scope];
      w.orWhere((o) => {
        if (!rule) o.whereNotNull(column);
        else
          o.whereIn(column, (sub) => {
            sub.select(`${def.name}.id`).from(def.name);
            rule(sub, user);
          });
      });
    }
  });
}

export const documentReadScope = (qb: Knex.QueryBuilder, user: SessionUser): void =>
  scopeByParent(qb, user, 'readScope');
export const documentWriteScope = (qb: Knex.QueryBuilder, user: SessionUser): void =>
  scopeByParent(qb, user, 'writeScope');

/** Whether a role may attach documents to any kind of record at all (a viewer may not). */
export const mayAttachAnywhere = (role: Role): boolean =>
  PARENT_NAMES.some((p) => canWrite(parentDef(p), role));

/**
 * The check before an upload: the record exists and the user reads it (else 404, as for the record itself), and
 * may change it (else 403).
 */
export async function assertMayAttach(
  db: Knex | Knex.Transaction,
  user: SessionUser,
  parent: DocumentParent,
  recordId: number,
): Promise<void> {
  const def = parentDef(parent);
  if (!canRead(def, user.role)) throw forbidden();
  const read = db(def.name).select(`${def.name}.id`).where(`${def.name}.id`, recordId);
  def.readScope?.(read, user);
  const write = db(def.name).select(`${def.name}.id`).where(`${def.name}.id`, recordId);
  def.writeScope?.(write, user);
  const { rows } = (await db.raw('select exists (?) as readable, exists (?) as writable', [read, write])) as {
    rows: [{ readable: boolean; writable: boolean }];
  };
  if (!rows[0].readable) throw notFound('Der Datensatz, an den das Dokument soll, wurde nicht gefunden.');
  if (!canWrite(def, user.role) || !rows[0].writable)
    throw forbidden('An diesen Datensatz dürfen Sie keine Dokumente anhängen.');
}
