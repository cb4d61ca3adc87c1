import { NumberInput } from 'react-admin';
import { dateRangeFilters } from '../common/filters';
import { RefInput } from '../common/RefInput';
import { ResourceList } from '../common/ResourceList';
import { GrantYearTable } from './GrantYearTable';

const filters = [
  <RefInput key="grant_id" source="grant_id" reference="grants" />,
  <NumberInput key="fiscal_year" source="fiscal_year" />,
  ...dateRangeFilters('interim_proof_due_on'),
];

export default function GrantYearList() {
  return (
    <ResourceList filters={filters}>
      <GrantYearTable />
    </ResourceList>
  );
}
