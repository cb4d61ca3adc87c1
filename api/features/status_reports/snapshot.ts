import type { Knex } from 'knex';
import type { IndicatorSnapshot } from '../indicators/contract';
import { indicatorsJsonSql } from '../indicators/snapshotSql';

export interface MeasureSnapshot {
  id: number;
  code: string;
  title: string;
  field_of_action: string;
  status: string;
  health: string;
  health_note: string | null;
  progress: number;
  next_milestones: { id: number; title: string; due_date: string; baseline_date: string }[];
  /** Every open milestone's forecast at issue time, so the next report can list what slipped (absent in early reports). */
  open_milestones?: { id: number; title: string; due_date: string }[];
  /** The measure's impact indicators with their state at issue time (absent in reports before #20). */
  indicators?: IndicatorSnapshot[];
}

/** Every measure's light, status, progress, note, next three open milestones and all open due dates, as they stand now. */
export async function freezeSnapshot(db: Knex | Knex.Transaction): Promise<MeasureSnapshot[]> {
  const { rows } = (await db.raw(`
    select m.id, m.code, m.title, f.name as field_of_action, m.status, m.health, m.health_note, m.progress,
      coalesce((
        select json_agg(json_build_object('id', x.id, 'title', x.title, 'due_date', x.due_date, 'baseline_date', x.baseline_date) order by x.due_date, x.id)
        from (select ms.id, ms.title, ms.due_date, ms.baseline_date from milestones ms
              where ms.measure_id = m.id and ms.completed_on is null order by ms.due_date, ms.id limit 3) x
      ), '[]'::json) as next_milestones,
      coalesce((
        select json_agg(json_build_object('id', o.id, 'title', o.title, 'due_date', o.due_date) order by o.due_date, o.id)
        from milestones o where o.measure_id = m.id and o.completed_on is null
      ), '[]'::json) as open_milestones,
      ${indicatorsJsonSql('m')} as indicators
    from measures m join fields_of_action f on f.id = m.field_of_action_id
    order by f.name, m.code`)) as { rows: MeasureSnapshot[] };
  return rows;
}
