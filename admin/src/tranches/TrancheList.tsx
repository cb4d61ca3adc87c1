import { BooleanInput, NumberInput } from 'react-admin';
import { EnumInput } from '../common/EnumInput';
import { dateRangeFilters } from '../common/filters';
import { RefInput } from '../common/RefInput';
import { ResourceList } from '../common/ResourceList';
import { TrancheTable } from './TrancheTable';

const filters = [
  <EnumInput key="status" source="status" alwaysOn />,
  <RefInput key="grant_id" source="grant_id" reference="grants" />,
  <RefInput key="measure_id" source="measure_id" reference="measures" />,
  <NumberInput key="fiscal_year" source="fiscal_year" />,
  <BooleanInput key="is_final" source="is_final" />,
  ...dateRangeFilters('spend_deadline'),
];

export default function TrancheList() {
  return (
    <ResourceList filters={filters} sort={{ field: 'id', order: 'DESC' }}>
      <TrancheTable />
    </ResourceList>
  );
}
