import { List, useResourceContext, type ListProps } from 'react-admin';
import { useCsvExporter } from './csvExporter';
import { EmptyState } from './EmptyState';
import { DEFAULT_SORTS } from './sorts';

/** A list with the German CSV export, the declared default sort and an empty state. */
export function ResourceList(props: ListProps) {
  const resource = useResourceContext(props);
  const exporter = useCsvExporter();
  return (
    <List
      exporter={exporter}
      empty={<EmptyState />}
      perPage={25}
      sort={resource ? DEFAULT_SORTS[resource] : undefined}
      {...props}
    />
  );
}
