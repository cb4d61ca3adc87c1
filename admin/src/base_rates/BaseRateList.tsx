import { DataTable } from 'react-admin';
import { PercentCol } from '../common/columns';
import { DateField } from '../common/DateField';
import { ResourceList } from '../common/ResourceList';
import { ResourceTable } from '../common/ResourceTable';

export default function BaseRateList() {
  return (
    <ResourceList>
      <ResourceTable rowClick="edit">
        <DataTable.Col source="valid_from" field={DateField} />
        <PercentCol source="rate_bp" />
        <DataTable.Col source="note" />
      </ResourceTable>
    </ResourceList>
  );
}
