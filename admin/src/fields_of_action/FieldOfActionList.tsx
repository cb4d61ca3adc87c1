import { DataTable } from 'react-admin';
import { searchFilter } from '../common/filters';
import { ResourceList } from '../common/ResourceList';
import { ResourceTable } from '../common/ResourceTable';
import { ColourField } from './ColourField';

export default function FieldOfActionList() {
  return (
    <ResourceList filters={[searchFilter]}>
      <ResourceTable>
        <DataTable.Col source="name" />
        <DataTable.Col source="colour" field={ColourField} disableSort />
      </ResourceTable>
    </ResourceList>
  );
}
