import {
  Alert,
  Box,
  Grid,
  Link as MuiLink,
  List,
  ListItem,
  ListItemButton,
  ListItemText,
  Typography,
} from '@mui/material';
import { useGetIdentity, useGetList, useLocaleState, useTranslate } from 'react-admin';
import { Link } from 'react-router';
import { formatDate } from '../common/dates';
import { OverdueChip } from '../common/OverdueChip';
import { dateLocale } from '../i18n';
import { HealthDot } from '../common/HealthLight';
import { listUrl, showUrl } from './cockpitShapes';
import { StartCard } from './StartCard';
import type { Health } from '../../../api/features/dashboard/contract';

interface OwnMeasure {
  id: number;
  code: string;
  title: string;
  health: Health;
  late: boolean;
  next_milestone_due: string | null;
}

interface OpenMilestone {
  id: number;
  title: string;
  measure_id: number;
  due_date: string;
  overdue: boolean;
}

const SHOWN = 8;

/**
 * "Meine Maßnahmen", the steering role's start: the measures she or he is responsible for (late ones first, marked),
 * their next open milestones, and what is late, each opening its record or the filtered list.
 */
export function MyMeasures() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const date = (iso: string) => formatDate(iso, dateLocale(locale));
  const { identity } = useGetIdentity();
  const ownerId = identity?.id;
  const measures = useGetList<OwnMeasure>(
    'measures',
    {
      filter: { owner_id: ownerId },
      sort: { field: 'next_milestone_due', order: 'ASC' },
      pagination: { page: 1, perPage: 100 },
    },
    { enabled: ownerId !== undefined },
  );
  const own = measures.data ?? [];
  const ids = own.map((m) => m.id);
  const milestones = useGetList<OpenMilestone>(
    'milestones',
    {
      filter: { measure_id: ids, completed_on_null: true },
      sort: { field: 'due_date', order: 'ASC' },
      pagination: { page: 1, perPage: SHOWN },
    },
    { enabled: ids.length > 0 },
  );
  const codeOf = new Map(own.map((m) => [m.id, m.code]));
  const late = own.filter((m) => m.late);
  // Late first, then by the next milestone (the list comes sorted by it).
  const ordered = [...late, ...own.filter((m) => !m.late)];

  return (
    <Box component="section" aria-labelledby="my-measures-heading" sx={{ mb: 3 }}>
      <Typography id="my-measures-heading" component="h1" variant="h5" sx={{ mb: 1.5 }}>
        {translate('app.dashboard.my_measures')}
      </Typography>
      {late.length > 0 && (
        <Alert
          severity="error"
          sx={{ mb: 2 }}
          action={
            <MuiLink
              component={Link}
              to={listUrl('measures', { owner_id: ownerId, late: true })}
              color="inherit"
            >
              {translate('app.dashboard.my_show_late')}
            </MuiLink>
          }
        >
          {translate('app.dashboard.my_late_count', { smart_count: late.length })}
        </Alert>
      )}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <StartCard
            title="app.dashboard.my_measures_list"
            isPending={measures.isPending && ownerId !== undefined}
            error={measures.error}
            isEmpty={!own.length}
            emptyText="app.dashboard.my_none"
          >
            <List dense disablePadding>
              {ordered.slice(0, SHOWN).map((m) => (
                <ListItem key={m.id} disablePadding divider>
                  <ListItemButton component={Link} to={showUrl('measures', m.id)} sx={{ gap: 2 }}>
                    <ListItemText
                      primary={`${m.code} · ${m.title}`}
                      secondary={
                        m.next_milestone_due
                          ? translate('app.dashboard.my_next_due', { date: date(m.next_milestone_due) })
                          : translate('app.dashboard.my_no_open_milestones')
                      }
                      slotProps={{ primary: { noWrap: true, title: m.title } }}
                    />
                    {m.late && <OverdueChip />}
                    <HealthDot compact health={m.health} />
                  </ListItemButton>
                </ListItem>
              ))}
            </List>
            {own.length > SHOWN && (
              <MuiLink component={Link} to={listUrl('measures', { owner_id: ownerId })} variant="body2">
                {translate('app.dashboard.show_all', { smart_count: own.length })}
              </MuiLink>
            )}
          </StartCard>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <StartCard
            title="app.dashboard.my_next_milestones"
            isPending={milestones.isPending && ids.length > 0}
            error={milestones.error}
            isEmpty={!milestones.data?.length}
            emptyText="app.dashboard.my_no_open_milestones"
          >
            <List dense disablePadding>
              {(milestones.data ?? []).map((ms) => (
                <ListItem key={ms.id} disablePadding divider>
                  <ListItemButton component={Link} to={showUrl('milestones', ms.id)}>
                    <ListItemText
                      primary={`${codeOf.get(ms.measure_id) ?? ''} · ${ms.title}`}
                      secondary={translate('app.dashboard.due_on', { date: date(ms.due_date) })}
                      slotProps={{ primary: { noWrap: true, title: ms.title } }}
                    />
                    {ms.overdue && <OverdueChip />}
                  </ListItemButton>
                </ListItem>
              ))}
            </List>
          </StartCard>
        </Grid>
      </Grid>
    </Box>
  );
}
