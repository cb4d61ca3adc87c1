import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { SEARCH_MIN_LENGTH, type SearchResponse } from '../../../api/features/search/contract';
import { httpClient } from '../providers/httpClient';

export type { SearchGroup, SearchHit, SearchType } from '../../../api/features/search/contract';

const DEBOUNCE_MS = 250;

/** The app bar's search: GET /api/search once the typing pauses, the last answer kept while the next loads. */
export function useSearch(text: string) {
  const [q, setQ] = useState(text.trim());
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const enabled = q.length >= SEARCH_MIN_LENGTH;
  const query = useQuery({
    queryKey: ['search', q],
    queryFn: async () =>
      (await httpClient(`/api/search?${new URLSearchParams({ q }).toString()}`)).json as SearchResponse,
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  return { q, enabled, ...query };
}
