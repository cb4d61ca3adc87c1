import { useMemo } from 'react';
import { useGetList, type RaRecord } from 'react-admin';
import { rankMunicipalities, type FollowUpRow, type MunicipalityRow } from './guideStart';

const ALL = { page: 1, perPage: 100 };

/** Open follow-ups in the guide's municipalities, soonest first. */
export function useOpenFollowUps(municipalityIds: number[]) {
  return useGetList<RaRecord & FollowUpRow>(
    'contacts',
    {
      filter: { municipality_id: municipalityIds, follow_up_done: false, follow_up_on_null: false },
      sort: { field: 'follow_up_on', order: 'ASC' },
      pagination: ALL,
    },
    { enabled: municipalityIds.length > 0 },
  );
}

/** The guide's municipalities with days since contact and follow-up counts, most urgent first. */
export function useMyMunicipalities(
  municipalityIds: number[],
  followUps: FollowUpRow[] | undefined,
  today: string,
) {
  const result = useGetList<RaRecord & MunicipalityRow>(
    'municipalities',
    { filter: { id: municipalityIds }, sort: { field: 'name', order: 'ASC' }, pagination: ALL },
    { enabled: municipalityIds.length > 0 },
  );
  const ranked = useMemo(
    () => (result.data ? rankMunicipalities(result.data, followUps ?? [], today) : undefined),
    [result.data, followUps, today],
  );
  return { ...result, ranked };
}

/** The last contacts the guide logged herself (a new entry shows here at once). */
export function useRecentContacts(authorId: number | undefined) {
  return useGetList(
    'contacts',
    {
      filter: { author_id: authorId },
      sort: { field: 'contact_on', order: 'DESC' },
      pagination: { page: 1, perPage: 5 },
    },
    { enabled: authorId !== undefined },
  );
}
