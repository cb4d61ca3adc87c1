import { Box, List, ListItem, ListItemButton, ListItemText } from '@mui/material';
import type { ReactElement, ReactNode } from 'react';
import { Link } from 'react-router';
import { RecordContextProvider, useCreatePath, type RaRecord } from 'react-admin';

interface Props {
  contacts: RaRecord[];
  /** Municipality names by id (already loaded for the municipality card). */
  names: Record<number, string>;
  /** The date line of each entry (rendered in the contact's record context). */
  date: ReactElement;
  /** Buttons under an entry (e.g. closing or moving a follow-up); none when it returns nothing. */
  actions?: (contact: RaRecord) => ReactNode;
}

/** Contacts as tappable rows: a date line, the topic and the municipality; a tap opens the contact. */
export function ContactLinkList({ contacts, names, date, actions }: Props) {
  const createPath = useCreatePath();
  return (
    <List disablePadding>
      {contacts.map((c) => (
        <ListItem key={c.id} disablePadding divider sx={{ display: 'block' }}>
          <RecordContextProvider value={c}>
            <ListItemButton
              component={Link}
              to={createPath({ resource: 'contacts', id: c.id, type: 'show' })}
              sx={{ minHeight: 56, display: 'block' }}
            >
              <Box>{date}</Box>
              <ListItemText primary={String(c.topic)} secondary={names[c.municipality_id as number] ?? ''} />
            </ListItemButton>
            {actions?.(c)}
          </RecordContextProvider>
        </ListItem>
      ))}
    </List>
  );
}
