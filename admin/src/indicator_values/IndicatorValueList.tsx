import { DataTable } from 'react-admin';
import { DateField } from '../common/DateField';
import { dateRangeFilters } from '../common/filters';
import { RefField } from '../common/RefFields';
import { RefInput } from '../common/RefInput';
import { ResourceList } from '../common/ResourceList';
import { ResourceTable } from '../common/ResourceTable';

const filters = [
  <RefInput key="indicator_id" source="indicator_id" reference="indicators" />,
  ...dateRangeFilters('measured_on'),
];

/** Every measured value (entered on the measure's "Wirkung" tab; corrected here). */
export default function IndicatorValueList() {
  return (
    <ResourceList filters={filters}>
      <ResourceTable>
        <DataTable.Col source="indicator_id" field={RefField} />
        <DataTable.Col source="measured_on" field={DateField} />
        <DataTable.NumberCol source="value" locales="de-DE" />
        <DataTable.Col source="source" />
      </ResourceTable>
    </ResourceList>
  );
}
