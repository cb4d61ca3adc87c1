import {
  Box,
  Card,
  CardContent,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { lazy, Suspense } from 'react';
import { useGetIdentity, useGetList, useGetOne, useTranslate, type RaRecord } from 'react-admin';
import type { IndicatorState } from '../../../api/domain';
import { useRole } from '../auth/useCan';
import { formatDate } from '../common/dates';
import { withUnit } from './numbers';
import { StateChip } from './StateChip';
import { ValueForm } from './ValueForm';

// recharts comes only with this lazily loaded chunk.
const IndicatorChart = lazy(() => import('./IndicatorChart'));

export interface IndicatorRecord extends RaRecord {
  measure_id: number;
  name: string;
  unit: string;
  direction: 'higher' | 'lower';
  baseline_value: number;
  baseline_date: string;
  target_value: number;
  target_date: string;
  method: string | null;
  reported_by: string | null;
  state: IndicatorState;
}

export interface ValueRecord extends RaRecord {
  measured_on: string;
  value: number;
  source: string | null;
  note: string | null;
}

/** cdo and steering enter every value; anyone else only for the measures she owns (the API checks the same). */
function useMayEnterValues(measureId: number): boolean {
  const role = useRole();
  const { identity } = useGetIdentity();
  const { data: measure } = useGetOne('measures', { id: measureId });
  if (role === 'cdo' || role === 'steering') return true;
  return identity !== undefined && measure?.owner_id === identity.id;
}

/** One indicator: state, line and values as chart and table, and the value form for those who may enter values. */
export function IndicatorPanel({ indicator }: { indicator: IndicatorRecord }) {
  const translate = useTranslate();
  const mayEnter = useMayEnterValues(indicator.measure_id);
  const { data: values = [] } = useGetList<ValueRecord>('indicator_values', {
    filter: { indicator_id: indicator.id },
    sort: { field: 'measured_on', order: 'ASC' },
    pagination: { page: 1, perPage: 1000 },
  });
  return (
    <Card variant="outlined" component="section" aria-label={indicator.name}>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography component="h3" variant="h6">
            {indicator.name}
          </Typography>
          <StateChip state={indicator.state} />
        </Stack>
        <Typography variant="body2" color="text.secondary">
          {translate('app.indicators.line', {
            baseline: withUnit(indicator.baseline_value, indicator.unit),
            baseline_date: formatDate(indicator.baseline_date),
            target: withUnit(indicator.target_value, indicator.unit),
            target_date: formatDate(indicator.target_date),
          })}{' '}
          · {translate(`app.enums.indicator_direction.${indicator.direction}`)}
          {indicator.reported_by ? ` · ${indicator.reported_by}` : ''}
        </Typography>
        {indicator.method && (
          <Typography variant="caption" color="text.secondary">
            {indicator.method}
          </Typography>
        )}
        <Box sx={{ mt: 1 }}>
          <Suspense fallback={<Box sx={{ height: 260 }} />}>
            <IndicatorChart indicator={indicator} values={values} />
          </Suspense>
        </Box>
        <Table size="small" aria-label={translate('app.indicators.values_table')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.indicator_values.fields.measured_on')}</TableCell>
              <TableCell align="right">{translate('resources.indicator_values.fields.value')}</TableCell>
              <TableCell>{translate('resources.indicator_values.fields.source')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {[...values]
              .reverse()
              .slice(0, 12)
              .map((v) => (
                <TableRow key={v.id}>
                  <TableCell>{formatDate(v.measured_on)}</TableCell>
                  <TableCell align="right">{withUnit(v.value, indicator.unit)}</TableCell>
                  <TableCell>{v.source ?? ''}</TableCell>
                </TableRow>
              ))}
          </TableBody>
        </Table>
        {values.length > 12 && (
          <Typography variant="caption" color="text.secondary">
            {translate('app.indicators.older_values', { count: values.length - 12 })}
          </Typography>
        )}
        {mayEnter && <ValueForm indicatorId={Number(indicator.id)} />}
      </CardContent>
    </Card>
  );
}
