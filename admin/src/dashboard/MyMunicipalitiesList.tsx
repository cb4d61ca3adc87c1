import InfoOutlinedIcon from '@mui/icons-material/InfoOutlined';
import { Box, Chip, IconButton, List, ListItem, ListItemButton, ListItemText, Stack } from '@mui/material';
import { Link } from 'react-router';
import { useCreatePath, useTranslate } from 'react-admin';
import type { RankedMunicipality } from './guideStart';

const VISUALLY_HIDDEN = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

/**
 * One tappable row per municipality: days since the last contact and the open follow-ups. A tap starts a
 * contact with that municipality (`onPick`); the button at the end opens the municipality's page.
 */
export function MyMunicipalitiesList({
  rows,
  onPick,
}: {
  rows: RankedMunicipality[];
  onPick: (id: number) => void;
}) {
  const translate = useTranslate();
  const createPath = useCreatePath();
  return (
    <List disablePadding>
      {rows.map((m) => (
        <ListItem
          key={m.id}
          disablePadding
          divider
          secondaryAction={
            <IconButton
              component={Link}
              to={createPath({ resource: 'municipalities', id: m.id, type: 'show' })}
              aria-label={translate('app.guide.open_municipality', { name: m.name })}
              sx={{ width: 44, height: 44 }}
            >
              <InfoOutlinedIcon />
            </IconButton>
          }
        >
          <ListItemButton
            onClick={() => onPick(m.id)}
            sx={{ minHeight: 56, flexWrap: 'wrap', columnGap: 1, pr: 7 }}
          >
            <ListItemText
              primary={
                <>
                  {/* Screen readers hear what the tap does; the eye sees it from the form beside the list. */}
                  <Box component="span" sx={VISUALLY_HIDDEN}>
                    {translate('app.guide.log_contact_with')}{' '}
                  </Box>
                  {m.name}
                </>
              }
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
