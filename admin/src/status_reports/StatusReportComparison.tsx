import { Alert, Box, Link as MuiLink, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router';
import { formatDate } from '../common/dates';
import { HealthDot } from '../common/HealthLight';
import type { ReportComparison } from '../../../api/features/status_reports/contract';
import { dateLocale } from '../i18n';
import { httpClient } from '../providers/httpClient';

function Section({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  const translate = useTranslate();
  return (
    <Box>
      <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 600 }}>
        {translate(title)} ({count})
      </Typography>
      {count ? (
        <List dense disablePadding>
          {children}
        </List>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate('app.reports.none')}
        </Typography>
      )}
    </Box>
  );
}

/**
 * What changed since the previous report: lights, slipped milestones, new and closed measures.
 * `label={false}` keeps SimpleShowLayout from adding a field label.
 */
export function StatusReportComparison(_props: { label?: false }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const record = useRecordContext();
  const date = (iso: string) => formatDate(iso, dateLocale(locale));
  const { data, error, isPending } = useQuery({
    queryKey: ['status-report-comparison', record?.id],
    queryFn: async () =>
      (await httpClient(`/api/status_reports/${record!.id}/comparison`)).json as ReportComparison,
    enabled: record !== undefined,
  });
  if (!record || isPending) return null;
  if (error) return <Alert severity="error">{(error as Error).message}</Alert>;
  if (!data.previous) return <Alert severity="info">{translate('app.reports.no_previous')}</Alert>;
  const measure = (id: number, code: string) => (
    <MuiLink component={Link} to={`/measures/${id}/show`}>
      {code}
    </MuiLink>
  );
  return (
    <Stack spacing={2} component="section" aria-label={translate('app.reports.changes_since_last')}>
      <Typography component="h2" variant="h6">
        {translate('app.reports.changes_since_last')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('app.reports.compared_with', {
          title: data.previous.title,
          date: date(data.previous.reported_on),
        })}
      </Typography>
      <Section title="app.reports.health_changed" count={data.health_changes.length}>
        {data.health_changes.map((h) => (
          <ListItem key={h.measure_id} disableGutters>
            <ListItemText
              primary={
                <>
                  {measure(h.measure_id, h.code)} {h.title}
                </>
              }
              secondary={
                <Box component="span" sx={{ display: 'inline-flex', gap: 1, alignItems: 'center' }}>
                  <HealthDot compact health={h.from} /> → <HealthDot compact health={h.to} />
                </Box>
              }
            />
          </ListItem>
        ))}
      </Section>
      <Section title="app.reports.slipped" count={data.slipped_milestones.length}>
        {data.slipped_milestones.map((s) => (
          <ListItem key={s.milestone_id} disableGutters>
            <ListItemText
              primary={`${s.code} · ${s.title}`}
              secondary={translate('app.reports.slipped_detail', {
                from: date(s.from),
                to: date(s.to),
                smart_count: s.days,
              })}
            />
          </ListItem>
        ))}
      </Section>
      <Section title="app.reports.new_measures" count={data.new_measures.length}>
        {data.new_measures.map((m) => (
          <ListItem key={m.measure_id} disableGutters>
            <ListItemText
              primary={
                <>
                  {measure(m.measure_id, m.code)} {m.title}
                </>
              }
            />
          </ListItem>
        ))}
      </Section>
      <Section title="app.reports.closed_measures" count={data.closed_measures.length}>
        {data.closed_measures.map((m) => (
          <ListItem key={m.measure_id} disableGutters>
            <ListItemText
              primary={`${m.code} · ${m.title}`}
              secondary={
                m.status_now
                  ? `${translate(`app.enums.status.${m.status_before}`)} → ${translate(`app.enums.status.${m.status_now}`)}`
                  : translate('app.reports.removed')
              }
            />
          </ListItem>
        ))}
      </Section>
    </Stack>
  );
}
