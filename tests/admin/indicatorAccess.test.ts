import { canAccessRecord } from '../../admin/src/auth/access';

// The admin shows edit and delete of an indicator value to cdo, steering and the owner of the measure only.

const value = { id: 1, indicator_id: 2, measure_owner_id: 7 };

describe('indicator values in the admin', () => {
  it.each([
    ['cdo', 1, true],
    ['steering', 1, true],
    ['viewer', 7, true],
    ['guide', 7, true],
    ['viewer', 8, false],
    ['funding', 8, false],
  ] as const)('%s (user %i) may change a value of a measure owned by user 7: %s', (role, id, allowed) => {
    expect(canAccessRecord({ id, role }, 'indicator_values', 'edit', value)).toBe(allowed);
    expect(canAccessRecord({ id, role }, 'indicator_values', 'delete', value)).toBe(allowed);
  });

  it('every role reads values; only cdo and steering change indicators', () => {
    expect(canAccessRecord({ id: 8, role: 'viewer' }, 'indicator_values', 'list')).toBe(true);
    expect(canAccessRecord({ id: 7, role: 'viewer' }, 'indicators', 'edit', { measure_owner_id: 7 })).toBe(
      false,
    );
    expect(canAccessRecord({ id: 1, role: 'steering' }, 'indicators', 'edit', {})).toBe(true);
  });
});
