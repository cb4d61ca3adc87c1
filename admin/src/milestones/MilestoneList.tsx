import { BooleanInput } from 'react-admin';
import { dateRangeFilters, searchFilter } from '../common/filters';
import { RefInput } from '../common/RefInput';
import { ResourceList } from '../common/ResourceList';
import { MilestoneTable } from './MilestoneTable';

const filters = [
  searchFilter,
  <RefInput key="measure_id" source="measure_id" reference="measures" />,
  <BooleanInput key="completed_on_null" source="completed_on_null" label="app.milestones.open" />,
  <BooleanInput key="overdue" source="overdue" />,
  <BooleanInput key="is_final" source="is_final" />,
  ...dateRangeFilters('due_date'),
];

/** Open milestones first: the list starts with those not yet reached, soonest (and overdue) on top. */
export default function MilestoneList() {
  return (
    <ResourceList filters={filters} filterDefaultValues={{ completed_on_null: true }}>
      <MilestoneTable />
    </ResourceList>
  );
}
