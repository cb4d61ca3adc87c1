import {
  Box,
  Button,
  Card,
  CardContent,
  Grid,
  Stack,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { DataTable, ListBase, Title, useTranslate } from 'react-admin';
import { Link } from 'react-router';
import { DateField } from '../common/DateField';
import { todayIso } from '../common/dates';
import { EnumField } from '../common/EnumField';
import { MoneyCol } from '../common/columns';
import { formatEuro, formatPercentBp } from '../common/money';
import { StartCard } from '../dashboard/StartCard';
import { currentGrant, useDeadlines, useFundingApi, useGrants, type FundingReport, type Totals } from './api';
import { DeadlineList } from './DeadlineList';

const KPIS: { key: keyof Totals; label: string; hint?: string }[] = [
  { key: 'approved_cents', label: 'app.funding.col_approved' },
  { key: 'requested_cents', label: 'app.funding.col_requested' },
  { key: 'received_cents', label: 'app.funding.col_received' },
  { key: 'spent_cents', label: 'app.funding.col_spent' },
  { key: 'unspent_cents', label: 'app.funding.unspent', hint: 'app.funding.unspent_hint' },
  { key: 'open_to_request_cents', label: 'app.funding.open_to_request' },
];

const DEADLINES_SHOWN = 6;

function Kpi({ label, cents, hint }: { label: string; cents: number | undefined; hint?: string }) {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ height: '100%' }} title={hint ? translate(hint) : undefined}>
      <CardContent>
        <Typography variant="body2" color="text.secondary">
          {translate(label)}
        </Typography>
        <Typography component="p" variant="h6" sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
          {cents === undefined ? '…' : formatEuro(cents)}
        </Typography>
      </CardContent>
    </Card>
  );
}

/** The funding officer's start page: money at a glance per grant, the deadlines, the latest tranches. */
export default function FundingStart() {
  const translate = useTranslate();
  const grants = useGrants();
  const [chosen, setChosen] = useState<number | null>(null);
  const grant = grants.data?.find((g) => g.id === chosen) ?? currentGrant(grants.data, todayIso());
  const report = useFundingApi<FundingReport>(
    'reports/funding',
    { grant_id: grant?.id },
    grant !== undefined,
  );
  const deadlines = useDeadlines();
  const items = deadlines.data?.items ?? [];
  return (
    <Box sx={{ mt: 1, mb: 2 }}>
      <Title title="app.funding.start_title" />
      <Stack
        direction="row"
        sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 1, mb: 1 }}
      >
        <Box>
          <Typography component="h1" variant="h5">
            {translate('app.funding.start_title')}
          </Typography>
          {grant && (
            <Typography variant="body2" color="text.secondary">
              {grant.file_number} ·{' '}
              {translate('app.funding.funding_rate', { rate: formatPercentBp(grant.funding_rate_bp) })}
            </Typography>
          )}
        </Box>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={grant?.id ?? null}
          onChange={(_e, id: number | null) => id !== null && setChosen(id)}
          aria-label={translate('app.funding.grant')}
        >
          {(grants.data ?? []).map((g) => (
            <ToggleButton key={g.id} value={g.id}>
              {g.phase}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Stack>
      <Grid container spacing={2} sx={{ mb: 2 }}>
        {KPIS.map((k) => (
          <Grid key={k.key} size={{ xs: 12, sm: 6, md: 4, xl: 2 }}>
            <Kpi label={k.label} hint={k.hint} cents={report.data?.totals[k.key]} />
          </Grid>
        ))}
      </Grid>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, xl: 6 }}>
          <StartCard
            title="app.funding.deadlines"
            isPending={deadlines.isPending}
            error={deadlines.error}
            isEmpty={items.length === 0}
            emptyText="app.funding.no_deadlines"
          >
            <Box sx={{ overflowX: 'auto', contain: 'inline-size' }}>
              <DeadlineList items={items.slice(0, DEADLINES_SHOWN)} compact />
            </Box>
            <Button component={Link} to="/fristen" size="small" sx={{ mt: 1 }}>
              {translate('app.funding.all_deadlines')}
              {items.length > DEADLINES_SHOWN ? ` (${items.length})` : ''}
            </Button>
          </StartCard>
        </Grid>
        <Grid size={{ xs: 12, xl: 6 }}>
          <StartCard title="app.funding.last_tranches">
            <ListBase
              resource="tranches"
              sort={{ field: 'requested_on', order: 'DESC' }}
              perPage={5}
              disableSyncWithLocation
              storeKey={false}
            >
              <Box sx={{ overflowX: 'auto', contain: 'inline-size' }}>
                <DataTable bulkActionButtons={false} rowClick="show">
                  <DataTable.Col source="number" />
                  <DataTable.Col source="fiscal_year" />
                  <DataTable.Col source="status" field={EnumField} />
                  <DataTable.Col source="requested_on" field={DateField} />
                  <MoneyCol source="requested_cents" />
                  <MoneyCol source="received_cents" />
                  <DataTable.Col source="spend_deadline" field={DateField} />
                </DataTable>
              </Box>
            </ListBase>
            <Button component={Link} to="/tranches" size="small" sx={{ mt: 1 }}>
              {translate('app.funding.all_tranches')}
            </Button>
          </StartCard>
        </Grid>
      </Grid>
    </Box>
  );
}
