import { DataTable } from 'react-admin';
import { RefField } from '../common/RefFields';
import { RefInput } from '../common/RefInput';
import { ResourceList } from '../common/ResourceList';
import { ResourceTable } from '../common/ResourceTable';

const filters = [
  <RefInput key="contact_id" source="contact_id" reference="contacts" />,
  <RefInput key="measure_id" source="measure_id" reference="measures" />,
];

/** Which contacts concern which measures (kept through a contact's measure_ids). */
export default function ContactMeasureList() {
  return (
    <ResourceList filters={filters}>
      <ResourceTable>
        <DataTable.Col source="contact_id" field={RefField} />
        <DataTable.Col source="measure_id" field={RefField} />
      </ResourceTable>
    </ResourceList>
  );
}
