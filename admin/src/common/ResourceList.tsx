import { useMediaQuery, type Theme } from '@mui/material';
import type { ReactElement } from 'react';
import { List, useResourceContext, type ListProps } from 'react-admin';
import { ImportListActions } from '../imports/ImportListActions';
import { useCsvExporter } from './csvExporter';
import { EmptyState } from './EmptyState';
import { PhoneList } from './PhoneList';
import { DEFAULT_SORTS } from './sorts';

interface Props extends ListProps {
  /**
   * What a phone shows instead of the (wide) children: by default one entry per record with its name;
   * `false` keeps the children.
   */
  phoneList?: ReactElement | false;
}

/** A list with the German CSV export (and the spreadsheet import where there is one), the declared default sort, an empty state and a phone layout. */
export function ResourceList({ phoneList, children, ...props }: Props) {
  const resource = useResourceContext(props);
  const exporter = useCsvExporter();
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  return (
    <List
      exporter={exporter}
      actions={<ImportListActions />}
      empty={<EmptyState />}
      perPage={25}
      sort={resource ? DEFAULT_SORTS[resource] : undefined}
      {...props}
    >
      {phone && phoneList !== false ? (phoneList ?? <PhoneList />) : children}
    </List>
  );
}
