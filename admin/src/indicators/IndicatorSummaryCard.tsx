import { Link as MuiLink, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router';
import { INDICATOR_STATES } from '../../../api/domain';
import type { IndicatorSummary } from '../../../api/features/indicators/contract';
import { StartCard } from '../dashboard/StartCard';
import { httpClient } from '../providers/httpClient';
import { StateChip } from './StateChip';

const listOf = (state: string) => `/indicators?filter=${encodeURIComponent(JSON.stringify({ state }))}`;

/** Dashboard card "Wirkungsindikatoren": indicators per state, each leading to the filtered list. */
export function IndicatorSummaryCard() {
  const translate = useTranslate();
  const { data, isPending, error } = useQuery({
    queryKey: ['indicators', 'summary'],
    queryFn: async () => (await httpClient('/api/indicators/summary')).json as IndicatorSummary,
  });
  return (
    <StartCard
      title="app.indicators.card_title"
      isPending={isPending}
      error={error}
      isEmpty={data?.total === 0}
      emptyText="app.indicators.none"
    >
      {data && (
        <Stack spacing={1}>
          <Typography variant="body2">
            {translate('app.indicators.measures_on_track', {
              on_track: data.measures_on_track,
              measures: data.measures,
            })}
          </Typography>
          <Stack direction="row" sx={{ flexWrap: 'wrap', columnGap: 3, rowGap: 1 }}>
            {INDICATOR_STATES.map((state) => (
              <MuiLink
                key={state}
                component={Link}
                to={listOf(state)}
                underline="hover"
                sx={{ display: 'flex', alignItems: 'center', gap: 1 }}
              >
                <Typography component="span" variant="h6" sx={{ minWidth: 40, textAlign: 'right' }}>
                  {data.counts[state]}
                </Typography>
                <StateChip state={state} />
              </MuiLink>
            ))}
          </Stack>
        </Stack>
      )}
    </StartCard>
  );
}
