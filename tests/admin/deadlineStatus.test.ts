import { deadlineCounts, deadlineStatus } from '../../admin/src/funding/deadlineStatus';

describe('deadlineStatus (colour and words of a deadline)', () => {
  it.each([
    [-3, 'error', 'app.funding.overdue_since', 3],
    [0, 'error', 'app.funding.due_today', 0],
    [1, 'warning', 'app.funding.due_in', 1],
    [14, 'warning', 'app.funding.due_in', 14],
    [15, 'info', 'app.funding.due_in', 15],
  ])('%i days left → %s, %s (%i)', (days, severity, key, count) => {
    expect(deadlineStatus(days)).toEqual({ severity, key, smart_count: count });
  });

  it('counts overdue and soon-due items', () => {
    expect(
      deadlineCounts([{ days_left: -1 }, { days_left: 0 }, { days_left: 14 }, { days_left: 30 }]),
    ).toEqual({
      overdue: 1,
      soon: 2,
    });
  });
});
