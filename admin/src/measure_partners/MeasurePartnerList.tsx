import { RefInput } from '../common/RefInput';
import { ResourceList } from '../common/ResourceList';
import { MeasurePartnerTable } from './MeasurePartnerTable';

const filters = [
  <RefInput key="measure_id" source="measure_id" reference="measures" />,
  <RefInput key="partner_id" source="partner_id" reference="partners" />,
];

export default function MeasurePartnerList() {
  return (
    <ResourceList filters={filters}>
      <MeasurePartnerTable />
    </ResourceList>
  );
}
