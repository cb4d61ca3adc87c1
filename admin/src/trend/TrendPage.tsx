import {
  Alert,
  Autocomplete,
  Link as MuiLink,
  Box,
  Card,
  CardContent,
  Skeleton,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Title, useGetList, useLocaleState, useTranslate } from 'react-admin';
import { Link, useSearchParams } from 'react-router';
import { formatDate } from '../common/dates';
import { signedDays } from '../common/signedDays';
import { dateLocale } from '../i18n';
import { httpClient } from '../providers/httpClient';
import { shapeTrend, topLines, TREND_LIMITS, type TrendResponse } from './trendShapes';

// recharts only in this lazily loaded chunk.
const TrendChart = lazy(() => import('./TrendChart'));

interface MeasureOption {
  id: number;
  code: string;
  title: string;
}

/** The MTA: choose a measure (or the portfolio's final milestones) and see how each forecast moved. */
export default function TrendPage() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [params, setParams] = useSearchParams();
  const raw = params.get('measure_id');
  const measureId = raw && /^\d+$/.test(raw) ? Number(raw) : undefined;

  const measures = useGetList<MeasureOption>('measures', {
    pagination: { page: 1, perPage: 1000 },
    sort: { field: 'code', order: 'ASC' },
  });
  const trend = useQuery({
    queryKey: ['milestone-trend', measureId ?? 'portfolio'],
    queryFn: async () =>
      (await httpClient(`/api/milestones/trend${measureId ? `?measure_id=${measureId}` : ''}`))
        .json as TrendResponse,
  });
  const chart = useMemo(
    () => (trend.data ? shapeTrend(trend.data.milestones, trend.data.scope === 'portfolio') : undefined),
    [trend.data],
  );
  // With many lines the chart shows the ones that moved most; the user can widen it (or see all).
  const [limit, setLimit] = useState<number | 'all'>(TREND_LIMITS[0]);
  const shown = useMemo(() => chart && topLines(chart, limit === 'all' ? undefined : limit), [chart, limit]);
  const selected = measures.data?.find((m) => m.id === measureId) ?? null;
  const date = (iso: string | null) => (iso ? formatDate(iso, dateLocale(locale)) : '—');

  return (
    <Box sx={{ py: 2 }}>
      <Title title="app.menu.trend" />
      <Card>
        <CardContent>
          <Typography component="h1" variant="h5" gutterBottom>
            {translate('app.menu.trend')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2, maxWidth: 900 }}>
            {translate('app.trend.explanation')}
          </Typography>
          <Autocomplete
            sx={{ maxWidth: 560, mb: 2 }}
            options={measures.data ?? []}
            loading={measures.isPending}
            value={selected}
            getOptionLabel={(m) => `${m.code} · ${m.title}`}
            isOptionEqualToValue={(a, b) => a.id === b.id}
            onChange={(_, m) => setParams(m ? { measure_id: String(m.id) } : {})}
            renderInput={(p) => (
              <TextField
                {...p}
                label={translate('app.trend.measure')}
                placeholder={translate('app.trend.portfolio')}
              />
            )}
          />
          {trend.error ? (
            <Alert severity="error">{(trend.error as Error).message}</Alert>
          ) : !chart ? (
            <Skeleton variant="rounded" height={460} />
          ) : chart.lines.length === 0 ? (
            <Alert severity="info">{translate('app.trend.no_data')}</Alert>
          ) : (
            <>
              {chart.lines.length > TREND_LIMITS[0] && (
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap', mb: 1 }}>
                  <Typography variant="body2" id="trend-limit-label">
                    {translate('app.trend.lines_shown', {
                      shown: shown!.lines.length,
                      smart_count: chart.lines.length,
                    })}
                  </Typography>
                  <ToggleButtonGroup
                    size="small"
                    exclusive
                    value={limit}
                    onChange={(_, v: number | 'all' | null) => v !== null && setLimit(v)}
                    aria-labelledby="trend-limit-label"
                  >
                    {TREND_LIMITS.filter((n) => n < chart.lines.length).map((n) => (
                      <ToggleButton key={n} value={n}>
                        {translate('app.trend.top_n', { smart_count: n })}
                      </ToggleButton>
                    ))}
                    <ToggleButton value="all">{translate('app.trend.all_lines')}</ToggleButton>
                  </ToggleButtonGroup>
                </Box>
              )}
              <Suspense fallback={<Skeleton variant="rounded" height={460} />}>
                <TrendChart data={shown!} />
              </Suspense>
            </>
          )}
          {trend.data && trend.data.milestones.length > 0 && (
            <Table size="small" sx={{ mt: 2 }} aria-label={translate('app.trend.table')}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate('resources.milestones.fields.measure_id')}</TableCell>
                  <TableCell>{translate('resources.milestones.fields.title')}</TableCell>
                  <TableCell>{translate('resources.milestones.fields.baseline_date')}</TableCell>
                  <TableCell>{translate('resources.milestones.fields.due_date')}</TableCell>
                  <TableCell>{translate('resources.milestones.fields.completed_on')}</TableCell>
                  <TableCell align="right">{translate('app.trend.slip_days')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {trend.data.milestones.map((m) => (
                  <TableRow key={m.id} hover>
                    <TableCell>{m.measure_code}</TableCell>
                    <TableCell>
                      <MuiLink component={Link} to={`/milestones/${m.id}/show`}>
                        {m.title}
                      </MuiLink>
                    </TableCell>
                    <TableCell>{date(m.baseline_date)}</TableCell>
                    <TableCell>{date(m.due_date)}</TableCell>
                    <TableCell>{date(m.completed_on)}</TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      {translate('app.milestones.slip_days', {
                        smart_count: Math.abs(m.slip_days),
                        days: signedDays(m.slip_days),
                      })}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </Box>
  );
}
