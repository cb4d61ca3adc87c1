import { DataTable } from 'react-admin';
import { RefField } from '../common/RefFields';
import { ResourceTable, type TableProps } from '../common/ResourceTable';

/** Which partner takes which role in which measure. */
export function MeasurePartnerTable(props: TableProps) {
  return (
    <ResourceTable {...props}>
      <DataTable.Col source="measure_id" field={RefField} />
      <DataTable.Col source="partner_id" field={RefField} />
      <DataTable.Col source="role" />
    </ResourceTable>
  );
}
