import {
  Box,
  Link as MuiLink,
  List,
  ListItem,
  ListItemButton,
  ListItemText,
  Typography,
} from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { Link } from 'react-router';
import { formatDate } from '../common/dates';
import { HealthDot } from '../common/HealthLight';
import { dateLocale } from '../i18n';
import {
  useDueSoonMilestones,
  useLightDisagreements,
  useOverdueMilestones,
  useWithoutContact,
} from './cockpitHooks';
import { disagreementsUrl, listUrl, reasonMessage, showUrl } from './cockpitShapes';
import type { MilestoneItem } from '../../../api/features/dashboard/contract';
import { StartCard } from './StartCard';

/** The list cards of the cockpit: each row opens its record, the footer the complete filtered list. */

const SHOWN = 8;

function useDate() {
  const [locale] = useLocaleState();
  return (iso: string) => formatDate(iso, dateLocale(locale));
}

function MoreLink({ to, total }: { to: string; total: number }) {
  const translate = useTranslate();
  return (
    <MuiLink component={Link} to={to} variant="body2" sx={{ display: 'inline-block', mt: 1 }}>
      {translate('app.dashboard.show_all', { smart_count: total })}
    </MuiLink>
  );
}

function MilestoneList({
  items,
  secondary,
}: {
  items: MilestoneItem[];
  secondary: (m: MilestoneItem) => string;
}) {
  return (
    <List dense disablePadding>
      {items.slice(0, SHOWN).map((m) => (
        <ListItem key={m.id} disablePadding divider>
          <ListItemButton component={Link} to={showUrl('milestones', m.id)}>
            <ListItemText
              primary={`${m.measure_code} · ${m.title}`}
              secondary={secondary(m)}
              slotProps={{
                primary: { noWrap: true, title: `${m.measure_code} – ${m.measure_title}: ${m.title}` },
              }}
            />
          </ListItemButton>
        </ListItem>
      ))}
    </List>
  );
}

export function OverdueCard() {
  const translate = useTranslate();
  const date = useDate();
  const { data, isPending, error } = useOverdueMilestones();
  return (
    <StartCard
      title="app.dashboard.overdue_milestones"
      isPending={isPending}
      error={error}
      isEmpty={!data?.count}
      emptyText="app.dashboard.none_overdue"
    >
      {data && (
        <>
          <MilestoneList
            items={data.items}
            secondary={(m) =>
              `${translate('app.dashboard.due_on', { date: date(m.due_date) })} · ${translate('app.dashboard.days_overdue', { smart_count: m.days_overdue ?? 0 })}`
            }
          />
          <MoreLink to={listUrl('milestones', { overdue: true })} total={data.count} />
        </>
      )}
    </StartCard>
  );
}

export function DueSoonCard() {
  const translate = useTranslate();
  const date = useDate();
  const { data, isPending, error } = useDueSoonMilestones();
  return (
    <StartCard
      title="app.dashboard.due_next_30"
      isPending={isPending}
      error={error}
      isEmpty={!data?.count}
      emptyText="app.dashboard.none_due"
    >
      {data && (
        <>
          <MilestoneList
            items={data.items}
            secondary={(m) =>
              `${translate('app.dashboard.due_on', { date: date(m.due_date) })} · ${translate('app.dashboard.days_left', { smart_count: m.days_left ?? 0 })}`
            }
          />
          <MoreLink to={data.url} total={data.count} />
        </>
      )}
    </StartCard>
  );
}

export function WithoutContactCard() {
  const translate = useTranslate();
  const { data, isPending, error } = useWithoutContact();
  return (
    <StartCard
      title="app.dashboard.without_contact_30"
      isPending={isPending}
      error={error}
      isEmpty={!data?.length}
      emptyText="app.dashboard.all_contacted"
    >
      {data && (
        <List dense disablePadding>
          {data.map((m) => (
            <ListItem key={m.municipality_id} disablePadding divider>
              <ListItemButton component={Link} to={showUrl('municipalities', m.municipality_id)}>
                <ListItemText
                  primary={m.name}
                  secondary={
                    m.days_since_contact === null
                      ? translate('app.dashboard.never_contacted')
                      : translate('app.dashboard.days_since_contact', { smart_count: m.days_since_contact })
                  }
                />
              </ListItemButton>
            </ListItem>
          ))}
        </List>
      )}
    </StartCard>
  );
}

export function DisagreementsCard() {
  const translate = useTranslate();
  const { data, isPending, error } = useLightDisagreements();
  return (
    <StartCard
      title="app.dashboard.disagreements"
      isPending={isPending}
      error={error}
      isEmpty={!data?.disagreement_count}
      emptyText="app.dashboard.no_disagreements"
    >
      {data && (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate(
              data.spending_considered ? 'app.dashboard.light_rule' : 'app.dashboard.light_rule_no_spending',
            )}
            {data.disagreement_count > data.disagreements.length &&
              ` ${translate('app.dashboard.worst_shown', { shown: data.disagreements.length, smart_count: data.disagreement_count })}`}
          </Typography>
          <Box sx={{ maxHeight: 420, overflowY: 'auto' }}>
            <List dense disablePadding>
              {data.disagreements.map((d) => (
                <ListItem key={d.measure_id} disablePadding divider>
                  <ListItemButton component={Link} to={showUrl('measures', d.measure_id)} sx={{ gap: 2 }}>
                    <ListItemText
                      sx={{ flex: '1 1 40%', minWidth: 0 }}
                      primary={`${d.code} · ${d.title}`}
                      secondary={d.reasons.map((r) => translate(...reasonMessage(r))).join(' · ')}
                      slotProps={{ primary: { noWrap: true, title: d.title } }}
                    />
                    <Box
                      sx={{
                        display: 'flex',
                        gap: 1,
                        alignItems: 'center',
                        flexShrink: 0,
                        typography: 'body2',
                      }}
                    >
                      <Box component="span" sx={{ color: 'text.secondary' }}>
                        {translate('app.dashboard.set_health')}
                      </Box>
                      <HealthDot compact health={d.health} />
                      <Box component="span" sx={{ color: 'text.secondary', ml: 1 }}>
                        {translate('app.dashboard.suggested_health')}
                      </Box>
                      {d.suggested && <HealthDot compact health={d.suggested} />}
                    </Box>
                  </ListItemButton>
                </ListItem>
              ))}
            </List>
          </Box>
          <MoreLink to={disagreementsUrl(data)} total={data.disagreement_count} />
        </>
      )}
    </StartCard>
  );
}
