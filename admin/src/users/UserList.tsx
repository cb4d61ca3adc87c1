import { BooleanField, BooleanInput, DataTable, EmailField } from 'react-admin';
import { useCan } from '../auth/useCan';
import { EnumField } from '../common/EnumField';
import { EnumInput } from '../common/EnumInput';
import { searchFilter } from '../common/filters';
import { RefChips } from '../common/RefFields';
import { ResourceList } from '../common/ResourceList';
import { ResourceTable } from '../common/ResourceTable';

const filters = [
  searchFilter,
  <EnumInput key="role" source="role" />,
  <BooleanInput key="active" source="active" />,
];

export default function UserList() {
  // The API sends e-mail addresses only to those who manage users (USER_EMAIL_READERS).
  const emails = useCan('users', 'write');
  return (
    <ResourceList filters={filters}>
      <ResourceTable>
        <DataTable.Col source="name" />
        {emails && <DataTable.Col source="email" field={EmailField} />}
        <DataTable.Col source="role" field={EnumField} />
        <DataTable.Col source="active" field={BooleanField} />
        <DataTable.Col source="municipality_ids" field={RefChips} disableSort />
      </ResourceTable>
    </ResourceList>
  );
}
