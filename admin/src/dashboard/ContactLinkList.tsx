import { Box, List, ListItem, ListItemButton, ListItemText } from '@mui/material';
import type { ReactElement } from 'react';
import { Link } from 'react-router';
import { RecordContextProvider, useCreatePath, type RaRecord } from 'react-admin';

interface Props {
  contacts: RaRecord[];
  /** Municipality names by id (already loaded for the municipality card). */
  names: Record<number, string>;
  /** The date line of each entry (rendered in the contact's record context). */
  date: ReactElement;
}

/** Contacts as tappable rows: a date line, the topic and the municipality; a tap opens the contact. */
export function ContactLinkList({ contacts, names, date }: Props) {
  const createPath = useCreatePath();
  return (
    <List disablePadding>
      {contacts.map((c) => (
        <ListItem key={c.id} disablePadding divider>
          <RecordContextProvider value={c}>
            <ListItemButton
              component={Link}
              to={createPath({ resource: 'contacts', id: c.id, type: 'show' })}
              sx={{ minHeight: 56, display: 'block' }}
            >
              <Box>{date}</Box>
              <ListItemText primary={String(c.topic)} secondary={names[c.municipality_id as number] ?? ''} />
            </ListItemButton>
          </RecordContextProvider>
        </ListItem>
      ))}
    </List>
  );
}
