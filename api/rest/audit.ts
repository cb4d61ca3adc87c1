import type { Knex } from 'knex';
import type { Row, SessionUser } from './resource';

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
): Promise<void> {
  await trx('audit_entries').insert({
    user_id: user.id,
    action,
    resource,
    record_id: recordId,
    changes: JSON.stringify(changes),
  });
}
