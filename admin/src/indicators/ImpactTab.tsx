import { Stack, Typography } from '@mui/material';
import { useGetList, useRecordContext, useTranslate } from 'react-admin';
import { IndicatorPanel, type IndicatorRecord } from './IndicatorPanel';

/** The measure's tab "Wirkung": each indicator with its chart, values and the value form. */
export function ImpactTab() {
  const measure = useRecordContext();
  const translate = useTranslate();
  const { data = [], isPending } = useGetList<IndicatorRecord>(
    'indicators',
    {
      filter: { measure_id: measure?.id },
      sort: { field: 'name', order: 'ASC' },
      pagination: { page: 1, perPage: 100 },
    },
    { enabled: measure !== undefined },
  );
  if (isPending) return null;
  if (!data.length)
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('app.indicators.none')}
      </Typography>
    );
  return (
    <Stack spacing={2}>
      {data.map((i) => (
        <IndicatorPanel key={i.id} indicator={i} />
      ))}
    </Stack>
  );
}
