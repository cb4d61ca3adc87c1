import type { Knex } from 'knex';
import type { Role } from '../domain';
import { isVisible, type ResourceDef, type Row, type SessionUser } from './resource';

export type Changes = Record<string, [unknown, unknown]>;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Field → [old, new] for every audited field that differs. */
export function diff(fields: readonly string[], before: Row | undefined, after: Row | undefined): Changes {
  const changes: Changes = {};
  for (const f of fields) {
    const [o, n] = [before?.[f] ?? null, after?.[f] ?? null];
    if (!same(o, n)) changes[f] = [o, n];
  }
  return changes;
}

export async function writeAudit(
  trx: Knex.Transaction,
  user: SessionUser,
  action: 'create' | 'update' | 'delete',
  resource: string,
  recordId: number,
  changes: Changes,
  /** Where the change came from besides a form, e.g. "Import: massnahmen.xlsx". */
  source?: string,
): Promise<void> {
  await trx('audit_entries').insert({
    user_id: user.id,
    action,
    resource,
    record_id: recordId,
    changes: JSON.stringify(changes),
    ...(source ? { source } : {}),
  });
}

/**
 * The part of an audit entry's changes the role may read: declared fields it may see, never write-only ones
 * (fields with readRoles, e.g. money, stay hidden from other roles; undeclared keys are dropped).
 */
export function visibleChanges(def: ResourceDef, changes: unknown, role: Role): Changes {
  if (!changes || typeof changes !== 'object' || Array.isArray(changes)) return {};
  return Object.fromEntries(
    Object.entries(changes as Changes).filter(([k]) => {
      const f = Object.hasOwn(def.fields, k)
        ? def.fields[k]
        : def.derived && Object.hasOwn(def.derived, k)
          ? def.derived[k]
          : undefined;
      return f !== undefined && isVisible(f, role);
    }),
  );
}
