import { BooleanInput } from 'react-admin';
import { EnumInput } from '../common/EnumInput';
import { dateRangeFilters, searchFilter } from '../common/filters';
import { RefInput } from '../common/RefInput';
import { ResourceList } from '../common/ResourceList';
import { MeasureTable } from './MeasureTable';

const filters = [
  searchFilter,
  <EnumInput key="status" source="status" />,
  <EnumInput key="health" source="health" />,
  <BooleanInput key="late" source="late" alwaysOn />,
  <RefInput key="field_of_action_id" source="field_of_action_id" reference="fields_of_action" />,
  <RefInput key="municipality_ids" source="municipality_ids" reference="municipalities" />,
  <RefInput key="owner_id" source="owner_id" reference="users" />,
  <EnumInput key="phase" source="phase" />,
  <EnumInput key="target_picture" source="target_picture" />,
  ...dateRangeFilters('next_milestone_due'),
];

export default function MeasureList() {
  return (
    <ResourceList filters={filters}>
      <MeasureTable />
    </ResourceList>
  );
}
