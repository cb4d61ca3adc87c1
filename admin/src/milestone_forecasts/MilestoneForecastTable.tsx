import { DataTable } from 'react-admin';
import { DateField } from '../common/DateField';
import { RefField } from '../common/RefFields';
import { ResourceTable, type TableProps } from '../common/ResourceTable';

/** Each reported forecast of a milestone: the data behind the trend analysis. */
export function MilestoneForecastTable(props: TableProps) {
  return (
    <ResourceTable {...props}>
      <DataTable.Col source="milestone_id" field={RefField} />
      <DataTable.Col source="reported_on" field={DateField} />
      <DataTable.Col source="due_date" field={DateField} />
    </ResourceTable>
  );
}
