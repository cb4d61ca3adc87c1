import { QueryClient } from '@tanstack/react-query';

const MAX_RETRIES = 3;

/**
 * Whether a failed query is tried again. A refusal or a bad request (4xx) fails the same way every time: the
 * page says so at once instead of after react-query's three retries with back-off (7 s). A server or network
 * error may pass, so those are retried.
 */
export function shouldRetry(failures: number, error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status; // react-admin's HttpError
  if (typeof status === 'number' && status >= 400 && status < 500) return false;
  return failures < MAX_RETRIES;
}

export const queryClient = new QueryClient({ defaultOptions: { queries: { retry: shouldRetry } } });
