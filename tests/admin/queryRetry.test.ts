import { HttpError } from 'ra-core';
import { shouldRetry } from '../../admin/src/providers/queryClient';

describe('which failed queries the admin tries again', () => {
  it.each([400, 401, 403, 404, 409, 422])('a %i is shown at once, never retried', (status) => {
    expect(shouldRetry(0, new HttpError('refused', status))).toBe(false);
  });

  it.each([500, 502, 503])('a %i is retried three times, then shown', (status) => {
    const error = new HttpError('server', status);
    expect([0, 1, 2, 3].map((n) => shouldRetry(n, error))).toEqual([true, true, true, false]);
  });

  it('a network failure (no answer at all) is retried too', () => {
    expect(shouldRetry(0, new TypeError('Failed to fetch'))).toBe(true);
    expect(shouldRetry(3, new TypeError('Failed to fetch'))).toBe(false);
  });
});
