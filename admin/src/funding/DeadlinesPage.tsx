import {
  Alert,
  Box,
  Card,
  CardContent,
  Chip,
  LinearProgress,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { useDeadlines, useGrants, type DeadlineRange } from './api';
import { DeadlineWindow } from './DeadlineWindow';
import { InterestCard } from '../proof_of_use/InterestCard';
import { DeadlineList } from './DeadlineList';
import { deadlineCounts } from './deadlineStatus';

/** "Fristen": every open funding deadline, soonest first, optionally for one grant. */
export default function DeadlinesPage() {
  const translate = useTranslate();
  const [grantId, setGrantId] = useState<number | ''>('');
  const [within, setWithin] = useState<DeadlineRange>('90');
  const grants = useGrants();
  const { data, isPending, error } = useDeadlines(grantId === '' ? undefined : grantId, within);
  const counts = deadlineCounts(data?.items ?? []);
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="app.menu.deadlines" />
      <CardContent>
        <Typography component="h1" variant="h5" gutterBottom>
          {translate('app.menu.deadlines')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2, maxWidth: 900 }}>
          {translate('app.funding.deadlines_intro')}
        </Typography>
        <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          <TextField
            select
            size="small"
            label={translate('app.funding.grant')}
            value={grantId}
            onChange={(e) => setGrantId(e.target.value === '' ? '' : Number(e.target.value))}
            fullWidth={false}
            sx={{ width: 340 }}
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          >
            <MenuItem value="">{translate('app.funding.all_grants')}</MenuItem>
            {(grants.data ?? []).map((g) => (
              <MenuItem key={g.id} value={g.id}>
                {g.phase} ({g.file_number})
              </MenuItem>
            ))}
          </TextField>
          <DeadlineWindow value={within} onChange={setWithin} />
          {data && (
            <>
              <Chip
                color="error"
                label={translate('app.funding.overdue_count', { smart_count: counts.overdue })}
              />
              <Chip
                color="warning"
                label={translate('app.funding.due_soon_count', { smart_count: counts.soon })}
              />
            </>
          )}
        </Stack>
        {isPending ? (
          <LinearProgress aria-label={translate('app.common.loading')} />
        ) : error ? (
          <Alert severity="error">{error.message}</Alert>
        ) : data.items.length === 0 ? (
          <Typography color="text.secondary">{translate('app.funding.no_deadlines')}</Typography>
        ) : (
          <Box sx={{ overflowX: 'auto', contain: 'inline-size' }}>
            <DeadlineList items={data.items} />
          </Box>
        )}
      </CardContent>
      <Box sx={{ px: 2, pb: 2 }}>
        <InterestCard grantId={grantId === '' ? undefined : grantId} detailed />
      </Box>
    </Card>
  );
}
