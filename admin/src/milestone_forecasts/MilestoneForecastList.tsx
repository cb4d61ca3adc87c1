import { dateRangeFilters } from '../common/filters';
import { RefInput } from '../common/RefInput';
import { ResourceList } from '../common/ResourceList';
import { MilestoneForecastTable } from './MilestoneForecastTable';

const filters = [
  <RefInput key="milestone_id" source="milestone_id" reference="milestones" />,
  ...dateRangeFilters('reported_on'),
];

export default function MilestoneForecastList() {
  return (
    <ResourceList filters={filters}>
      <MilestoneForecastTable />
    </ResourceList>
  );
}
