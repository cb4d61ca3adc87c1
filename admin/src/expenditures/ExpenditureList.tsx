import { BooleanInput } from 'react-admin';
import { EnumInput } from '../common/EnumInput';
import { dateRangeFilters, searchFilter } from '../common/filters';
import { RefInput } from '../common/RefInput';
import { ResourceList } from '../common/ResourceList';
import { ExpenditureTable } from './ExpenditureTable';

const filters = [
  searchFilter,
  <RefInput key="measure_id" source="measure_id" reference="measures" />,
  <RefInput key="grant_id" source="grant_id" reference="grants" />,
  <EnumInput key="cost_category" source="cost_category" />,
  <BooleanInput key="eligible" source="eligible" />,
  ...dateRangeFilters('booked_on'),
  ...dateRangeFilters('paid_on'),
];

export default function ExpenditureList() {
  return (
    <ResourceList filters={filters}>
      <ExpenditureTable />
    </ResourceList>
  );
}
