import { Alert, LinearProgress, MenuItem, TextField, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router';
import { todayIso } from '../common/dates';
import { currentGrant, queryString, useGrants } from './api';

export function yearsOf(period: { period_start: string; period_end: string }): number[] {
  const [from, to] = [Number(period.period_start.slice(0, 4)), Number(period.period_end.slice(0, 4))];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/**
 * Grant and fiscal year of a report page, kept in the URL (`?grant_id=&fiscal_year=`) so a report can be
 * bookmarked and shared; without a choice the grant whose period holds today. `extra` keeps further parameters.
 */
export function useGrantYear(extra: string[] = []) {
  const grants = useGrants();
  const [search, setSearch] = useSearchParams();
  const chosen = Number(search.get('grant_id')) || null;
  const year: number | '' = Number(search.get('fiscal_year')) || '';
  const grant = grants.data?.find((g) => g.id === chosen) ?? currentGrant(grants.data, todayIso());
  const set = (changes: Record<string, string | number | null | undefined>) => {
    const next: Record<string, string | number | null | undefined> = {
      grant_id: grant?.id,
      fiscal_year: year === '' ? undefined : year,
      ...Object.fromEntries(extra.map((k) => [k, search.get(k)])),
      ...changes,
    };
    setSearch(new URLSearchParams(queryString(next)), { replace: true });
  };
  return {
    grants,
    grant,
    year,
    search,
    set,
    params: { grant_id: grant?.id, fiscal_year: year === '' ? undefined : year },
  };
}

export type GrantYear = ReturnType<typeof useGrantYear>;

/** The two selects: grant (changing it resets the year) and fiscal year, with "all years" unless `yearRequired`. */
export function GrantYearPicker({
  state,
  yearRequired = false,
}: {
  state: GrantYear;
  yearRequired?: boolean;
}) {
  const translate = useTranslate();
  const { grants, grant, year, set } = state;
  return (
    <>
      <TextField
        select
        size="small"
        label={translate('app.funding.grant')}
        value={grant?.id ?? ''}
        onChange={(e) => set({ grant_id: Number(e.target.value), fiscal_year: undefined })}
        fullWidth={false}
        sx={{ width: 520, maxWidth: '100%' }}
      >
        {(grants.data ?? []).map((g) => (
          <MenuItem key={g.id} value={g.id}>
            {g.programme} – {g.phase} ({g.file_number})
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        size="small"
        label={translate('app.funding.fiscal_year')}
        value={year}
        onChange={(e) => set({ fiscal_year: e.target.value === '' ? undefined : Number(e.target.value) })}
        fullWidth={false}
        sx={{ width: 160 }}
        slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
      >
        {!yearRequired && <MenuItem value="">{translate('app.funding.all_years')}</MenuItem>}
        {grant &&
          yearsOf(grant).map((y) => (
            <MenuItem key={y} value={y}>
              {y}
            </MenuItem>
          ))}
      </TextField>
    </>
  );
}

/** What a report page shows below its controls: a prompt without a grant, progress, the error, or the report. */
export function ReportBody<T>({
  state,
  query,
  children,
}: {
  state: GrantYear;
  query: { isPending: boolean; error: Error | null; data?: T };
  children: (data: T) => ReactNode;
}) {
  const translate = useTranslate();
  if (!state.grant && !state.grants.isPending)
    return <Typography color="text.secondary">{translate('app.funding.select_grant')}</Typography>;
  if (query.isPending || query.data === undefined)
    return query.error ? (
      <Alert severity="error">{query.error.message}</Alert>
    ) : (
      <LinearProgress aria-label={translate('app.common.loading')} />
    );
  return <>{children(query.data)}</>;
}
