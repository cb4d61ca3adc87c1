import { DataTable } from 'react-admin';
import { RefField } from '../common/RefFields';
import { RefInput } from '../common/RefInput';
import { ResourceList } from '../common/ResourceList';
import { ResourceTable } from '../common/ResourceTable';

const filters = [
  <RefInput key="measure_id" source="measure_id" reference="measures" />,
  <RefInput key="municipality_id" source="municipality_id" reference="municipalities" />,
];

/** Where measures apply (kept through a measure's municipality_ids). */
export default function MeasureMunicipalityList() {
  return (
    <ResourceList filters={filters}>
      <ResourceTable>
        <DataTable.Col source="measure_id" field={RefField} />
        <DataTable.Col source="municipality_id" field={RefField} />
      </ResourceTable>
    </ResourceList>
  );
}
