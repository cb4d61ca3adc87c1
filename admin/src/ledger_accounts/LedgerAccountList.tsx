import { DataTable } from 'react-admin';
import { EnumField } from '../common/EnumField';
import { ResourceList } from '../common/ResourceList';
import { ResourceTable } from '../common/ResourceTable';

export default function LedgerAccountList() {
  return (
    <ResourceList>
      <ResourceTable rowClick="edit">
        <DataTable.Col source="account" />
        <DataTable.Col source="cost_category" field={EnumField} />
        <DataTable.Col source="note" />
      </ResourceTable>
    </ResourceList>
  );
}
