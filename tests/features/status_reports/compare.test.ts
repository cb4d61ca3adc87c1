import { compareSnapshots } from '../../../api/features/status_reports/compare';
import type { MeasureSnapshot } from '../../../api/features/status_reports/snapshot';

const measure = (id: number, changes: Partial<MeasureSnapshot> = {}): MeasureSnapshot => ({
  id,
  code: `M-${String(id).padStart(2, '0')}`,
  title: `Maßnahme ${id}`,
  field_of_action: 'Arbeit',
  status: 'implementation',
  health: 'green',
  health_note: null,
  progress: 10,
  next_milestones: [],
  open_milestones: [],
  ...changes,
});

describe('compareSnapshots', () => {
  it('finds nothing without a previous report', () => {
    expect(compareSnapshots([measure(1)], null)).toEqual({
      health_changes: [],
      slipped_milestones: [],
      new_measures: [],
      closed_measures: [],
    });
  });

  it('lists changed lights', () => {
    const c = compareSnapshots([measure(1, { health: 'red' }), measure(2)], [measure(1), measure(2)]);
    expect(c.health_changes).toEqual([
      { measure_id: 1, code: 'M-01', title: 'Maßnahme 1', from: 'green', to: 'red' },
    ]);
  });

  it('lists an open milestone whose forecast moved later, not one moved earlier', () => {
    const before = measure(1, {
      open_milestones: [
        { id: 10, title: 'Vergabe', due_date: '2027-01-31' },
        { id: 11, title: 'Start', due_date: '2027-03-31' },
      ],
    });
    const after = measure(1, {
      open_milestones: [
        { id: 10, title: 'Vergabe', due_date: '2027-03-02' },
        { id: 11, title: 'Start', due_date: '2027-02-28' },
      ],
    });
    expect(compareSnapshots([after], [before]).slipped_milestones).toEqual([
      {
        milestone_id: 10,
        title: 'Vergabe',
        measure_id: 1,
        code: 'M-01',
        measure_title: 'Maßnahme 1',
        from: '2027-01-31',
        to: '2027-03-02',
        days: 30,
      },
    ]);
  });

  it('falls back to the next milestones for reports issued before open_milestones existed', () => {
    const before = measure(1, {
      open_milestones: undefined,
      next_milestones: [{ id: 10, title: 'Vergabe', due_date: '2027-01-31', baseline_date: '2027-01-31' }],
    });
    const after = measure(1, { open_milestones: [{ id: 10, title: 'Vergabe', due_date: '2027-02-01' }] });
    expect(compareSnapshots([after], [before]).slipped_milestones).toHaveLength(1);
  });

  it('lists new measures', () => {
    const c = compareSnapshots([measure(1), measure(2, { status: 'idea' })], [measure(1)]);
    expect(c.new_measures).toEqual([
      { measure_id: 2, code: 'M-02', title: 'Maßnahme 2', status: 'idea', health: 'green' },
    ]);
  });

  it('lists measures completed or stopped since, and measures that are gone', () => {
    const c = compareSnapshots(
      [
        measure(1, { status: 'completed' }),
        measure(2, { status: 'stopped' }),
        measure(3, { status: 'completed' }),
      ],
      [measure(1), measure(2, { status: 'paused' }), measure(3, { status: 'completed' }), measure(4)],
    );
    expect(c.closed_measures).toEqual([
      {
        measure_id: 1,
        code: 'M-01',
        title: 'Maßnahme 1',
        status_before: 'implementation',
        status_now: 'completed',
      },
      { measure_id: 2, code: 'M-02', title: 'Maßnahme 2', status_before: 'paused', status_now: 'stopped' },
      { measure_id: 4, code: 'M-04', title: 'Maßnahme 4', status_before: 'implementation', status_now: null },
    ]);
  });
});
