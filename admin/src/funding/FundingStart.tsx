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
import { DataTable, ListBase, Title, useTranslate, type RaRecord } from 'react-admin';
import { GrantAndNumber } from '../tranches/TrancheTable';
import { Link } from 'react-router';
import { DateField } from '../common/DateField';
import { todayIso } from '../common/dates';
import { EnumField } from '../common/EnumField';
import { MoneyCol } from '../common/columns';
import { formatEuro, formatPercentBp } from '../common/money';
import { StartCard } from '../dashboard/StartCard';
import { InterestCard } from '../proof_of_use/InterestCard';
import {
  currentGrant,
  useDeadlines,
  useFundingApi,
  useGrants,
  type DeadlineRange,
  type FundingReport,
} from './api';
import { DeadlineWindow } from './DeadlineWindow';
import { DeadlineList } from './DeadlineList';

type Kpi = { key: string; label: string; cents: (r: FundingReport) => number; hint?: string };

/** Like beside like: federal funds against the approved grant, eligible spending against the eligible costs. */
const FEDERAL: Kpi[] = [
  { key: 'approved', label: 'app.funding.kpi_approved', cents: (r) => r.totals.approved_cents },
  { key: 'requested', label: 'app.funding.col_requested', cents: (r) => r.totals.requested_cents },
  { key: 'received', label: 'app.funding.col_received', cents: (r) => r.totals.received_cents },
  {
    key: 'unspent',
    label: 'app.funding.unspent',
    cents: (r) => r.totals.unspent_cents,
    hint: 'app.funding.unspent_hint',
  },
  { key: 'open', label: 'app.funding.open_to_request', cents: (r) => r.totals.open_to_request_cents },
  {
    key: 'federal_spent',
    label: 'app.funding.kpi_federal_spent',
    cents: (r) => r.totals.federal_share_cents,
  },
];
const ELIGIBLE: Kpi[] = [
  { key: 'eligible', label: 'app.funding.kpi_eligible_cost', cents: (r) => r.grant.eligible_cents },
  { key: 'spent', label: 'app.funding.col_spent', cents: (r) => r.totals.spent_cents },
];

function KpiCard({ label, cents, hint }: { label: string; cents: number | undefined; hint?: string }) {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="body2" color="text.secondary">
          {translate(label)}
        </Typography>
        <Typography component="p" variant="h6" sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
          {cents === undefined ? '…' : formatEuro(cents)}
        </Typography>
        {hint && (
          <Typography variant="caption" color="text.secondary" component="p">
            {hint}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}

function KpiRow({
  title,
  kpis,
  report,
  hints,
}: {
  title: string;
  kpis: Kpi[];
  report?: FundingReport;
  hints: Record<string, string>;
}) {
  const translate = useTranslate();
  return (
    <Box component="section" sx={{ mb: 2 }}>
      <Typography component="h2" variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
        {translate(title)}
      </Typography>
      <Grid container spacing={2}>
        {kpis.map((k) => (
          <Grid key={k.key} size={{ xs: 12, sm: 6, md: 4, xl: 2 }}>
            <KpiCard label={k.label} hint={hints[k.key]} cents={report ? k.cents(report) : undefined} />
          </Grid>
        ))}
      </Grid>
    </Box>
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
  const [within, setWithin] = useState<DeadlineRange>('90');
  const deadlines = useDeadlines(undefined, within);
  const items = deadlines.data?.items ?? [];
  const hints = { unspent: translate('app.funding.unspent_scope', { phase: grant?.phase ?? '' }) };
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
      <KpiRow title="app.funding.federal_funds" kpis={FEDERAL} report={report.data} hints={hints} />
      <KpiRow title="app.funding.eligible_costs" kpis={ELIGIBLE} report={report.data} hints={{}} />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, xl: 6 }}>
          <Box sx={{ mb: 1 }}>
            <DeadlineWindow value={within} onChange={setWithin} />
          </Box>
          <StartCard
            title="app.funding.deadlines"
            isPending={deadlines.isPending}
            error={deadlines.error}
            isEmpty={items.length === 0}
            emptyText="app.funding.no_deadlines"
          >
            <Box sx={{ overflowX: 'auto', contain: 'inline-size' }}>
              <DeadlineList items={items} compact />
            </Box>
            <Button component={Link} to="/fristen" size="small" sx={{ mt: 1 }}>
              {translate('app.funding.all_deadlines')}
            </Button>
          </StartCard>
        </Grid>
        <Grid size={{ xs: 12, xl: 6 }}>
          <InterestCard grantId={grant ? Number(grant.id) : undefined} detailed />
        </Grid>
        <Grid size={{ xs: 12, xl: 6 }}>
          <StartCard title="app.funding.last_tranches">
            <ListBase
              resource="tranches"
              sort={{ field: 'id', order: 'DESC' }}
              perPage={5}
              disableSyncWithLocation
              storeKey={false}
            >
              <Box sx={{ overflowX: 'auto', contain: 'inline-size' }}>
                <DataTable bulkActionButtons={false} rowClick="show">
                  <DataTable.Col
                    source="grant_id"
                    label="app.funding.grant_and_number"
                    render={(r: RaRecord) => <GrantAndNumber record={r} />}
                  />
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
