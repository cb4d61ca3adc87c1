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
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo } from 'react';
import { Title, useGetList, useLocaleState, useTranslate } from 'react-admin';
import { Link, useSearchParams } from 'react-router';
import { formatDate } from '../common/dates';
import { dateLocale } from '../i18n';
import { httpClient } from '../providers/httpClient';
import { shapeTrend, type TrendResponse } from './trendShapes';

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
            <Suspense fallback={<Skeleton variant="rounded" height={460} />}>
              <TrendChart data={chart} />
            </Suspense>
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
                    <TableCell align="right">{m.slip_days > 0 ? `+${m.slip_days}` : m.slip_days}</TableCell>
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
