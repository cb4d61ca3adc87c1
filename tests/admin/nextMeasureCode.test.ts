import { nextMeasureCode } from '../../admin/src/measures/nextCode';

describe('nextMeasureCode', () => {
  it('continues the highest number of the usual prefix, as wide as before', () => {
    expect(nextMeasureCode(['M-01', 'M-02', 'M-40', 'M-07'])).toBe('M-41');
    expect(nextMeasureCode(['M-09'])).toBe('M-10');
    expect(nextMeasureCode(['M-99', 'M-98'])).toBe('M-100');
  });

  it('follows the prefix most codes use, and ignores codes without a number', () => {
    expect(nextMeasureCode(['M-01', 'M-02', 'X-50', 'Sonder'])).toBe('M-03');
  });

  it('has no suggestion without numbered codes', () => {
    expect(nextMeasureCode([])).toBeUndefined();
    expect(nextMeasureCode(['Pilot'])).toBeUndefined();
  });
});
