import { List, ListItemButton, ListItemText, Typography } from '@mui/material';
import { useId } from 'react';
import { Link } from 'react-router';
import { useCreatePath, useTranslate } from 'react-admin';
import type { SearchGroup } from './useSearch';

interface Props {
  groups: SearchGroup[];
  /** Called when a hit is chosen (closes the search). */
  onPick: () => void;
}

/** One type's hits under its heading (the heading names the list for screen readers). */
function ResultGroup({ group, onPick }: { group: SearchGroup; onPick: () => void }) {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const headingId = useId();
  return (
    <>
      <Typography
        id={headingId}
        variant="overline"
        component="div"
        sx={{ px: 2, pt: 1, color: 'text.secondary' }}
      >
        {translate(`resources.${group.type}.name`, { smart_count: 2 })}
      </Typography>
      <List dense disablePadding aria-labelledby={headingId}>
        {group.hits.map((h) => (
          <li key={h.id}>
            <ListItemButton
              component={Link}
              to={createPath({ resource: group.type, id: h.id, type: 'show' })}
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
    </>
  );
}

/** Hits grouped by type under a heading each; a hit opens the record's page. */
export function SearchResults({ groups, onPick }: Props) {
  const translate = useTranslate();
  return (
    <>
      {groups.map((g) => (
        <ResultGroup key={g.type} group={g} onPick={onPick} />
      ))}
      {groups.length === 0 && (
        <Typography variant="body2" sx={{ p: 2 }}>
          {translate('app.search.nothing')}
        </Typography>
      )}
    </>
  );
}
