import { Chip, List, ListItem, ListItemButton, ListItemText, Stack } from '@mui/material';
import { Link } from 'react-router';
import { useCreatePath, useTranslate } from 'react-admin';
import type { RankedMunicipality } from './guideStart';

/** One tappable row per municipality: days since the last contact and the open follow-ups. */
export function MyMunicipalitiesList({ rows }: { rows: RankedMunicipality[] }) {
  const translate = useTranslate();
  const createPath = useCreatePath();
  return (
    <List disablePadding>
      {rows.map((m) => (
        <ListItem key={m.id} disablePadding divider>
          <ListItemButton
            component={Link}
            to={createPath({ resource: 'municipalities', id: m.id, type: 'show' })}
            sx={{ minHeight: 56, flexWrap: 'wrap', columnGap: 1 }}
          >
            <ListItemText
              primary={m.name}
              secondary={
                m.daysSinceContact === null
                  ? translate('app.guide.never_contacted')
                  : m.daysSinceContact === 0
                    ? translate('app.guide.contacted_today')
                    : translate('app.guide.days_since_contact', { smart_count: m.daysSinceContact })
              }
            />
            <Stack direction="row" spacing={1}>
              {m.overdueFollowUps > 0 && (
                <Chip
                  size="small"
                  color="error"
                  label={translate('app.guide.overdue_count', { smart_count: m.overdueFollowUps })}
                />
              )}
              {m.openFollowUps > 0 && (
                <Chip
                  size="small"
                  variant="outlined"
                  label={translate('app.guide.open_count', { smart_count: m.openFollowUps })}
                />
              )}
            </Stack>
          </ListItemButton>
        </ListItem>
      ))}
    </List>
  );
}
