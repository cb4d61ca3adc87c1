import { DataTable } from 'react-admin';
import { DateField } from '../common/DateField';
import { dateRangeFilters } from '../common/filters';
import { RefField } from '../common/RefFields';
import { ResourceList } from '../common/ResourceList';
import { ResourceTable } from '../common/ResourceTable';

const filters = [...dateRangeFilters('reported_on')];

export default function StatusReportList() {
  return (
    <ResourceList filters={filters}>
      <ResourceTable>
        <DataTable.Col source="reported_on" field={DateField} />
        <DataTable.Col source="title" />
        <DataTable.Col source="author_id" field={RefField} />
      </ResourceTable>
    </ResourceList>
  );
}
