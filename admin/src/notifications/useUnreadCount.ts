import { useQuery, useQueryClient } from '@tanstack/react-query';
import { httpClient } from '../providers/httpClient';

const KEY = ['notifications', 'unread_count'];

/** The caller's unread notifications, refreshed every minute (the daily run and a red light can add some). */
export function useUnreadCount(): number | undefined {
  const { data } = useQuery({
    queryKey: KEY,
    queryFn: async () =>
      ((await httpClient('/api/notifications/unread_count')).json as { unread: number }).unread,
    refetchInterval: 60_000,
  });
  return data;
}

/** Marking read: one notification, or all of the caller's; the bell and the list follow. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  const after = () => queryClient.invalidateQueries({ queryKey: ['notifications'] });
  return {
    one: async (id: number) => {
      await httpClient(`/api/notifications/${id}/read`, { method: 'POST', body: '{}' });
      await after();
    },
    all: async () => {
      await httpClient('/api/notifications/read_all', { method: 'POST', body: '{}' });
      await after();
    },
  };
}
