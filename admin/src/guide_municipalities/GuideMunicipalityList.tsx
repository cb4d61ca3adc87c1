import { DataTable } from 'react-admin';
import { RefField } from '../common/RefFields';
import { RefInput } from '../common/RefInput';
import { ResourceList } from '../common/ResourceList';
import { ResourceTable } from '../common/ResourceTable';

const filters = [
  <RefInput key="user_id" source="user_id" reference="users" />,
  <RefInput key="municipality_id" source="municipality_id" reference="municipalities" />,
];

/** Which guide looks after which municipality (kept through a user's municipality_ids). */
export default function GuideMunicipalityList() {
  return (
    <ResourceList filters={filters}>
      <ResourceTable>
        <DataTable.Col source="user_id" field={RefField} />
        <DataTable.Col source="municipality_id" field={RefField} />
      </ResourceTable>
    </ResourceList>
  );
}
