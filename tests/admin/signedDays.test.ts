import { signedDays } from '../../admin/src/common/signedDays';
import { shiftedFollowUp } from '../../admin/src/contacts/followUpShift';

describe('signedDays', () => {
  it('writes every shift with one sign style: +, a real minus sign, ± for none', () => {
    expect(signedDays(12)).toBe('+12');
    expect(signedDays(-20)).toBe('\u221220');
    expect(signedDays(0)).toBe('±0');
  });
});

describe('shiftedFollowUp', () => {
  it('moves a follow-up by whole weeks from its date', () => {
    expect(shiftedFollowUp('2026-12-14', 1, '2026-12-01')).toBe('2026-12-21');
    expect(shiftedFollowUp('2026-12-28', 2, '2026-12-01')).toBe('2027-01-11');
  });

  it('counts from today when the follow-up is already overdue', () => {
    expect(shiftedFollowUp('2026-10-01', 1, '2026-11-29')).toBe('2026-12-06');
  });
});
