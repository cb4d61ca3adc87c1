import { BooleanInput } from 'react-admin';
import { dateRangeFilters } from '../common/filters';
import { RefInput } from '../common/RefInput';
import { ResourceList } from '../common/ResourceList';
import { TransferTable } from './TransferTable';

const filters = [
  <RefInput key="grant_id" source="grant_id" reference="grants" />,
  <RefInput key="measure_id" source="measure_id" reference="measures" />,
  <RefInput key="municipality_id" source="municipality_id" reference="municipalities" />,
  <RefInput key="partner_id" source="partner_id" reference="partners" />,
  <BooleanInput key="proof_overdue" source="proof_overdue" />,
  ...dateRangeFilters('proof_due_on'),
];

export default function TransferList() {
  return (
    <ResourceList filters={filters}>
      <TransferTable />
    </ResourceList>
  );
}
