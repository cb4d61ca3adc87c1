import { Children, isValidElement } from 'react';
import {
  BulkDeleteButton,
  DataTable,
  useCanAccess,
  useResourceContext,
  type DataTableProps,
  type RaRecord,
} from 'react-admin';
import { NoEntries } from './NoEntries';

export interface TableProps {
  /**
   * Inside a detail page: the foreign key pointing at the shown record (its column is left out, no bulk
   * actions, and an empty list says so in words instead of offering to reset filters).
   */
  related?: string;
}

/** A DataTable whose bulk delete asks first and appears only for roles that may delete. */
export function ResourceTable<R extends RaRecord>({
  related,
  children,
  ...props
}: DataTableProps<R> & TableProps) {
  const resource = useResourceContext();
  const { canAccess } = useCanAccess({ resource, action: 'delete', enabled: !related });
  const columns = Children.toArray(children).filter(
    (child) => !related || !isValidElement<{ source?: string }>(child) || child.props.source !== related,
  );
  return (
    <DataTable<R>
      bulkActionButtons={!related && canAccess ? <BulkDeleteButton mutationMode="pessimistic" /> : false}
      empty={related ? <NoEntries /> : undefined}
      {...props}
    >
      {columns}
    </DataTable>
  );
}
