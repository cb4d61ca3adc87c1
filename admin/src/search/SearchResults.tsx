import { List, ListItemButton, ListItemText, ListSubheader, Typography } from '@mui/material';
import { Link } from 'react-router';
import { useCreatePath, useTranslate } from 'react-admin';
import type { SearchGroup } from './useSearch';

interface Props {
  groups: SearchGroup[];
  /** Called when a hit is chosen (closes the search). */
  onPick: () => void;
}

/** Hits grouped by type under a heading each; a hit opens the record's page. */
export function SearchResults({ groups, onPick }: Props) {
  const translate = useTranslate();
  const createPath = useCreatePath();
  return (
    <>
      {groups.map((g) => {
        const heading = translate(`resources.${g.type}.name`, { smart_count: 2 });
        return (
          <List
            key={g.type}
            dense
            aria-label={heading}
            subheader={
              <ListSubheader component="div" disableSticky sx={{ lineHeight: '32px' }}>
                {heading}
              </ListSubheader>
            }
          >
            {g.hits.map((h) => (
              <li key={h.id}>
                <ListItemButton
                  component={Link}
                  to={createPath({ resource: g.type, id: h.id, type: 'show' })}
                  onClick={onPick}
                  sx={{ minHeight: 44 }}
                >
                  <ListItemText
                    primary={h.label}
                    secondary={h.detail}
                    slotProps={{ primary: { noWrap: true }, secondary: { noWrap: true } }}
                  />
                </ListItemButton>
              </li>
            ))}
          </List>
        );
      })}
      {groups.length === 0 && (
        <Typography variant="body2" sx={{ p: 2 }}>
          {translate('app.search.nothing')}
        </Typography>
      )}
    </>
  );
}
