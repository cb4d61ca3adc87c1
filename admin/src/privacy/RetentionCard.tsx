import { Alert, Card, CardContent, LinearProgress, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { DatePickerField } from '../common/DatePickerField';
import { formatDate } from '../common/dates';
import { httpClient } from '../providers/httpClient';
import type { RetentionPreview } from './api';

/** "N Kontakte würden am DATUM anonymisiert": the retention run of a chosen day (default: tomorrow). */
export function RetentionCard() {
  const translate = useTranslate();
  const [on, setOn] = useState('');
  const { data, isPending, error } = useQuery({
    queryKey: ['privacy', 'retention', on],
    queryFn: async () =>
      (await httpClient(`/api/privacy/retention${on ? `?on=${on}` : ''}`)).json as RetentionPreview,
  });
  return (
    <Card>
      <CardContent>
        <Typography component="h2" variant="h6" gutterBottom>
          {translate('app.privacy.retention_title')}
        </Typography>
        {data && (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2, maxWidth: 900 }}>
            {translate('app.privacy.retention_intro', { months: data.months })}
          </Typography>
        )}
        <DatePickerField
          size="small"
          label={translate('app.privacy.preview_date')}
          value={on || data?.on || ''}
          onChange={(value) => value && setOn(value)}
          sx={{ mb: 2 }}
        />
        {isPending && <LinearProgress />}
        {error && <Alert severity="error">{error.message}</Alert>}
        {data && (
          <Stack spacing={1}>
            <Alert severity={data.count > 0 ? 'info' : 'success'} data-testid="retention-preview">
              {translate('app.privacy.retention_preview', {
                smart_count: data.count,
                date: formatDate(data.on),
              })}{' '}
              ({translate('app.privacy.retention_cutoff', { date: formatDate(data.cutoff) })})
            </Alert>
            {data.heldBack > 0 && (
              <Alert severity="warning">
                {translate('app.privacy.retention_held', { smart_count: data.heldBack })}
              </Alert>
            )}
            {data.lastRun && (
              <Typography variant="body2" color="text.secondary">
                {translate('app.privacy.retention_last_run', {
                  date: new Date(data.lastRun.at).toLocaleString('de-DE'),
                  count: data.lastRun.counts.contacts ?? 0,
                })}
              </Typography>
            )}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
}
