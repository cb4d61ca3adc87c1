import { EnumInput } from '../common/EnumInput';
import { dateRangeFilters, searchFilter } from '../common/filters';
import { RefInput } from '../common/RefInput';
import { ResourceList } from '../common/ResourceList';
import { IndicatorTable } from './IndicatorTable';

const filters = [
  searchFilter,
  <RefInput key="measure_id" source="measure_id" reference="measures" />,
  <EnumInput key="state" source="state" />,
  <EnumInput key="direction" source="direction" />,
  ...dateRangeFilters('target_date'),
];

/** All impact indicators; the dashboard card opens this list filtered by state. */
export default function IndicatorList() {
  return (
    <ResourceList filters={filters}>
      <IndicatorTable />
    </ResourceList>
  );
}
