import type { Health } from '../dashboard/contract';
import type { SnapshotChanges } from './contract';
import type { MeasureSnapshot } from './snapshot';

export type { ClosedMeasure, HealthChange, MeasureRef, SlippedMilestone, SnapshotChanges } from './contract';

/** Statuses that end a measure: a measure that reaches one of them between two reports counts as closed. */
export const CLOSING_STATUSES: readonly string[] = ['completed', 'stopped'];

const DAY_MS = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/** A snapshot's open milestones; reports issued before open_milestones existed only know the next three. */
function openMilestones(m: MeasureSnapshot): { id: number; title: string; due_date: string }[] {
  return m.open_milestones ?? m.next_milestones;
}

/**
 * What changed between two frozen snapshots: lights that changed, open milestones (same id) whose forecast moved
 * later, measures that are new, and measures that were closed (completed or stopped now but not before) or are gone.
 * Without a previous snapshot nothing counts as changed.
 */
export function compareSnapshots(
  current: MeasureSnapshot[],
  previous: MeasureSnapshot[] | null,
): SnapshotChanges {
  const changes: SnapshotChanges = {
    health_changes: [],
    slipped_milestones: [],
    new_measures: [],
    closed_measures: [],
  };
  if (!previous) return changes;
  const before = new Map(previous.map((m) => [m.id, m]));
  const now = new Map(current.map((m) => [m.id, m]));
  const dueBefore = new Map<number, string>();
  for (const m of previous) for (const ms of openMilestones(m)) dueBefore.set(ms.id, ms.due_date);

  for (const m of current) {
    const old = before.get(m.id);
    if (!old) {
      changes.new_measures.push({
        measure_id: m.id,
        code: m.code,
        title: m.title,
        status: m.status,
        health: m.health,
      });
      continue;
    }
    if (old.health !== m.health)
      changes.health_changes.push({
        measure_id: m.id,
        code: m.code,
        title: m.title,
        // Snapshots hold the measures' health column as it was: one of HEALTHS.
        from: old.health as Health,
        to: m.health as Health,
      });
    if (CLOSING_STATUSES.includes(m.status) && !CLOSING_STATUSES.includes(old.status))
      changes.closed_measures.push({
        measure_id: m.id,
        code: m.code,
        title: m.title,
        status_before: old.status,
        status_now: m.status,
      });
    for (const ms of openMilestones(m)) {
      const was = dueBefore.get(ms.id);
      if (was !== undefined && ms.due_date > was)
        changes.slipped_milestones.push({
          milestone_id: ms.id,
          title: ms.title,
          measure_id: m.id,
          code: m.code,
          measure_title: m.title,
          from: was,
          to: ms.due_date,
          days: days(was, ms.due_date),
        });
    }
  }
  for (const old of previous)
    if (!now.has(old.id) && !CLOSING_STATUSES.includes(old.status))
      changes.closed_measures.push({
        measure_id: old.id,
        code: old.code,
        title: old.title,
        status_before: old.status,
        status_now: null,
      });

  const byCode = <T extends { code: string }>(a: T, b: T) =>
    a.code.localeCompare(b.code, 'de', { numeric: true });
  changes.health_changes.sort(byCode);
  changes.new_measures.sort(byCode);
  changes.closed_measures.sort(byCode);
  changes.slipped_milestones.sort((a, b) => byCode(a, b) || a.to.localeCompare(b.to));
  return changes;
}
