import { Box, Card, CardActionArea, CardContent, Grid, Skeleton, Stack, Typography } from '@mui/material';
import { lazy, Suspense, type ReactNode } from 'react';
import { Title, useLocaleState, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router';
import { formatDate } from '../common/dates';
import { formatEuro } from '../common/money';
import { InterestCard } from '../proof_of_use/InterestCard';
import { dateLocale } from '../i18n';
import { IndicatorSummaryCard } from '../indicators/IndicatorSummaryCard';
import { IssueStatusReportButton } from '../status_reports/IssueStatusReportButton';
import { useCockpitData, useKpis } from './cockpitHooks';
import type { Kpi } from './cockpitShapes';
import { DisagreementsCard, DueSoonCard, OverdueCard, WithoutContactCard } from './CockpitLists';

// recharts comes only with this lazily loaded chunk.
const charts = () => import('./CockpitCharts');
const StatusByFieldChart = lazy(() => charts().then((m) => ({ default: m.StatusByFieldChart })));
const HealthDonutChart = lazy(() => charts().then((m) => ({ default: m.HealthDonutChart })));
const MoneyPerYearChart = lazy(() => charts().then((m) => ({ default: m.MoneyPerYearChart })));
const DrawdownChart = lazy(() => charts().then((m) => ({ default: m.DrawdownChart })));
const ContactsChart = lazy(() => charts().then((m) => ({ default: m.ContactsChart })));

/** Height of a chart card while its chunk loads (title, chart, hint). */
const CHART_CARD_HEIGHT = 360;

const percent = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });
const count = new Intl.NumberFormat('de-DE');

function formatKpi(value: number | null, format: Kpi['format']): string {
  if (value === null) return '—';
  if (format === 'euro') return formatEuro(value);
  if (format === 'percent') return `${percent.format(value)} %`;
  return count.format(value);
}

function KpiCard({ kpi }: { kpi: Kpi }) {
  const translate = useTranslate();
  const navigate = useNavigate();
  const colour =
    kpi.tone === 'error' ? 'error.main' : kpi.tone === 'warning' ? 'warning.dark' : 'text.primary';
  const open = () => {
    if (kpi.to.startsWith('#'))
      document.getElementById(kpi.to.slice(1))?.scrollIntoView({ behavior: 'smooth' });
    else navigate(kpi.to);
  };
  return (
    <Card sx={{ height: '100%' }}>
      <CardActionArea onClick={open} sx={{ height: '100%', p: 1.5 }}>
        <Typography variant="body2" color="text.secondary" noWrap title={translate(kpi.label)}>
          {translate(kpi.label)}
        </Typography>
        <Typography variant="h5" component="p" sx={{ color: colour, fontWeight: 600, whiteSpace: 'nowrap' }}>
          {formatKpi(kpi.value, kpi.format)}
        </Typography>
        {kpi.detail && (
          <Typography variant="caption" color="text.secondary">
            {formatKpi(kpi.detail.value, kpi.detail.format)} {translate(kpi.detail.label)}
          </Typography>
        )}
      </CardActionArea>
    </Card>
  );
}

function KpiRow() {
  const { data } = useKpis();
  if (!data)
    return (
      <Grid container spacing={1.5}>
        {[0, 1, 2, 3, 4, 5, 6, 7].map((i) => (
          <Grid key={i} size={{ xs: 6, sm: 4, md: 3, xl: 1.5 }}>
            <Skeleton variant="rounded" height={88} />
          </Grid>
        ))}
      </Grid>
    );
  return (
    <Grid container spacing={1.5} component="section" aria-label="Kennzahlen">
      {data.map((kpi) => (
        <Grid key={kpi.key} size={{ xs: 6, sm: 4, md: 3, xl: 1.5 }}>
          <KpiCard kpi={kpi} />
        </Grid>
      ))}
    </Grid>
  );
}

/** A lazily loaded chart with a placeholder of the same height while its chunk loads. */
function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Skeleton variant="rounded" height={CHART_CARD_HEIGHT} />}>{children}</Suspense>;
}

/** The CDO's start page: every figure of GET /api/dashboard; each chart element leads to the list behind it. */
export default function CockpitDashboard() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, error } = useCockpitData();
  const money = data?.sections.money ?? false;
  const contacts = data?.sections.contacts ?? false;
  return (
    <Box sx={{ py: 2 }}>
      <Title title="app.menu.dashboard" />
      <Stack
        direction="row"
        sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1.5, gap: 2, flexWrap: 'wrap' }}
      >
        <Box>
          <Typography component="h1" variant="h5">
            {translate('app.dashboard.title')}
          </Typography>
          {data && (
            <Typography variant="body2" color="text.secondary">
              {translate('app.dashboard.as_of', { date: formatDate(data.today, dateLocale(locale)) })}
            </Typography>
          )}
        </Box>
        <IssueStatusReportButton />
      </Stack>
      {error ? (
        <Card>
          <CardContent>
            <Typography color="error">
              {error instanceof Error ? error.message : translate('app.errors.server')}
            </Typography>
          </CardContent>
        </Card>
      ) : (
        <Stack spacing={2}>
          <KpiRow />
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, md: 8 }}>
              <Lazy>
                <StatusByFieldChart />
              </Lazy>
            </Grid>
            <Grid size={{ xs: 12, md: 4 }}>
              <Lazy>
                <HealthDonutChart />
              </Lazy>
            </Grid>
            {money && (
              <>
                <Grid size={{ xs: 12, md: 6 }}>
                  <Lazy>
                    <MoneyPerYearChart />
                  </Lazy>
                </Grid>
                <Grid size={{ xs: 12, md: 6 }}>
                  <Lazy>
                    <DrawdownChart />
                  </Lazy>
                </Grid>
                <Grid size={{ xs: 12, md: 6 }}>
                  <InterestCard />
                </Grid>
              </>
            )}
            {contacts && (
              <>
                <Grid size={{ xs: 12, md: 6 }}>
                  <Lazy>
                    <ContactsChart />
                  </Lazy>
                </Grid>
                <Grid size={{ xs: 12, md: 6 }}>
                  <WithoutContactCard />
                </Grid>
              </>
            )}
            <Grid size={{ xs: 12, md: 6 }}>
              <OverdueCard />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <DueSoonCard />
            </Grid>
            <Grid size={12}>
              <IndicatorSummaryCard />
            </Grid>
            <Grid size={12} id="disagreements">
              <DisagreementsCard />
            </Grid>
          </Grid>
        </Stack>
      )}
    </Box>
  );
}
